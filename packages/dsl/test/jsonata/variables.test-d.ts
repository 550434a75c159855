import { describe, expectTypeOf, test } from 'vitest';
import { eq, jsonata, s3Objects, shape, workflow, type JsonataChain, type Path } from '../../src/index.js';

/**
 * Workflow variables as TypeScript sees them: `assign` adds typed names to the chain, `vars.x` reads
 * them with their type, a name nobody assigned is an error, and variables reach the states that
 * AWS lets read them (later states, Choice branches, Parallel branches, inline Map iterations,
 * Catch handlers) — but not a Distributed Map's child executions.
 */

/** The variables in scope after a chain. */
type VarsOf<C> = C extends JsonataChain<any, any, any, infer V> ? V : never;

interface Order {
  readonly id: string;
  readonly total: number;
  readonly lines: readonly { readonly sku: string }[];
}

const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:f';
const start = () => workflow('Vars', { queryLanguage: 'JSONata', input: shape<Order>() });
const assigned = () =>
  start().pass('Set', {
    assign: ({ input }) => ({ orderId: input.id, total: input.total, count: jsonata<number>`$count(${input.lines})`, label: 'order' }),
  });

describe('assign adds typed variables', () => {
  test('each name with the type of what is assigned', () => {
    expectTypeOf<VarsOf<ReturnType<typeof start>>>().toEqualTypeOf<{}>();
    expectTypeOf<VarsOf<ReturnType<typeof assigned>>>().toEqualTypeOf<{ orderId: string; total: number; count: number; label: string }>();
  });

  test('reading one has its type', () => {
    assigned().pass('Read', {
      output: ({ vars }) => {
        expectTypeOf(vars.orderId).toEqualTypeOf<Path<string>>();
        expectTypeOf(vars.count).toEqualTypeOf<Path<number>>();
        return {};
      },
    });
  });

  test('reading a name nobody assigned is an error', () => {
    assigned().pass('Read', {
      // @ts-expect-error — `totl` was never assigned
      output: ({ vars }) => ({ total: vars.totl }),
    });
    start().pass('Too early', {
      // @ts-expect-error — nothing is assigned yet
      output: ({ vars }) => vars.orderId,
    });
  });

  test('a variable is typed where it is compared', () => {
    assigned().choice('C', (c) =>
      c
        .when(({ vars }) => eq(vars.total, 5), (b) => b.succeed('Five'))
        // @ts-expect-error — `total` is a number: no string comparison
        .when(({ vars }) => eq(vars.total, 'five'), (b) => b.succeed('Text')),
    );
  });

  test('re-assigning a name changes its type; other names stay', () => {
    const chain = assigned().task('T', {
      resource: lambda,
      returns: shape<{ total: string }>(),
      assign: ({ result }) => ({ total: result.total }),
    });
    expectTypeOf<VarsOf<typeof chain>>().toEqualTypeOf<{ orderId: string; total: string; count: number; label: string }>();
  });

  test('assign reads the result in a Task, Parallel and Map, and the error output in a Catcher', () => {
    const chain = start()
      .task('T', { resource: lambda, returns: shape<{ receipt: string }>(), assign: ({ result }) => ({ receipt: result.receipt }) })
      .parallel('P', { branches: [(b) => b.pass('A', { output: { a: 1 } })], assign: ({ result }) => ({ fromBranch: result }) })
      .map('M', { items: [1, 2], itemProcessor: (b) => b.pass('I'), assign: ({ result }) => ({ mapped: result }) });
    expectTypeOf<VarsOf<typeof chain>>().toEqualTypeOf<{ receipt: string; fromBranch: [{ a: number }]; mapped: number[] }>();
  });

  test('a Choice’s assign comes after its tests: branches and what follows see it, tests do not', () => {
    const chain = start().choice('C', { assign: ({ input }) => ({ chosen: input.id }) }, (c) =>
      c
        // @ts-expect-error — rules are evaluated before the Choice's own Assign
        .when(({ vars }) => eq(vars.chosen, 'x'), (b) => b.succeed('X'))
        .otherwise((b) => {
          expectTypeOf<VarsOf<typeof b>>().toEqualTypeOf<{ chosen: string }>();
          return b.pass('Other');
        }),
    );
    expectTypeOf<VarsOf<typeof chain>>().toEqualTypeOf<{ chosen: string }>();
  });
});

describe('variables flow into nested scopes', () => {
  test('Choice branches', () => {
    assigned().choice('C', (c) =>
      c.when(
        ({ vars }) => eq(vars.label, 'order'),
        (b) =>
          b.pass('Branch', {
            output: ({ vars }) => {
              expectTypeOf(vars.orderId).toEqualTypeOf<Path<string>>();
              return {};
            },
          }),
      ),
    );
  });

  test('Parallel branches', () => {
    assigned().parallel('P', {
      branches: [
        (b) => {
          expectTypeOf<VarsOf<typeof b>>().toEqualTypeOf<{ orderId: string; total: number; count: number; label: string }>();
          return b.pass('A', { output: ({ vars }) => vars.orderId });
        },
      ],
    });
  });

  test('inline Map iterations', () => {
    assigned().map('M', {
      items: ({ input }) => input.lines,
      itemProcessor: (b) => {
        expectTypeOf<VarsOf<typeof b>>().toEqualTypeOf<{ orderId: string; total: number; count: number; label: string }>();
        return b.pass('Line', { output: ({ input, vars }) => ({ sku: input.sku, order: vars.orderId }) });
      },
    });
  });

  test('Catch handlers, with what the catcher assigned', () => {
    assigned().task('T', {
      resource: lambda,
      catch: (c) => [
        c(['States.ALL'], { assign: ({ errorOutput }) => ({ error: errorOutput.Error }) }, (b) => {
          expectTypeOf<VarsOf<typeof b>>().toEqualTypeOf<{ orderId: string; total: number; count: number; label: string; error: string }>();
          return b.pass('Handle');
        }),
      ],
    });
  });

  test('not a Distributed Map’s child executions: they run apart from the parent', () => {
    assigned().map('Objects', {
      distributed: { executionType: 'STANDARD', itemReader: s3Objects({ bucket: 'typestep-data' }) },
      itemProcessor: (b) => {
        expectTypeOf<VarsOf<typeof b>>().toEqualTypeOf<{}>();
        // @ts-expect-error — the parent's variables are not visible in a child execution
        return b.pass('Object', { output: ({ vars }) => vars.orderId });
      },
    });
  });

  test('what a branch assigns stays in the branch', () => {
    const chain = start().parallel('P', {
      branches: [(b) => b.pass('A', { assign: () => ({ inner: 1 }) })],
    });
    expectTypeOf<VarsOf<typeof chain>>().toEqualTypeOf<{}>();
  });
});
