/**
 * The two workloads of bench/engine, as plain ASL (both engines read the same JSON):
 *
 * - a 200-state chain alternating Pass (an intrinsic add) and Choice (a numeric rule), run many
 *   times: the per-state overhead of an interpreter;
 * - an inline Map over 10,000 items whose processor is one Pass state: the per-iteration overhead.
 */

export interface Workload {
  readonly name: string;
  readonly description: string;
  readonly definition: { readonly StartAt: string; readonly States: Record<string, unknown> };
  readonly input: unknown;
  /** Executions per measured round (small workloads are repeated to be measurable). */
  readonly executionsPerRound: number;
  readonly expectedOutput: unknown;
}

export function passChoiceChain(states = 200): Workload {
  const pairs = states / 2;
  const definition: Record<string, unknown> = {};
  for (let i = 0; i < pairs; i++) {
    const last = i === pairs - 1;
    definition[`Step ${i}`] = {
      Type: 'Pass',
      Parameters: { 'count.$': 'States.MathAdd($.count, 1)', 'label.$': '$.label' },
      Next: `Check ${i}`,
    };
    definition[`Check ${i}`] = {
      Type: 'Choice',
      Choices: [{ Variable: '$.count', NumericLessThanEquals: pairs, Next: last ? 'Done' : `Step ${i + 1}` }],
      Default: 'Too Many',
    };
  }
  definition['Done'] = { Type: 'Succeed' };
  definition['Too Many'] = { Type: 'Fail', Error: 'TooMany' };
  return {
    name: `${states}-state Pass/Choice chain`,
    description: `${pairs} Pass states (Parameters with States.MathAdd) alternating with ${pairs} Choice states (NumericLessThanEquals), then Succeed`,
    definition: { StartAt: 'Step 0', States: definition },
    input: { count: 0, label: 'bench' },
    executionsPerRound: 20,
    expectedOutput: { count: pairs, label: 'bench' },
  };
}

export function inlineMap(items = 10_000): Workload {
  return {
    name: `${items.toLocaleString('en-US')}-item inline Map`,
    description: `one Map state (inline, MaxConcurrency 0) over ${items.toLocaleString('en-US')} items \`{ n }\`; its ItemProcessor is one Pass state with Parameters (\`States.MathAdd($.n, $.n)\`)`,
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 0,
          ItemProcessor: {
            StartAt: 'Double',
            States: { Double: { Type: 'Pass', Parameters: { 'double.$': 'States.MathAdd($.n, $.n)' }, End: true } },
          },
          End: true,
        },
      },
    },
    input: { items: Array.from({ length: items }, (_, i) => ({ n: i })) },
    executionsPerRound: 1,
    expectedOutput: Array.from({ length: items }, (_, i) => ({ double: 2 * i })),
  };
}
