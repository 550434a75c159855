import { describe, expect, it } from 'vitest';
import { applySubstitutions, placeholdersOf, resolveSubstitutions } from '../../src/aws/substitutions.js';

const declared = {
  Table: { description: null, default: null },
  Topic: { description: 'where reports go', default: 'arn:aws:sns:us-east-1:123456789012:default' },
  Fn: { description: null, default: null },
};
const none = { flags: {}, environment: {}, stage: {} };

describe('resolveSubstitutions', () => {
  it('takes --sub first, then the environment, then the stage, then the declared default', () => {
    const everywhere = { flags: { Table: 'flag' }, environment: { Table: 'env', Topic: 'env' }, stage: { Table: 'stage', Topic: 'stage', Fn: 'stage' } };
    expect(resolveSubstitutions(declared, everywhere)).toEqual({ values: { Table: 'flag', Topic: 'env', Fn: 'stage' }, missing: [] });
    expect(resolveSubstitutions(declared, { ...none, stage: { Table: 't', Fn: 'f' } }).values).toEqual({ Table: 't', Topic: declared.Topic.default, Fn: 'f' });
  });

  it('lists every placeholder without a value, in declaration order', () => {
    expect(resolveSubstitutions(declared, none)).toEqual({ values: { Topic: declared.Topic.default }, missing: ['Table', 'Fn'] });
  });

  it('treats an empty environment variable as unset, an explicit empty --sub as a value', () => {
    expect(resolveSubstitutions(declared, { ...none, environment: { Table: '' } }).missing).toContain('Table');
    expect(resolveSubstitutions(declared, { ...none, flags: { Table: '' } }).values.Table).toBe('');
  });

  it('only reads the environment variable of exactly the placeholder name', () => {
    expect(resolveSubstitutions(declared, { ...none, environment: { TABLE: 'x', table: 'y', TYPESTEP_Table: 'z' } }).missing).toContain('Table');
  });

  it('does not take inherited properties for values', () => {
    expect(resolveSubstitutions({ toString: { description: null, default: null } }, none).missing).toEqual(['toString']);
  });
});

describe('applySubstitutions', () => {
  it('replaces placeholders in values and keys, everywhere they occur', () => {
    const text = '{"Resource":"${Fn}","Parameters":{"${Key}.$":"$.x","TableName":"${Table}","Other":"${Table}-2"}}';
    expect(JSON.parse(applySubstitutions(text, { Fn: 'arn:f', Key: 'id', Table: 'orders' }))).toEqual({
      Resource: 'arn:f',
      Parameters: { 'id.$': '$.x', TableName: 'orders', Other: 'orders-2' },
    });
  });

  it('JSON-escapes values, so quotes and backslashes cannot break the definition', () => {
    const result = applySubstitutions('{"Comment":"${Note}"}', { Note: 'say "hi" \\ bye' });
    expect(JSON.parse(result)).toEqual({ Comment: 'say "hi" \\ bye' });
  });

  it('leaves placeholders without a value as they are', () => {
    expect(applySubstitutions('{"a":"${A}","b":"${B}"}', { A: '1' })).toBe('{"a":"1","b":"${B}"}');
  });
});

it('placeholdersOf finds the placeholders of a hand-written definition, each once', () => {
  expect(Object.keys(placeholdersOf('{"a":"${A}","b":"${B}-${A}","c":"$.not"}'))).toEqual(['A', 'B']);
});
