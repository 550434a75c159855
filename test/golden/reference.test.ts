import { compile, formatDiagnostic } from '@typestep/compiler';
import { describe, expect, it } from 'vitest';
import { examples, readReference, referenceNames } from '../support/examples.js';

/**
 * Golden tests: every example workflow compiles, with no diagnostic, to JSON deep-equal to the
 * seed's state machine in `../shared/reference-asl/` (read in place).
 */
describe('examples reproduce ../shared/reference-asl exactly', () => {
  it('covers every reference machine, each once', () => {
    expect(examples.map((example) => example.reference).sort()).toEqual(referenceNames());
    expect(referenceNames()).toHaveLength(9);
  });

  describe.each(examples)('$reference ← $source', ({ reference, workflow }) => {
    it('compiles with no diagnostics', () => {
      const { diagnostics } = compile(workflow);
      expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    });

    it('is deep-equal to the reference machine', () => {
      expect(compile(workflow).definition).toStrictEqual(readReference(reference));
    });

    it('compiles to byte-identical JSON twice', () => {
      const first = JSON.stringify(compile(workflow));
      const second = JSON.stringify(compile(workflow));
      expect(second).toBe(first);
      // The text of the definition is the same too (key order included), not just deep-equal.
      expect(JSON.stringify(compile(workflow).definition)).toBe(JSON.stringify(compile(workflow).definition));
    });
  });

  it('fails on any difference (a sanity check of the comparison itself)', () => {
    const [example] = examples;
    const definition = compile(example!.workflow).definition as Record<string, unknown>;
    const tampered = structuredClone(definition);
    (tampered.States as Record<string, Record<string, unknown>>)['Convert jpg image']!.Comment = 'x';
    expect(tampered).not.toStrictEqual(readReference(example!.reference));
  });
});

describe('substitutions maps', () => {
  const byReference = (reference: string) => examples.find((example) => example.reference === reference)!.workflow;

  it('seed 000 needs exactly ${LambdaFunction}', () => {
    expect(Object.keys(compile(byReference('000-1')).substitutions)).toEqual(['LambdaFunction']);
    expect(compile(byReference('000-1')).substitutions).toStrictEqual({
      LambdaFunction: { description: null, default: null },
    });
  });

  it('seed 002 needs exactly its five DefinitionSubstitutions', () => {
    const { substitutions } = compile(byReference('002-1'));
    expect(Object.keys(substitutions).sort()).toEqual(
      ['DDBPutItem', 'DDBTable', 'StockBuyerFunctionArn', 'StockCheckerFunctionArn', 'StockSellerFunctionArn'].sort(),
    );
    for (const entry of Object.values(substitutions)) expect(entry).toStrictEqual({ description: null, default: null });
  });

  it.each(examples.filter((example) => !['000-1', '002-1'].includes(example.reference)))(
    '$reference needs no substitutions',
    ({ workflow }) => {
      expect(compile(workflow).substitutions).toStrictEqual({});
    },
  );
});
