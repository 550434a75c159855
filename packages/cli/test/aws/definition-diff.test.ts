import { describe, expect, it } from 'vitest';
import { definitionDiff, sameDefinition } from '../../src/aws/definition-diff.js';

const deployed = '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"End":true}}}';

describe('sameDefinition', () => {
  it('ignores formatting and key order', () => {
    const reformatted = JSON.stringify({ States: { A: { End: true, Result: 1, Type: 'Pass' } }, StartAt: 'A' }, null, 4);
    expect(sameDefinition(deployed, reformatted)).toBe(true);
  });

  it('sees any change of a value, a key or an array order', () => {
    expect(sameDefinition(deployed, deployed.replace('"Result":1', '"Result":2'))).toBe(false);
    expect(sameDefinition(deployed, deployed.replace('"Result":1', '"Result":"1"'))).toBe(false);
    expect(sameDefinition('{"a":[1,2]}', '{"a":[2,1]}')).toBe(false);
  });
});

describe('definitionDiff', () => {
  it('is a unified diff of both definitions pretty-printed, showing only what changed', () => {
    const next = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Result: 2, End: true } } });
    expect(definitionDiff('Demo', deployed, next)).toBe(
      [
        '--- deployed Demo',
        '+++ new Demo',
        '@@ -3,7 +3,7 @@',
        '   "States": {',
        '     "A": {',
        '       "Type": "Pass",',
        '-      "Result": 1,',
        '+      "Result": 2,',
        '       "End": true',
        '     }',
        '   }',
        '',
      ].join('\n'),
    );
  });
});
