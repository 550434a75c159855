import { eq, gt, sub, workflow, type Chain } from '@typestep/dsl';

/**
 * Builds a large workflow through the DSL by ordinary code: a loop that appends one block after
 * another, cycling through a fixed pattern so the graph is not a straight line — Choices whose
 * branches converge on the next block, poll loops (a Choice jumping back to an earlier Wait),
 * Tasks with Retry and with a Catch handler chain, and now and then a Parallel or an inline Map.
 *
 * Every emitted state (nested ones included) counts towards `states`; the generator stops at
 * exactly that number. Names are short (`T12`, `Ca40`…) so that 20,000 states stay inside the
 * 1 MB definition limit and the workflow stays valid.
 */

type AnyChain = Chain<any, any, any>;

interface Block {
  /** How many states the block adds. */
  readonly states: number;
  readonly add: (chain: AnyChain, i: number) => AnyChain;
}

const fn = sub('Fn');
const retry = [{ errors: ['States.TaskFailed'] as [string], intervalSeconds: 1, maxAttempts: 2, backoffRate: 2 }];

const blocks = {
  task: {
    states: 1,
    add: (c, i) => c.task(`T${i}`, { resource: fn, parameters: ($: any) => ({ id: $.id, n: i }), resultPath: '$.r' }),
  },
  retryTask: {
    states: 1,
    add: (c, i) => c.task(`R${i}`, { resource: fn, parameters: ($: any) => ({ id: $.id }), resultPath: '$.r', retry }),
  },
  pass: {
    states: 1,
    add: (c, i) => c.pass(`P${i}`, { result: { n: i }, resultPath: '$.p' }),
  },
  /** A Choice with two rules and a default; the three branches converge on whatever comes next. */
  choice: {
    states: 5,
    add: (c, i) =>
      c.choice(`C${i}`, (r: any) =>
        r
          .when(
            ($: any) => eq($.kind, 'a'),
            (b: AnyChain) => b.task(`Ca${i}`, { resource: fn, resultPath: '$.r' }).pass(`Cb${i}`),
          )
          .when(
            ($: any) => gt($.n, i),
            (b: AnyChain) => b.pass(`Cc${i}`, { result: 'big', resultPath: '$.size' }),
          )
          .otherwise((b: AnyChain) => b.pass(`Cd${i}`)),
      ),
  },
  /** A Task whose errors go to a handler chain that ends the execution with a Fail. */
  catchTask: {
    states: 3,
    add: (c, i) =>
      c.task(`K${i}`, {
        resource: fn,
        resultPath: '$.r',
        catch: (k: any) => [
          k(['States.ALL'], { resultPath: '$.error' }, (b: AnyChain) => b.pass(`Kh${i}`).fail(`Kf${i}`, { error: 'Failed' })),
        ],
      }),
  },
  /** A poll loop: Wait, check, and jump back to the Wait until the status says done. */
  poll: {
    states: 4,
    add: (c, i) =>
      c
        .wait(`W${i}`, { seconds: 1 })
        .task(`Wt${i}`, { resource: fn, resultPath: '$.status' })
        .choice(`Wc${i}`, (r: any) =>
          r
            .when(
              ($: any) => eq($.status, 'DONE'),
              (b: AnyChain) => b.pass(`Wd${i}`),
            )
            .otherwise(`W${i}`),
        ),
  },
  parallel: {
    states: 4,
    add: (c, i) =>
      c.parallel(`L${i}`, {
        branches: [(b: AnyChain) => b.task(`La${i}`, { resource: fn }).pass(`Lb${i}`), (b: AnyChain) => b.pass(`Lc${i}`, { result: i })],
        resultPath: '$.par',
      }),
  },
  map: {
    states: 3,
    add: (c, i) =>
      c.map(`M${i}`, {
        itemsPath: ($: any) => $.items,
        maxConcurrency: 4,
        itemProcessor: (b: AnyChain) => b.task(`Ma${i}`, { resource: fn, parameters: ($: any) => ({ item: $.v }) }).pass(`Mb${i}`),
        resultPath: '$.mapped',
      }),
  },
} satisfies Record<string, Block>;

type BlockName = keyof typeof blocks;

/** One round of the pattern: mostly plain states, branching every few, Parallel and Map once each. */
const PATTERN: readonly BlockName[] = [
  'task',
  'pass',
  'choice',
  'retryTask',
  'pass',
  'catchTask',
  'task',
  'poll',
  'pass',
  'parallel',
  'task',
  'choice',
  'pass',
  'retryTask',
  'map',
  'task',
];

export interface Generated {
  /** The workflow, ended with a Succeed (so no state can follow it). */
  readonly workflow: Chain<any, never, any>;
  /** States the generator added (every State object in the emitted ASL, nested ones included). */
  readonly states: number;
  /** How many of each block kind went in. */
  readonly blocks: Readonly<Record<BlockName | 'filler', number>>;
}

/** A workflow of exactly `states` states (at least 2), built through the DSL. */
export function generateWorkflow(states: number, name = `Generated${states}`): Generated {
  if (states < 2) throw new RangeError('generateWorkflow(): at least 2 states');
  const counts = Object.fromEntries([...Object.keys(blocks), 'filler'].map((k) => [k, 0])) as Record<BlockName | 'filler', number>;
  let chain: AnyChain = workflow(name, { comment: `${states} generated states`, timeoutSeconds: 3600 });
  let added = 0;
  let i = 0;
  const budget = states - 1; // the last state is a Succeed
  for (let round = 0; ; round++) {
    const kind = PATTERN[round % PATTERN.length]!;
    const block: Block = blocks[kind];
    if (added + block.states > budget) break;
    chain = block.add(chain, i++);
    added += block.states;
    counts[kind]++;
  }
  while (added < budget) {
    chain = chain.pass(`F${i++}`);
    added++;
    counts.filler++;
  }
  return { workflow: chain.succeed('Done'), states: added + 1, blocks: counts };
}

/** Counts the State objects of an ASL definition, nested Parallel branches and Map processors included. */
export function countStates(definition: unknown): number {
  const machine = definition as { States?: Record<string, Record<string, unknown>> };
  let count = 0;
  for (const state of Object.values(machine.States ?? {})) {
    count++;
    for (const branch of (state.Branches as unknown[] | undefined) ?? []) count += countStates(branch);
    for (const field of ['ItemProcessor', 'Iterator']) if (state[field]) count += countStates(state[field]);
  }
  return count;
}
