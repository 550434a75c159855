import {
  and,
  bool,
  eq,
  gt,
  gte,
  isBoolean,
  isNull,
  isNumeric,
  isPresent,
  isString,
  isTimestamp,
  jsonata,
  lt,
  lte,
  matches,
  not,
  num,
  or,
  shape,
  str,
  timestamp,
  workflow,
  type JsonataTest,
  type Path,
} from '@typestep/dsl';
import jsonataEngine from 'jsonata';
import { describe, expect, test } from 'vitest';
import { compile } from '../../src/index.js';

/**
 * On a JSONata Choice, the typed conditions (eq/lt/…/isPresent/…, and/or/not) are written as a
 * JSONata `Condition`. Each operator is checked twice: its exact text, and — evaluated with the
 * jsonata package, as Step Functions evaluates it — that it answers as the ASL operator of the same
 * name does (Step Functions developer guide, "Choice Rules").
 */

interface Sample {
  readonly s: string;
  readonly other: string;
  readonly n: number;
  readonly m: number;
  readonly b: boolean;
  readonly c: boolean;
  readonly t: string;
  readonly u: string;
  readonly maybe?: unknown;
  readonly 'odd-name': string;
}

/** Types a rule's test (for the tables below). */
const rule = (test: JsonataTest<Sample, {}>) => test;

/** The `Condition` a test compiles to, and whether it holds for an input. */
function conditionOf(test: JsonataTest<Sample, {}>) {
  const chain = workflow('Conditions', { queryLanguage: 'JSONata', input: shape<Sample>() }).choice('Pick', (c) =>
    c.when(test, (b) => b.succeed('Yes')).otherwise((b) => b.succeed('No')),
  );
  const { definition, diagnostics } = compile(chain);
  expect(diagnostics).toEqual([]);
  const condition = (definition.States as any).Pick.Choices[0].Condition as string;
  const holds = async (input: Partial<Sample>) => {
    const text = /^\{%(.*)%\}$/s.exec(condition)![1]!;
    return (await jsonataEngine(text).evaluate({}, { states: { input } })) as unknown;
  };
  return { condition, holds };
}

describe('comparisons with a literal', () => {
  test.each([
    ['eq', rule(({ input }) => eq(input.s, 'abc')), '{% $states.input.s = "abc" %}', { s: 'abc' }, { s: 'abd' }],
    ['lt', rule(({ input }) => lt(input.s, 'b')), '{% $states.input.s < "b" %}', { s: 'a' }, { s: 'b' }],
    ['lte', rule(({ input }) => lte(input.s, 'b')), '{% $states.input.s <= "b" %}', { s: 'b' }, { s: 'c' }],
    ['gt', rule(({ input }) => gt(input.s, 'b')), '{% $states.input.s > "b" %}', { s: 'c' }, { s: 'b' }],
    ['gte', rule(({ input }) => gte(input.s, 'b')), '{% $states.input.s >= "b" %}', { s: 'b' }, { s: 'a' }],
    ['numeric eq', rule(({ input }) => eq(input.n, 5)), '{% $states.input.n = 5 %}', { n: 5 }, { n: 5.5 }],
    ['numeric lt', rule(({ input }) => lt(input.n, 5)), '{% $states.input.n < 5 %}', { n: 4.9 }, { n: 5 }],
    ['numeric lte', rule(({ input }) => lte(input.n, 5)), '{% $states.input.n <= 5 %}', { n: 5 }, { n: 6 }],
    ['numeric gt', rule(({ input }) => gt(input.n, -1.5)), '{% $states.input.n > -1.5 %}', { n: 0 }, { n: -2 }],
    ['numeric gte', rule(({ input }) => gte(input.n, 0)), '{% $states.input.n >= 0 %}', { n: 0 }, { n: -1 }],
    ['boolean eq', rule(({ input }) => eq(input.b, true)), '{% $states.input.b = true %}', { b: true }, { b: false }],
    ['a string with quotes', rule(({ input }) => eq(input.s, 'say "hi"')), '{% $states.input.s = "say \\"hi\\"" %}', { s: 'say "hi"' }, { s: 'say hi' }],
    ['a name that needs backquotes', rule(({ input }) => eq(input['odd-name'], 'x')), '{% $states.input.`odd-name` = "x" %}', { 'odd-name': 'x' }, { 'odd-name': 'y' }],
  ] as const)('%s', async (_name, test, text, yes, no) => {
    const { condition, holds } = conditionOf(test);
    expect(condition).toBe(text);
    expect(await holds(yes)).toBe(true);
    expect(await holds(no)).toBe(false);
  });
});

describe('comparisons with another path (the ASL …Path operators)', () => {
  test.each([
    ['str.eq', rule(({ input }) => str.eq(input.s, input.other)), '{% $states.input.s = $states.input.other %}', { s: 'a', other: 'a' }, { s: 'a', other: 'b' }],
    ['str.lt', rule(({ input }) => str.lt(input.s, input.other)), '{% $states.input.s < $states.input.other %}', { s: 'a', other: 'b' }, { s: 'b', other: 'a' }],
    ['num.gte', rule(({ input }) => num.gte(input.n, input.m)), '{% $states.input.n >= $states.input.m %}', { n: 2, m: 2 }, { n: 1, m: 2 }],
    ['num.gt', rule(({ input }) => num.gt(input.n, input.m)), '{% $states.input.n > $states.input.m %}', { n: 3, m: 2 }, { n: 2, m: 2 }],
    ['bool.eq', rule(({ input }) => bool.eq(input.b, input.c)), '{% $states.input.b = $states.input.c %}', { b: true, c: true }, { b: true, c: false }],
  ] as const)('%s', async (_name, test, text, yes, no) => {
    const { condition, holds } = conditionOf(test);
    expect(condition).toBe(text);
    expect(await holds(yes)).toBe(true);
    expect(await holds(no)).toBe(false);
  });
});

describe('timestamps compare as instants ($toMillis), not as text', () => {
  test('literal', async () => {
    const { condition, holds } = conditionOf(({ input }) => timestamp.lt(input.t, '2020-01-01T00:00:00Z'));
    expect(condition).toBe('{% $toMillis($states.input.t) < $toMillis("2020-01-01T00:00:00Z") %}');
    expect(await holds({ t: '2019-12-31T23:59:59Z' })).toBe(true);
    // Later as text ("2020-01-01T00:30…" > "2020-01-01T00:00…") but earlier as an instant.
    expect(await holds({ t: '2020-01-01T00:30:00+01:00' })).toBe(true);
    expect(await holds({ t: '2020-01-01T00:00:00Z' })).toBe(false);
  });

  test.each([
    ['eq', (i: Path<Sample>) => timestamp.eq(i.t, i.u), '=', ['2020-01-01T01:00:00+01:00', '2020-01-01T00:00:00Z'], ['2020-01-01T00:00:01Z', '2020-01-01T00:00:00Z']],
    ['lte', (i: Path<Sample>) => timestamp.lte(i.t, i.u), '<=', ['2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'], ['2020-01-02T00:00:00Z', '2020-01-01T00:00:00Z']],
    ['gt', (i: Path<Sample>) => timestamp.gt(i.t, i.u), '>', ['2020-01-02T00:00:00Z', '2020-01-01T00:00:00Z'], ['2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z']],
    ['gte', (i: Path<Sample>) => timestamp.gte(i.t, i.u), '>=', ['2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'], ['2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z']],
  ] as const)('path to path: %s', async (_name, test, operator, [t, u], [t2, u2]) => {
    const { condition, holds } = conditionOf(({ input }) => test(input));
    expect(condition).toBe(`{% $toMillis($states.input.t) ${operator} $toMillis($states.input.u) %}`);
    expect(await holds({ t, u })).toBe(true);
    expect(await holds({ t: t2, u: u2 })).toBe(false);
  });
});

describe('StringMatches: `*` is any run of characters, `\\*` a star, everything else literal', () => {
  test('wildcards', async () => {
    const { condition, holds } = conditionOf(({ input }) => matches(input.s, 'log-*.txt'));
    expect(condition).toBe('{% $contains($states.input.s, /^log-.*\\.txt$/) %}');
    expect(await holds({ s: 'log-2024.txt' })).toBe(true);
    expect(await holds({ s: 'log-.txt' })).toBe(true);
    expect(await holds({ s: 'xlog-1.txt' })).toBe(false);
    expect(await holds({ s: 'log-1.txt.gz' })).toBe(false);
    expect(await holds({ s: 'log-1xtxt' })).toBe(false);
  });

  test('an escaped star, and regex characters that mean nothing to StringMatches', async () => {
    const { condition, holds } = conditionOf(({ input }) => str.matches(input.s, 'a\\*(b)+/[c]?'));
    expect(condition).toBe('{% $contains($states.input.s, /^a\\*\\(b\\)\\+\\/\\[c\\]\\?$/) %}');
    expect(await holds({ s: 'a*(b)+/[c]?' })).toBe(true);
    expect(await holds({ s: 'aXX(b)+/[c]?' })).toBe(false);
    expect(await holds({ s: 'a*bb/c' })).toBe(false);
  });
});

describe('type tests', () => {
  const sample = { s: 'text', n: 1.5, b: false, t: '2024-02-29T12:00:00.5+09:00', maybe: null };
  test.each([
    ['isPresent', rule(({ input }) => isPresent(input.maybe)), '$exists($states.input.maybe)', [{ maybe: 1 }, { maybe: null }], [{}]],
    ['isNull', rule(({ input }) => isNull(input.maybe)), '$states.input.maybe = null', [{ maybe: null }], [{ maybe: 0 }, { maybe: 'null' }]],
    ['isString', rule(({ input }) => isString(input.maybe)), '$type($states.input.maybe) = "string"', [{ maybe: '' }], [{ maybe: 1 }, { maybe: null }]],
    ['isNumeric', rule(({ input }) => isNumeric(input.maybe)), '$type($states.input.maybe) = "number"', [{ maybe: 0 }, { maybe: -2.5 }], [{ maybe: '1' }]],
    ['isBoolean', rule(({ input }) => isBoolean(input.maybe)), '$type($states.input.maybe) = "boolean"', [{ maybe: false }], [{ maybe: 'false' }, { maybe: 0 }]],
    [
      'isTimestamp',
      rule(({ input }) => isTimestamp(input.maybe)),
      '($type($states.input.maybe) = "string" and $contains($states.input.maybe, /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$/))',
      [{ maybe: '2016-03-14T01:59:00Z' }, { maybe: sample.t }],
      [{ maybe: '2016-03-14' }, { maybe: 'yesterday' }, { maybe: 20160314 }],
    ],
  ] as const)('%s', async (_name, test, text, yes, no) => {
    const { condition, holds } = conditionOf(test);
    expect(condition).toBe(`{% ${text} %}`);
    for (const input of yes) expect(await holds(input)).toBe(true);
    for (const input of no) expect(await holds(input)).toBe(false);
  });

  test('a test for false is the negation', async () => {
    const { condition, holds } = conditionOf(({ input }) => isPresent(input.maybe, false));
    expect(condition).toBe('{% $not($exists($states.input.maybe)) %}');
    expect(await holds({})).toBe(true);
    expect(await holds({ maybe: 1 })).toBe(false);
  });
});

describe('and / or / not', () => {
  test('and, or and not nest with parentheses', async () => {
    const { condition, holds } = conditionOf(({ input }) => or(and(gt(input.n, 1), lt(input.n, 10)), not(eq(input.s, 'skip')), eq(input.b, true)));
    expect(condition).toBe('{% (($states.input.n > 1) and ($states.input.n < 10)) or ($not($states.input.s = "skip")) or ($states.input.b = true) %}');
    expect(await holds({ n: 5, s: 'skip', b: false })).toBe(true);
    expect(await holds({ n: 50, s: 'go', b: false })).toBe(true);
    expect(await holds({ n: 50, s: 'skip', b: true })).toBe(true);
    expect(await holds({ n: 50, s: 'skip', b: false })).toBe(false);
  });
});

describe('other tests', () => {
  test('a boolean expression and a boolean path are the Condition as they are; variables render as $name', async () => {
    const expression = conditionOf(({ input }) => jsonata<boolean>`$count(${input.s}) > 0 and ${input.b}`);
    expect(expression.condition).toBe('{% $count($states.input.s) > 0 and $states.input.b %}');
    expect(await expression.holds({ s: 'x', b: true })).toBe(true);
    expect(conditionOf(({ input }) => input.b).condition).toBe('{% $states.input.b %}');

    const { definition } = compile(
      workflow('Vars', { queryLanguage: 'JSONata', input: shape<{ n: number }>() })
        .pass('Set', { assign: ({ input }) => ({ limit: input.n }) })
        .choice('Pick', (c) => c.when(({ input, vars }) => num.lt(input.n, vars.limit), (b) => b.succeed('Yes')).otherwise((b) => b.succeed('No'))),
    );
    expect((definition.States as any).Pick.Choices[0].Condition).toBe('{% $states.input.n < $limit %}');
  });
});
