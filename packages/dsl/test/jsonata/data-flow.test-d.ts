import { describe, expectTypeOf, test } from 'vitest';
import {
  at,
  eq,
  jsonata,
  jsonataFragment,
  shape,
  sub,
  workflow,
  type ErrorOutput,
  type Expr,
  type JsonataChain,
  type Path,
} from '../../src/index.js';

/**
 * Data flowing through JSONata states, as TypeScript sees it: `input` is what the previous state
 * passed on, `result` what `returns` says, `output` replaces what the next state receives, and a
 * jsonata<T> expression stands for a T.
 */

/** The data leaving a chain's open ends. */
type OutOf<C> = C extends JsonataChain<any, infer Out, any, any> ? Out : never;

interface Order {
  readonly id: string;
  readonly total: number;
  readonly lines: readonly { readonly sku: string; readonly qty: number }[];
}
interface Receipt {
  readonly receipt: string;
  readonly charged: number;
}

const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:f';
const start = () => workflow('Flow', { queryLanguage: 'JSONata', input: shape<Order>() });

describe('input and result are typed', () => {
  test('input is the workflow input, then what the previous state passed on', () => {
    start()
      .pass('First', {
        output: ({ input }) => {
          expectTypeOf(input).toEqualTypeOf<Path<Order>>();
          expectTypeOf(input.total).toEqualTypeOf<Path<number>>();
          return { id: input.id };
        },
      })
      .pass('Second', {
        output: ({ input }) => {
          expectTypeOf(input).toEqualTypeOf<Path<{ id: string }>>();
          // @ts-expect-error — `total` was not passed on by First's output
          void input.total;
          return input;
        },
      });
  });

  test('result is what `returns` says; without `returns` it is unknown', () => {
    start().task('Typed', {
      resource: lambda,
      returns: shape<Receipt>(),
      output: ({ result }) => {
        expectTypeOf(result.receipt).toEqualTypeOf<Path<string>>();
        // @ts-expect-error — no such field in the result
        void result.receit;
        return result;
      },
    });
    start().task('Untyped', {
      resource: lambda,
      output: ({ result }) => {
        expectTypeOf(result).toEqualTypeOf<Path<unknown>>();
        return {};
      },
    });
  });

  test('a misspelt input field in arguments is an error', () => {
    start().task('T', {
      resource: lambda,
      // @ts-expect-error — `totl` is not a field of Order
      arguments: ({ input }) => ({ total: input.totl }),
    });
  });

  test('context is the typed context object', () => {
    start().pass('P', {
      output: ({ context }) => {
        expectTypeOf(context.Execution.Id).toEqualTypeOf<Path<string>>();
        // @ts-expect-error — no such field in the context object
        void context.Execution.Nme;
        return {};
      },
    });
  });
});

describe('what the next state receives', () => {
  test('a Task passes on its result by default, or its output', () => {
    const byDefault = start().task('T', { resource: lambda, returns: shape<Receipt>() });
    expectTypeOf<OutOf<typeof byDefault>>().toEqualTypeOf<Receipt>();

    const shaped = start().task('T', {
      resource: lambda,
      returns: shape<Receipt>(),
      output: ({ input, result }) => ({ id: input.id, receipt: result.receipt, fixed: 1, tags: ['a'] }),
    });
    expectTypeOf<OutOf<typeof shaped>>().toEqualTypeOf<{ id: string; receipt: string; fixed: number; tags: string[] }>();
  });

  test('a Pass and a Wait pass their input on unless given an output', () => {
    const passed = start().pass('P').wait('W', { seconds: 1 });
    expectTypeOf<OutOf<typeof passed>>().toEqualTypeOf<Order>();
    const literal = start().pass('P', { output: { stage: 'done' } });
    expectTypeOf<OutOf<typeof literal>>().toEqualTypeOf<{ stage: string }>();
    const whole = start().wait('W', { seconds: 1, output: ({ input }) => input.lines });
    expectTypeOf<OutOf<typeof whole>>().toEqualTypeOf<readonly { readonly sku: string; readonly qty: number }[]>();
  });

  test('a jsonata<T> expression stands for a T, at any depth; a placeholder for a string', () => {
    const chain = start().pass('P', {
      output: ({ input }) => ({
        count: jsonata<number>`$count(${input.lines})`,
        nested: { skus: jsonata<string[]>`${input.lines}.sku` },
        table: sub('OrdersTable'),
      }),
    });
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<{ count: number; nested: { skus: string[] }; table: string }>();
    expectTypeOf(jsonata<boolean>`true`).toEqualTypeOf<Expr<boolean>>();
  });

  test('a Parallel passes on the tuple of its branches’ outputs; `arguments` types every branch', () => {
    const chain = start().parallel('Both', {
      arguments: ({ input }) => ({ total: input.total }),
      branches: [
        (b) => {
          expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<{ total: number }>();
          return b.pass('Count', { output: ({ input }) => input.total });
        },
        (b) => b.pass('Label', { output: { label: 'x' } }),
      ],
    });
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<[number, { label: string }]>();

    const picked = start().parallel('Pick', {
      branches: [(b) => b.pass('Whole')],
      output: ({ result }) => at(result, 0).id,
    });
    expectTypeOf<OutOf<typeof picked>>().toEqualTypeOf<string>();
  });

  test('a Map passes on the array of its iterations’ outputs; items and itemSelector type the iteration', () => {
    const chain = start().map('Lines', {
      items: ({ input }) => input.lines,
      itemSelector: ({ context, input }) => ({ sku: context.Map.Item.Value.sku, order: input.id }),
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<{ sku: string; order: string }>();
        return b.pass('Line', { output: ({ input }) => input.sku });
      },
    });
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<string[]>();

    const items = start().map('Numbers', { items: [1, 2, 3], itemProcessor: (b) => b.pass('N') });
    expectTypeOf<OutOf<typeof items>>().toEqualTypeOf<number[]>();
  });

  test('a Choice passes on the union of its branches’ outputs; with `output`, the branches receive it', () => {
    const chain = start().choice('Big?', (c) =>
      c
        .when(({ input }) => eq(input.id, 'x'), (b) => b.pass('Big', { output: { big: true } }))
        .otherwise((b) => b.pass('Small', { output: { small: 1 } })),
    );
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<{ big: boolean } | { small: number }>();

    start().choice('Shaped', { output: ({ input }) => ({ id: input.id }) }, (c) =>
      c.when(
        ({ input }) => {
          // Rules test the Choice's input…
          expectTypeOf(input).toEqualTypeOf<Path<Order>>();
          return eq(input.total, 1);
        },
        (b) => {
          // …and the chosen branch receives its output.
          expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<{ id: string }>();
          return b.succeed('Done');
        },
      ),
    );
  });

  test('a Catcher’s handler receives the error output, or the catcher’s output', () => {
    start().task('T', {
      resource: lambda,
      catch: (c) => [
        c(['States.Timeout'], {}, (b) => {
          expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<ErrorOutput>();
          return b.pass('Timed out');
        }),
        c(['States.ALL'], { output: ({ input, errorOutput }) => ({ id: input.id, cause: errorOutput.Cause }) }, (b) => {
          expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<{ id: string; cause: string }>();
          return b.pass('Failed');
        }),
      ],
    });
  });

  test('a jump by name only goes to a state whose input fits', () => {
    const chain = start().pass('Again').task('T', { resource: lambda, returns: shape<Receipt>() });
    // @ts-expect-error — "Again" takes an Order, the task passes on a Receipt
    chain.goto('Again');
    chain.pass('Back', { output: ({ input }) => input }).task('T2', { resource: lambda, output: () => ({ id: 'x', total: 1, lines: [] }) }).goto('Again');
  });

  test('a Catcher jumps to a state whose input fits what it passes on', () => {
    workflow('Loose', { queryLanguage: 'JSONata' })
      .pass('Anything')
      .task('T', { resource: lambda, catch: (c) => [c(['States.ALL'], {}, 'Anything')] });
    start()
      .pass('Start')
      // @ts-expect-error — "Start" takes an Order; the catcher passes on the error output
      .task('T', { resource: lambda, catch: (c) => [c(['States.ALL'], {}, 'Start')] });
    start()
      .pass('Start')
      .task('T', { resource: lambda, catch: (c) => [c(['States.ALL'], { output: ({ input }) => input }, (b) => b.goto('Start'))] });
  });

  test('a fragment attaches where its input type fits', () => {
    const tail = jsonataFragment<Receipt>().pass('Receipt', { output: ({ input }) => input.receipt });
    const chain = start().task('T', { resource: lambda, returns: shape<Receipt>() }).next(tail);
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<string>();
    // @ts-expect-error — the fragment takes a Receipt, not an Order
    start().next(tail);
  });
});

describe('wrong option combinations are errors', () => {
  test('a Wait takes exactly one of seconds and timestamp', () => {
    // @ts-expect-error — both
    start().wait('Both', { seconds: 1, timestamp: '2030-01-01T00:00:00Z' });
    // @ts-expect-error — neither
    start().wait('Neither', {});
    start().wait('Seconds', { seconds: ({ input }) => input.total });
    // @ts-expect-error — seconds must be a number
    start().wait('Text', { seconds: ({ input }) => input.id });
  });

  test('number fields take numbers, text fields text', () => {
    // @ts-expect-error — TimeoutSeconds from a string field
    start().task('T', { resource: lambda, timeoutSeconds: ({ input }) => input.id });
    // @ts-expect-error — a Fail's Error from a number field
    start().fail('F', { error: ({ input }) => input.total });
    // @ts-expect-error — Map items must be an array
    start().map('M', { items: ({ input }) => input.id, itemProcessor: (b) => b.pass('P') });
  });

  test('JSONPath fields do not exist on JSONata states', () => {
    // @ts-expect-error — JSONata states have no parameters (it is `arguments`)
    start().task('T', { resource: lambda, parameters: {} });
    // @ts-expect-error — nor resultPath (use `output` or `assign`)
    start().pass('P', { resultPath: '$.x' });
  });

  test('a Choice test must be a condition or a boolean', () => {
    // @ts-expect-error — a number is no test
    start().choice('C', (c) => c.when(({ input }) => input.total, (b) => b.succeed('S')));
    start().choice('C', (c) => c.when(() => jsonata<boolean>`true`, (b) => b.succeed('S')));
    // @ts-expect-error — an expression claimed to be a string is no test
    start().choice('C', (c) => c.when(() => jsonata<string>`"x"`, (b) => b.succeed('S')));
  });
});
