import { describe, expect, it } from 'vitest';
import { runWorkflow } from '../../src/index.js';

/**
 * A definite path (names and single indexes only) selects one value; a path with a wildcard, deep
 * scan, filter, slice or list selects an array of matches. Which one a path is comes from its
 * tokens, so a quoted name may hold any character.
 */

const input = {
  schedule: { '10:30': 'standup', 'a,b': 'both', '*': 'star', '..': 'dots', '[0]': 'bracket', "it's": 'quote' },
  list: ['first', 'second', 'last'],
  'odd.key': { inner: 'dotted' },
};

async function select(path: string): Promise<unknown> {
  const result = await runWorkflow({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': path }, End: true } } }, { input });
  if (result.status !== 'SUCCEEDED') throw new Error(`${result.error}: ${result.cause}`);
  return (result.output as { v: unknown }).v;
}

describe('definite and indefinite paths', () => {
  it.each([
    ["$.schedule['10:30']", 'standup'],
    ["$.schedule['a,b']", 'both'],
    ["$.schedule['*']", 'star'],
    ["$.schedule['..']", 'dots'],
    ["$.schedule['[0]']", 'bracket'],
    ["$.schedule['it\\'s']", 'quote'],
    ["$['odd.key'].inner", 'dotted'],
    ['$.odd\\.key.inner', 'dotted'],
    ['$.list[1]', 'second'],
    ['$.list[-1]', 'last'],
  ])('%s selects one value', async (path, expected) => {
    expect(await select(path)).toEqual(expected);
  });

  it.each([
    ['$.list[0,2]', ['first', 'last']],
    ['$.list[1:]', ['second', 'last']],
    ['$.list[*]', ['first', 'second', 'last']],
  ])('%s selects an array of matches', async (path, expected) => {
    expect(await select(path)).toEqual(expected);
  });

  it('uses a quoted key with ":" as a ResultPath and an InputPath', async () => {
    const result = await runWorkflow(
      {
        StartAt: 'P',
        States: {
          P: { Type: 'Pass', Result: 'retro', ResultPath: "$.schedule['11:00']", Next: 'Q' },
          Q: { Type: 'Pass', InputPath: "$.schedule['11:00']", End: true },
        },
      },
      { input },
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'retro' });
  });
});
