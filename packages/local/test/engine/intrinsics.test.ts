import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runWorkflow } from '../../src/index.js';

/** The intrinsic functions of JSONPath states, as a Pass state's Parameters evaluate them. */

async function evaluate(call: string, input: unknown = {}): Promise<unknown> {
  const result = await runWorkflow(
    { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'value.$': call }, End: true } } },
    { input },
  );
  if (result.status !== 'SUCCEEDED') throw new Error(`${result.error}: ${result.cause}`);
  return (result.output as { value: unknown }).value;
}

describe('intrinsic functions', () => {
  it.each([
    ["States.Format('Hello, {}! {} {} {}', $.name, 42, true, null)", 'Hello, Ann! 42 true null'],
    ["States.Format('literal \\{\\} and {}', 'x')", 'literal {} and x'],
    ["States.Format('it\\'s {}', 'fine')", "it's fine"],
    ['States.StringToJson(\'{"a": [1, {"b": null}]}\')', { a: [1, { b: null }] }],
    ['States.JsonToString($.obj)', '{"k":[1,"two"]}'],
    ["States.Array('a', 1, $.obj, States.Array())", ['a', 1, { k: [1, 'two'] }, []]],
    [
      'States.ArrayPartition($.numbers, 4)',
      [
        [1, 2, 3, 4],
        [5, 6],
      ],
    ],
    ['States.ArrayContains($.numbers, 6)', true],
    ['States.ArrayContains($.numbers, 7)', false],
    ['States.ArrayRange(0, 10, 4)', [0, 4, 8]],
    ['States.ArrayRange(5, 1, -2)', [5, 3, 1]],
    ['States.ArrayRange(1, 0, 1)', []],
    ['States.ArrayGetItem($.numbers, 0)', 1],
    ['States.ArrayLength($.numbers)', 6],
    ['States.ArrayUnique($.dupes)', [1, { a: 1 }, 'x']],
    ['States.Base64Encode($.text)', 'aMOpbGxvIOKckw=='],
    ["States.Base64Decode('aMOpbGxvIOKckw==')", 'héllo ✓'],
    ["States.Hash('input data', 'SHA-1')", createHash('sha1').update('input data').digest('hex')],
    ["States.Hash('input data', 'MD5')", createHash('md5').update('input data').digest('hex')],
    ["States.Hash('input data', 'SHA-512')", createHash('sha512').update('input data').digest('hex')],
    ['States.JsonMerge($.obj, $.other, false)', { k: 'over', more: 1 }],
    ['States.MathAdd(-5, $.numbers[2])', -2],
    ["States.StringSplit('a,b;;c', ',;')", ['a', 'b', 'c']],
  ])('%s', async (call, expected) => {
    const input = {
      name: 'Ann',
      obj: { k: [1, 'two'] },
      other: { k: 'over', more: 1 },
      numbers: [1, 2, 3, 4, 5, 6],
      dupes: [1, { a: 1 }, 1, 'x', { a: 1 }],
      text: 'héllo ✓',
    };
    expect(await evaluate(call, input)).toEqual(expected);
  });

  it('States.MathRandom stays in [start, end) and repeats for one seed', async () => {
    const seeded = await Promise.all([1, 2, 3].map(() => evaluate('States.MathRandom(1, 1000, 77)')));
    expect(new Set(seeded).size).toBe(1);
    for (let i = 0; i < 20; i++) {
      const value = (await evaluate('States.MathRandom(3, 5)')) as number;
      expect([3, 4]).toContain(value);
    }
  });

  it('States.UUID gives a fresh version 4 UUID', async () => {
    const [a, b] = await Promise.all([evaluate('States.UUID()'), evaluate('States.UUID()')]);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('reads variables and the context object as arguments', async () => {
    const definition = {
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { greeting: 'hi' }, Next: 'Use' },
        Use: { Type: 'Pass', Parameters: { 'value.$': "States.Format('{} from {}', $greeting, $$.State.Name)" }, End: true },
      },
    };
    expect((await runWorkflow(definition)).output).toEqual({ value: 'hi from Use' });
  });
});
