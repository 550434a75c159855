import { describe, expect, test } from 'vitest';
import { eq, fragment, jsonata, shape, unsafeTarget, untyped, workflow, type Path } from '@typestep/dsl';
import { compile } from '../src/index.js';

/** The line this is called from. */
const here = () => Number(/:(\d+):\d+\)?$/.exec(new Error().stack!.split('\n')[2]!)![1]);

describe('compile(): emitter and validator together', () => {
  test('an empty Parallel branch is one diagnostic, at the parallel() call, with no follow-on errors', () => {
    const line = here() + 1;
    const result = compile(workflow('W').parallel('P', { branches: [(b) => b.pass('A'), (b) => b] }));
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'STEP003',
      statePath: 'W > P > Branches[1]',
      message: 'This branch of Parallel state "P" has no states. Add at least one state to it.',
      source: { line },
    });
    expect(result.diagnostics[0]!.source!.file).toMatch(/compile\.test\.ts$/);
  });

  test('an empty Catch handler is one diagnostic (no "missing Next" besides)', () => {
    const result = compile(workflow('W').task('T', { resource: 'r', catch: (c) => [c(['States.ALL'], {}, (b) => b)] }));
    expect(result.diagnostics.map((d) => [d.code, d.statePath])).toEqual([['STEP004', 'W > T > Catch[0]']]);
  });

  test('a dangling goto is reported at the .unsafeGoto() call, not at the state it leaves', () => {
    const chain = workflow('W').pass('Start');
    const line = here() + 1;
    const result = compile(chain.unsafeGoto('Nowhere'));
    expect(result.diagnostics.map((d) => [d.code, d.statePath])).toEqual([['STEP104', 'W > Start > Next']]);
    expect(result.diagnostics[0]!.source?.line).toBe(line);
  });

  test('a choice rule jumping to a missing state is reported at its .when() call', () => {
    const line = here() + 3;
    const result = compile(
      workflow('W', { input: shape<{ n: number }>() }).choice('C', (c) =>
        c.when(($) => eq($.n, 1), unsafeTarget('Missing')).otherwise((b) => b.succeed('S')),
      ),
    );
    expect(result.diagnostics.map((d) => [d.code, d.statePath])).toEqual([['STEP104', 'W > C > Choices[0] > Next']]);
    expect(result.diagnostics[0]!.source?.line).toBe(line);
  });

  test('a fragment that only ends closes the open ends it is attached to', () => {
    const result = compile(workflow('W').pass('S').next(fragment(untyped).end()).pass('Unreachable'));
    const states = result.definition.States as Record<string, Record<string, unknown>>;
    expect(states.S).toEqual({ Type: 'Pass', End: true });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['STEP106']);
  });
});

describe('compile(): JSONata and variables are checked at build time, at the builder call', () => {
  test('a JSONata syntax error is a diagnostic at the state, quoting jsonata, on the line of the builder call', () => {
    const line = here() + 2;
    const result = compile(
      workflow('J', { queryLanguage: 'JSONata', input: shape<{ items: number[] }>() }).pass('Sum', { output: ({ input }) => ({ total: jsonata<number>`$sum(${input.items}` }) }),
    );
    expect(result.diagnostics.map((d) => [d.code, d.statePath])).toEqual([['STEP508', 'J > Sum > Output > total']]);
    expect(result.diagnostics[0]!.message).toContain('$sum($states.input.items');
    expect(result.diagnostics[0]!.source?.file).toMatch(/compile\.test\.ts$/);
    expect(result.diagnostics[0]!.source?.line).toBe(line);
  });

  test('a variable read on a path where it may not be assigned is a build error naming it', () => {
    const line = here() + 6;
    const result = compile(
      workflow('V', { queryLanguage: 'JSONata', input: shape<{ n: number }>() })
        .choice('Big?', (c) => c.when(({ input }) => jsonata<boolean>`${input.n} > 10`, (b) => b.pass('Remember', { assign: () => ({ big: true }) })).otherwise((b) => b.pass('Forget')))
        // tsc already refuses `vars.big` here (a branch's variables do not flow past the Choice); the
        // cast forces the read through to show the compiler's own check, which hand-written ASL relies on.
        .pass('Use', { output: ({ vars }) => ({ big: (vars as unknown as { big: Path<boolean> }).big }) }),
    );
    expect(result.diagnostics.map((d) => [d.code, d.statePath])).toEqual([['STEP703', 'V > Use > Output > big']]);
    expect(result.diagnostics[0]!.message).toContain('$big');
    expect(result.diagnostics[0]!.source?.line).toBe(line);
  });
});
