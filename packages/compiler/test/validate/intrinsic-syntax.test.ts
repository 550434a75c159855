import { describe, expect, it } from 'vitest';
import { analyzeIntrinsic, parseIntrinsic, pathsInIntrinsic } from '@typestep/compiler';

/**
 * One parser for intrinsic function calls: the syntax tree the local engine evaluates, and the
 * problems the validator reports, come from the same parse.
 */

describe('parseIntrinsic', () => {
  it('gives the syntax tree: string literals (value and raw text), numbers, booleans, null, paths and nested calls', () => {
    const parsed = parseIntrinsic(
      "States.Format('a \\{ {} it\\'s {} {} {} {}', States.ArrayGetItem($.names, 0), -1.5e1, true, null, $var.x)",
    );
    expect(parsed.problem).toBeUndefined();
    expect(parsed.call).toEqual({
      kind: 'call',
      name: 'States.Format',
      args: [
        { kind: 'literal', value: "a { {} it's {} {} {} {}", raw: "a \\{ {} it\\'s {} {} {} {}" },
        {
          kind: 'call',
          name: 'States.ArrayGetItem',
          args: [
            { kind: 'path', path: '$.names' },
            { kind: 'literal', value: 0 },
          ],
        },
        { kind: 'literal', value: -15 },
        { kind: 'literal', value: true },
        { kind: 'literal', value: null },
        { kind: 'path', path: '$var.x' },
      ],
    });
    expect(parsed.paths).toEqual(['$.names', '$var.x']);
  });

  it('skips any whitespace between tokens, as the validator always has', () => {
    const parsed = parseIntrinsic("States.Format('x{}',\t$.x )");
    expect(parsed.problem).toBeUndefined();
    expect(parsed.call!.args).toEqual([
      { kind: 'literal', value: 'x{}', raw: 'x{}' },
      { kind: 'path', path: '$.x' },
    ]);
  });

  it('gives no tree for a call with a problem, and the problem is what the validator reports', () => {
    for (const text of ["States.Format('a\\qb')", "States.Format ('x')", 'States.UUID(1)', 'States.Array($.a,)']) {
      const parsed = parseIntrinsic(text);
      expect(parsed.call, text).toBeUndefined();
      expect(parsed.problem, text).toEqual(analyzeIntrinsic(text));
      expect(parsed.problem, text).toBeDefined();
    }
  });

  it('collects the paths of nested calls, as written', () => {
    expect(pathsInIntrinsic('States.Array($.a, States.Array($$.Execution.Id, $total))')).toEqual(['$.a', '$$.Execution.Id', '$total']);
  });
});
