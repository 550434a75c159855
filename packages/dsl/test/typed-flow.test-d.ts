import { describe, expectTypeOf, test } from 'vitest';
import {
  at, eq, format, gt, lte, matches, num, shape, str, sub, timestamp, unsafeTarget, untyped, workflow,
  empty, type Chain, type ErrorOutput, type Path,
} from '../src/index.js';

/** The data leaving a chain's open ends. */
type OutOf<C> = C extends Chain<any, infer Out, any> ? Out : never;

interface Order { id: string; total: number; paid: boolean; customer: { name: string; tier: 'gold' | 'basic' } }
const start = () => workflow('Typed', { input: shape<Order>() });

describe('paths are typed accessors', () => {
  test('a misspelt field is an error', () => {
    start().task('T', {
      resource: 'arn:aws:lambda:us-east-1:1:function:f',
      // @ts-expect-error — `totl` is not a field of Order
      parameters: ($) => ({ total: $.totl }),
    });
  });

  test('nested fields and the context object are typed', () => {
    start().pass('P', {
      parameters: ($, $$) => {
        expectTypeOf($.customer.name).toEqualTypeOf<Path<string>>();
        // @ts-expect-error — no such field in the context object
        void $$.Execution.Nme;
        return { name: $.customer.name, at: $$.Execution.StartTime, token: $$.Task.Token };
      },
    });
  });
});

describe('choice operators follow the field type', () => {
  test('a numeric comparison on a string field is an error', () => {
    start().choice('C', (c) =>
      // @ts-expect-error — `id` is a string: lte(…, 50) would be NumericLessThanEquals on a string
      c.when(($) => lte($.id, 50), (b) => b.succeed('Cheap')),
    );
  });

  test('a string comparison on a number field is an error', () => {
    start().choice('C', (c) =>
      // @ts-expect-error — `total` is a number
      c.when(($) => eq($.total, 'fifty'), (b) => b.succeed('S')),
    );
  });

  test('a literal outside a string union is an error', () => {
    start().choice('C', (c) =>
      // @ts-expect-error — tier is 'gold' | 'basic'
      c.when(($) => eq($.customer.tier, 'silver'), (b) => b.succeed('S')),
    );
  });

  test('correct comparisons compile, path-to-path ones through typed namespaces', () => {
    start().choice('C', (c) =>
      c
        .when(($) => lte($.total, 50), (b) => b.succeed('A'))
        .when(($) => eq($.customer.tier, 'gold'), (b) => b.succeed('B'))
        .when(($) => eq($.paid, true), (b) => b.succeed('D'))
        .when(($) => matches($.id, 'ord-*'), (b) => b.succeed('E'))
        .when(($) => num.gt($.total, $.total), (b) => b.succeed('F'))
        .when(($) => str.eq($.id, $.customer.name), (b) => b.succeed('G'))
        .when(($, $$) => timestamp.lt($$.Execution.StartTime, '2030-01-01T00:00:00Z'), (b) => b.succeed('H'))
        .otherwise((b) => b.fail('X')),
    );
    // @ts-expect-error — num.* only takes number fields
    start().choice('C', (c) => c.when(($) => num.gt($.id, 1), (b) => b.succeed('A')));
    // @ts-expect-error — gt has no boolean form
    start().choice('C', (c) => c.when(($) => gt($.paid, true), (b) => b.succeed('A')));
  });
});

describe("each state's output type flows into the next state's input", () => {
  const Result = shape<{ receipt: string }>();

  test('ResultPath "$" (the default) replaces the input: earlier fields are gone', () => {
    const chain = start().task('Charge', { resource: 'arn:aws:states:::lambda:invoke', returns: Result });
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<{ receipt: string }>();
    chain.choice('C', (c) =>
      // @ts-expect-error — `total` was replaced by the task's result
      c.when(($) => gt($.total, 1), (b) => b.succeed('S')),
    );
  });

  test('ResultPath "$.field" keeps the input and adds the result', () => {
    const chain = start().task('Charge', { resource: 'r', returns: Result, resultPath: '$.charge' });
    expectTypeOf<OutOf<typeof chain>['charge']>().toEqualTypeOf<{ receipt: string }>();
    expectTypeOf<OutOf<typeof chain>['total']>().toEqualTypeOf<number>();
    const deep = start().task('Charge', { resource: 'r', returns: Result, resultPath: '$.customer.charge' });
    expectTypeOf<OutOf<typeof deep>['customer']['charge']['receipt']>().toEqualTypeOf<string>();
    expectTypeOf<OutOf<typeof deep>['customer']['name']>().toEqualTypeOf<string>();
  });

  test('ResultPath null discards the result', () => {
    const chain = start().task('Notify', { resource: 'r', returns: Result, resultPath: null });
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<Order>();
  });

  test('OutputPath narrows: reading a field it removed is an error', () => {
    const chain = start().task('Charge', {
      resource: 'r',
      returns: Result,
      resultPath: '$.charge',
      outputPath: ($) => $.charge,
    });
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<{ receipt: string }>();
    chain.pass('P', {
      // @ts-expect-error — OutputPath kept only `charge`, so `id` is gone
      parameters: ($) => ({ id: $.id }),
    });
  });

  test('InputPath / OutputPath `empty` (ASL null) make the data {}: reading a field after it is an error', () => {
    const out = start().pass('P', { outputPath: empty });
    expectTypeOf<OutOf<typeof out>>().toEqualTypeOf<{}>();
    // @ts-expect-error — OutputPath null passed on {}
    out.choice('C', (c) => c.when(($) => gt($.total, 1), (b) => b.succeed('S')));
    start().task('T', {
      resource: 'r',
      inputPath: empty,
      // @ts-expect-error — InputPath null: the task sees {}
      parameters: ($) => ({ id: $.id }),
    });
  });

  test('ResultSelector shapes the result before ResultPath', () => {
    const chain = start().task('Invoke', {
      resource: 'arn:aws:states:::lambda:invoke',
      returns: shape<{ Payload: { receipt: string }; StatusCode: number }>(),
      resultSelector: (r) => ({ receipt: r.Payload.receipt, code: r.StatusCode }),
      resultPath: '$.invoke',
    });
    expectTypeOf<OutOf<typeof chain>['invoke']>().toEqualTypeOf<{ receipt: string; code: number }>();
  });

  test('InputPath selects what Parameters see', () => {
    start().task('T', {
      resource: 'r',
      inputPath: ($) => $.customer,
      parameters: ($) => {
        // @ts-expect-error — after InputPath only the customer's fields remain
        void $.total;
        return { name: $.name };
      },
    });
  });

  test('Pass Result, Parameters and intrinsics produce typed output', () => {
    const fixed = start().pass('P', { result: { n: 1 }, resultPath: '$.fixed' });
    expectTypeOf<OutOf<typeof fixed>['fixed']>().toEqualTypeOf<{ n: number }>();
    const built = start().pass('P', { parameters: ($) => ({ label: format('order {}', $.id), total: $.total }) });
    expectTypeOf<OutOf<typeof built>>().toEqualTypeOf<{ label: string; total: number }>();
  });

  test('arrays in templates: objects inside them carry paths; a bare path as an element is an error', () => {
    const chain = start().pass('P', { parameters: ($) => ({ list: [{ id: $.id }, 'fixed'] }) });
    expectTypeOf<OutOf<typeof chain>['list']>().toEqualTypeOf<({ id: string } | string)[]>();
    // @ts-expect-error — ASL does not evaluate a path standing alone as an array element
    start().pass('P', { parameters: ($) => ({ list: [$.id] }) });
  });

  test('Choice branches converge: the next state sees the union of their outputs', () => {
    const chain = start().choice('C', (c) =>
      c
        .when(($) => eq($.paid, true), (b) => b.pass('Paid', { result: { state: 'paid' as const } }))
        .otherwise((b) => b.pass('Unpaid', { result: { state: 'unpaid' as const } })),
    );
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<{ state: 'paid' } | { state: 'unpaid' }>();
  });

  test('Choice InputPath / OutputPath: rules test the selection, the branch gets what OutputPath keeps', () => {
    const chain = start().choice('C', { inputPath: ($) => $.customer, outputPath: ($) => $.name }, (c) =>
      c.when(($) => eq($.tier, 'gold'), (b) => b.pass('Gold', { parameters: ($) => ({ name: $ }) })).otherwise((b) => b.succeed('Other')),
    );
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<{ name: string }>();
    // @ts-expect-error — after InputPath the rules see only the customer, which has no total
    start().choice('C', { inputPath: ($) => $.customer }, (c) => c.when(($) => gt($.total, 1), (b) => b.succeed('S')));
  });

  test('Parallel gives the tuple of branch outputs; Map the array of item outputs', () => {
    const parallel = start().parallel('P', {
      branches: [(b) => b.pass('A', { result: { a: 1 } }), (b) => b.pass('B', { parameters: ($) => ({ id: $.id }) })],
    });
    expectTypeOf<OutOf<typeof parallel>>().toEqualTypeOf<[{ a: number }, { id: string }]>();
    const items = workflow('M', { input: shape<{ lines: { sku: string; qty: number }[] }>() }).map('Each', {
      itemsPath: ($) => $.lines,
      itemProcessor: (b) => b.pass('Line', { parameters: ($) => ({ sku: $.sku }) }),
    });
    expectTypeOf<OutOf<typeof items>>().toEqualTypeOf<{ sku: string }[]>();
    const selected = workflow('M', { input: shape<{ lines: { sku: string }[]; id: string }>() }).map('Each', {
      itemsPath: ($) => $.lines,
      itemSelector: ($, $$) => ({ order: $.id, sku: $$.Map.Item.Value.sku }),
      itemProcessor: (b) => b.pass('Line', { parameters: ($) => ({ both: format('{}/{}', $.order, $.sku) }) }),
    });
    expectTypeOf<OutOf<typeof selected>>().toEqualTypeOf<{ both: string }[]>();
    parallel.pass('X', { parameters: ($) => ({ a: at($, 0) }) });
    const withParameters = start().parallel('P', {
      parameters: ($) => ({ orderId: $.id }),
      branches: [(b) => b.pass('A', { parameters: ($) => ({ again: $.orderId }) })],
    });
    expectTypeOf<OutOf<typeof withParameters>>().toEqualTypeOf<[{ again: string }]>();
    start().parallel('P', {
      parameters: ($) => ({ orderId: $.id }),
      // @ts-expect-error — the branches get only what Parameters built
      branches: [(b) => b.pass('A', { parameters: ($) => ({ total: $.total }) })],
    });
  });
});

describe('goto targets are names in scope whose input accepts the data', () => {
  test('a misspelt target is an error; a loop back to an earlier state compiles', () => {
    const polled = workflow('Poll', { input: shape<{ id: string }>() })
      .task('Describe', { resource: 'r', returns: shape<{ id: string; status: 'RUNNING' | 'DONE' }>() });
    polled.choice('Done?', (c) =>
      c.when(($) => eq($.status, 'RUNNING'), (b) => b.wait('Wait', { seconds: 5 }).goto('Describe')).otherwise((b) => b.succeed('Ok')),
    );
    // @ts-expect-error — no state named "Descrbe"
    polled.wait('Wait', { seconds: 5 }).goto('Descrbe');
  });

  test('jumping to a state whose input the data does not satisfy is an error', () => {
    const chain = workflow('G', { input: shape<{ id: string }>() })
      .task('Needs id', { resource: 'r', returns: shape<{ other: number }>() });
    // @ts-expect-error — "Needs id" expects { id: string }; here the data is { other: number }
    chain.goto('Needs id');
  });
});

describe('catch handlers see the error where their ResultPath put it', () => {
  test('typed per catcher', () => {
    start().task('T', {
      resource: 'r',
      catch: (c) => [
        c(['States.Timeout'], { resultPath: '$.error' }, (b) =>
          b.pass('Timed out', {
            parameters: ($) => {
              expectTypeOf<(typeof $)['error']>().not.toBeNever();
              return { id: $.id, cause: $.error.Cause };
            },
          }),
        ),
        c(['States.ALL'], {}, (b) =>
          b.pass('Other', {
            parameters: ($) => {
              // @ts-expect-error — with the default ResultPath the handler sees only the error output
              void $.id;
              return { error: $.Error };
            },
          }),
        ),
      ],
    });
    expectTypeOf<ErrorOutput>().toEqualTypeOf<{ readonly Error: string; readonly Cause: string }>();
  });

  test('catch targets by name must be declared (and accept the data); a misspelt one is an error', () => {
    const chain = start().pass('Notify', { resultPath: null });
    // @ts-expect-error — no state named "Notfy": a typo must not become a new name in scope
    chain.task('T', { resource: 'r', catch: [{ errors: ['States.ALL'], next: 'Notfy' }] });
    chain.task('T', { resource: 'r', catch: [{ errors: ['States.ALL'], next: 'Notify' }] });
    chain.task('T', { resource: 'r', catch: [{ errors: ['States.ALL'], next: unsafeTarget('Declared later') }] });
    const needsOrder = workflow('N', { input: shape<{ order: string }>() }).pass('Needs order', { resultPath: null });
    // @ts-expect-error — with the default ResultPath the handler gets only the error output, not { order }
    needsOrder.task('T', { resource: 'r', catch: (c) => [c(['States.ALL'], {}, 'Needs order')] });
    needsOrder.task('T', { resource: 'r', catch: (c) => [c(['States.ALL'], { resultPath: '$.error' }, 'Needs order')] });
  });
});

describe('placeholders and escape hatches', () => {
  test('sub() is accepted as a resource and in templates; untyped data allows any field', () => {
    // Under noUncheckedIndexedAccess a read of untyped data may be undefined: `?.` reads deeper.
    const chain = workflow('U', { input: untyped })
      .task('T', { resource: sub('Fn'), parameters: ($) => ({ table: sub('Table'), anything: $.whatever?.deep }) });
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<unknown>();
  });
});
