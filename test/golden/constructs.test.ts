import { compile, formatDiagnostic } from '@typestep/compiler';
import { describe, expect, it } from 'vitest';
import { goldenCases } from './constructs/index.js';

/**
 * Golden tests of the language's constructs (JSONata, variables, Distributed Map): each case's
 * workflow compiles, with no diagnostic, to exactly the ASL written out in the case, and lists
 * exactly the placeholders it uses. The same definitions are checked by the independent
 * validators in test/oracles/.
 */
describe.each(goldenCases)('$construct', ({ workflow, asl, placeholders = [] }) => {
  const result = compile(workflow);

  it('compiles with no diagnostics', () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('emits exactly the ASL of the case', () => {
    expect(result.definition).toStrictEqual(asl);
  });

  it('lists exactly the placeholders it uses', () => {
    expect(Object.keys(result.substitutions).sort()).toEqual(placeholders);
  });

  it('compiles to byte-identical JSON again', () => {
    expect(JSON.stringify(compile(workflow))).toBe(JSON.stringify(result));
  });
});

it('every case has its own workflow name (they are deployed side by side)', () => {
  const names = goldenCases.map(({ workflow }) => compile(workflow).name);
  expect(new Set(names).size).toBe(names.length);
});
