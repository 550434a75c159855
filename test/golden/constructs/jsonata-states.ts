import { at, eq, gt, jsonata, shape, sub, unsafeJsonata, workflow } from '@typestep/dsl';
import type { GoldenCase } from './golden-case.js';

/**
 * JSONata states: the two data fields (Arguments, Output), Assign, and the fields that take an
 * expression instead of a `…Path` twin. AWS: "Transforming data with JSONata in Step Functions"
 * and "Passing data between states with variables" (Step Functions developer guide).
 */

interface Order {
  readonly id: string;
  readonly total: number;
  readonly timeout: number;
  readonly items: readonly { readonly sku: string; readonly qty: number }[];
  readonly notBefore: string;
}

const CHARGE = 'arn:aws:lambda:us-east-1:123456789012:function:charge';
const NOTIFY = 'arn:aws:lambda:us-east-1:123456789012:function:notify';

export const jsonataStateCases: readonly GoldenCase[] = [
  {
    construct: 'Task: Arguments, Output, Assign; TimeoutSeconds and HeartbeatSeconds as a number, an expression and a path',
    workflow: workflow('JsonataTask', { queryLanguage: 'JSONata', input: shape<Order>() })
      .task('Charge', {
        comment: 'charge the order',
        resource: CHARGE,
        arguments: ({ input, context }) => ({
          orderId: input.id,
          amount: input.total,
          execution: context.Execution.Id,
          fixed: [1, 'two', null],
          nested: { skus: jsonata<string[]>`${input.items}.sku`, count: jsonata<number>`$count(${input.items})` },
        }),
        returns: shape<{ receipt: string; charged: number }>(),
        output: ({ input, result }) => ({ id: input.id, receipt: result.receipt }),
        assign: ({ result }) => ({ charged: result.charged }),
        timeoutSeconds: ({ input }) => jsonata<number>`${input.total} > 100 ? 300 : 60`,
        heartbeatSeconds: 10,
      })
      .task('Notify', {
        resource: NOTIFY,
        arguments: ({ input, vars }) => ({ id: input.id, charged: vars.charged }),
        timeoutSeconds: 300,
        heartbeatSeconds: ({ input }) => jsonata<number>`$length(${input.id})`,
      }),
    asl: {
      QueryLanguage: 'JSONata',
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Comment: 'charge the order',
          Resource: CHARGE,
          Arguments: {
            orderId: '{% $states.input.id %}',
            amount: '{% $states.input.total %}',
            execution: '{% $states.context.Execution.Id %}',
            fixed: [1, 'two', null],
            nested: { skus: '{% $states.input.items.sku %}', count: '{% $count($states.input.items) %}' },
          },
          Output: { id: '{% $states.input.id %}', receipt: '{% $states.result.receipt %}' },
          TimeoutSeconds: '{% $states.input.total > 100 ? 300 : 60 %}',
          HeartbeatSeconds: 10,
          Assign: { charged: '{% $states.result.charged %}' },
          Next: 'Notify',
        },
        Notify: {
          Type: 'Task',
          Resource: NOTIFY,
          Arguments: { id: '{% $states.input.id %}', charged: '{% $charged %}' },
          TimeoutSeconds: 300,
          HeartbeatSeconds: '{% $length($states.input.id) %}',
          End: true,
        },
      },
    },
  },
  {
    construct: 'Pass, Wait, Succeed and Fail: Output, Assign, Seconds/Timestamp and Error/Cause as expressions',
    workflow: workflow('JsonataSimpleStates', { queryLanguage: 'JSONata', input: shape<Order>() })
      .pass('Fixed output', { output: { stage: 'start', attempts: [1, 2] } })
      .pass('Remember', {
        output: ({ context }) => ({ startedAt: context.Execution.StartTime, input: context.Execution.Input }),
        assign: ({ context }) => ({ startedAt: context.Execution.StartTime, limit: 3, label: 'order' }),
      })
      .wait('Pause', { seconds: ({ vars }) => jsonata<number>`${vars.limit} * 10` })
      .wait('Until', { timestamp: ({ vars }) => vars.startedAt })
      .wait('Until new year', { timestamp: '2030-01-01T00:00:00Z' })
      .wait('A second', { seconds: 1, output: ({ input }) => ({ at: input.startedAt }) })
      .choice('Late?', (c) =>
        c
          .when(({ input }) => eq(input.at, 'never'), (b) =>
            b.fail('Too late', { error: ({ vars }) => jsonata<string>`'Late.' & ${vars.label}`, cause: ({ input }) => input.at }),
          )
          .otherwise((b) => b.succeed('Done', { output: ({ vars }) => ({ label: vars.label }) })),
      ),
    asl: {
      QueryLanguage: 'JSONata',
      StartAt: 'Fixed output',
      States: {
        'Fixed output': { Type: 'Pass', Output: { stage: 'start', attempts: [1, 2] }, Next: 'Remember' },
        Remember: {
          Type: 'Pass',
          Output: { startedAt: '{% $states.context.Execution.StartTime %}', input: '{% $states.context.Execution.Input %}' },
          Assign: { startedAt: '{% $states.context.Execution.StartTime %}', limit: 3, label: 'order' },
          Next: 'Pause',
        },
        Pause: { Type: 'Wait', Seconds: '{% $limit * 10 %}', Next: 'Until' },
        Until: { Type: 'Wait', Timestamp: '{% $startedAt %}', Next: 'Until new year' },
        'Until new year': { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', Next: 'A second' },
        'A second': { Type: 'Wait', Seconds: 1, Output: { at: '{% $states.input.startedAt %}' }, Next: 'Late?' },
        'Late?': {
          Type: 'Choice',
          Choices: [{ Condition: '{% $states.input.at = "never" %}', Next: 'Too late' }],
          Default: 'Done',
        },
        'Too late': { Type: 'Fail', Error: "{% 'Late.' & $label %}", Cause: '{% $states.input.at %}' },
        Done: { Type: 'Succeed', Output: { label: '{% $label %}' } },
      },
    },
  },
  {
    construct: 'Choice: Condition from a typed condition, a jsonata<boolean> expression and a boolean path; state and rule Output/Assign',
    workflow: workflow('JsonataChoice', { queryLanguage: 'JSONata', input: shape<{ total: number; vip: boolean; tier: string }>() })
      .pass('Threshold', { assign: () => ({ threshold: 50 }) })
      .choice('Route', { output: ({ input }) => ({ total: input.total }), assign: ({ input }) => ({ tier: input.tier }) }, (c) =>
        c
          .when(({ input }) => gt(input.total, 100), (b) => b.pass('Big'), 'more than 100')
          .when(({ input, vars }) => jsonata<boolean>`${input.total} > ${vars.threshold}`, (b) => b.pass('Above threshold'))
          .when(({ input }) => input.vip, (b) => b.pass('VIP'))
          .otherwise((b) => b.pass('Small', { output: ({ input, vars }) => ({ total: input.total, tier: vars.tier }) })),
      )
      .pass('After'),
    asl: {
      QueryLanguage: 'JSONata',
      StartAt: 'Threshold',
      States: {
        Threshold: { Type: 'Pass', Assign: { threshold: 50 }, Next: 'Route' },
        Route: {
          Type: 'Choice',
          Output: { total: '{% $states.input.total %}' },
          Assign: { tier: '{% $states.input.tier %}' },
          Choices: [
            { Condition: '{% $states.input.total > 100 %}', Comment: 'more than 100', Next: 'Big' },
            { Condition: '{% $states.input.total > $threshold %}', Next: 'Above threshold' },
            { Condition: '{% $states.input.vip %}', Next: 'VIP' },
          ],
          Default: 'Small',
        },
        Big: { Type: 'Pass', Next: 'After' },
        'Above threshold': { Type: 'Pass', Next: 'After' },
        VIP: { Type: 'Pass', Next: 'After' },
        Small: { Type: 'Pass', Output: { total: '{% $states.input.total %}', tier: '{% $tier %}' }, Next: 'After' },
        After: { Type: 'Pass', End: true },
      },
    },
  },
  {
    construct: 'Parallel: Arguments, branches reading an outer variable, Output and Assign from $states.result',
    workflow: workflow('JsonataParallel', { queryLanguage: 'JSONata', input: shape<Order>() })
      .pass('Set', { assign: ({ input }) => ({ orderId: input.id }) })
      .parallel('Both', {
        arguments: ({ input }) => ({ total: input.total }),
        branches: [
          (b) => b.pass('Left', { output: ({ input, vars }) => ({ id: vars.orderId, total: input.total }) }),
          (b) => b.pass('Right', { output: ({ vars }) => vars.orderId }),
        ],
        output: ({ result }) => ({ left: at(result, 0), right: at(result, 1) }),
        assign: ({ result }) => ({ right: at(result, 1) }),
      }),
    asl: {
      QueryLanguage: 'JSONata',
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { orderId: '{% $states.input.id %}' }, Next: 'Both' },
        Both: {
          Type: 'Parallel',
          Arguments: { total: '{% $states.input.total %}' },
          Branches: [
            { StartAt: 'Left', States: { Left: { Type: 'Pass', Output: { id: '{% $orderId %}', total: '{% $states.input.total %}' }, End: true } } },
            { StartAt: 'Right', States: { Right: { Type: 'Pass', Output: '{% $orderId %}', End: true } } },
          ],
          Output: { left: '{% $states.result[0] %}', right: '{% $states.result[1] %}' },
          Assign: { right: '{% $states.result[1] %}' },
          End: true,
        },
      },
    },
  },
  {
    construct: 'inline Map: Items, ItemSelector and MaxConcurrency as expressions, Items as a literal array, Output and Assign',
    workflow: workflow('JsonataMap', { queryLanguage: 'JSONata', input: shape<Order>() })
      .map('Each item', {
        items: ({ input }) => jsonata<{ sku: string; qty: number }[]>`${input.items}[qty > 0]`,
        itemSelector: ({ context, input }) => ({ sku: context.Map.Item.Value.sku, index: context.Map.Item.Index, order: input.id }),
        maxConcurrency: ({ input }) => jsonata<number>`$min([${input.items}.qty, 10])`,
        itemProcessor: (b) => b.pass('Line', { output: ({ input }) => ({ line: input.sku }) }),
        output: ({ result }) => ({ lines: result }),
        assign: ({ result }) => ({ lineCount: jsonata<number>`$count(${result})` }),
      })
      .map('Each number', {
        items: [1, 2, 3],
        maxConcurrency: 2,
        itemProcessor: (b) => b.pass('Number'),
      })
      .map('Each path', {
        items: ({ input }) => input,
        itemProcessor: (b) => b.pass('Element'),
      }),
    asl: {
      QueryLanguage: 'JSONata',
      StartAt: 'Each item',
      States: {
        'Each item': {
          Type: 'Map',
          Items: '{% $states.input.items[qty > 0] %}',
          ItemSelector: {
            sku: '{% $states.context.Map.Item.Value.sku %}',
            index: '{% $states.context.Map.Item.Index %}',
            order: '{% $states.input.id %}',
          },
          MaxConcurrency: '{% $min([$states.input.items.qty, 10]) %}',
          ItemProcessor: { StartAt: 'Line', States: { Line: { Type: 'Pass', Output: { line: '{% $states.input.sku %}' }, End: true } } },
          Output: { lines: '{% $states.result %}' },
          Assign: { lineCount: '{% $count($states.result) %}' },
          Next: 'Each number',
        },
        'Each number': {
          Type: 'Map',
          Items: [1, 2, 3],
          MaxConcurrency: 2,
          ItemProcessor: { StartAt: 'Number', States: { Number: { Type: 'Pass', End: true } } },
          Next: 'Each path',
        },
        'Each path': {
          Type: 'Map',
          Items: '{% $states.input %}',
          ItemProcessor: { StartAt: 'Element', States: { Element: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    },
  },
  {
    construct: 'Catch: Output and Assign from $states.errorOutput, a handler chain and a named target; Retry',
    workflow: workflow('JsonataCatch', { queryLanguage: 'JSONata', input: shape<Order>() })
      .pass('Start')
      .task('Charge', {
        resource: CHARGE,
        arguments: ({ input }) => ({ id: input.id }),
        retry: [{ errors: ['Lambda.TooManyRequestsException'], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2, jitterStrategy: 'FULL' }],
        catch: (c) => [
          c(
            ['Payment.Declined'],
            {
              comment: 'declined',
              output: ({ input, errorOutput }) => ({ id: input.id, reason: errorOutput.Cause }),
              assign: ({ errorOutput }) => ({ lastError: errorOutput.Error }),
            },
            (b) => b.task('Tell customer', { resource: NOTIFY, arguments: ({ input, vars }) => ({ id: input.id, error: vars.lastError }) }),
          ),
          // Back to a named state whose input is an Order: the catcher passes the state's input on.
          // (With `output`, the jump is written as a handler: TypeScript checks a bare name before it knows the output.)
          c(['States.ALL'], { output: ({ input }) => input }, (b) => b.goto('Start')),
        ],
      }),
    asl: {
      QueryLanguage: 'JSONata',
      StartAt: 'Start',
      States: {
        Start: { Type: 'Pass', Next: 'Charge' },
        Charge: {
          Type: 'Task',
          Resource: CHARGE,
          Arguments: { id: '{% $states.input.id %}' },
          Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2, JitterStrategy: 'FULL' }],
          Catch: [
            {
              ErrorEquals: ['Payment.Declined'],
              Comment: 'declined',
              Output: { id: '{% $states.input.id %}', reason: '{% $states.errorOutput.Cause %}' },
              Assign: { lastError: '{% $states.errorOutput.Error %}' },
              Next: 'Tell customer',
            },
            { ErrorEquals: ['States.ALL'], Output: '{% $states.input %}', Next: 'Start' },
          ],
          End: true,
        },
        'Tell customer': {
          Type: 'Task',
          Resource: NOTIFY,
          Arguments: { id: '{% $states.input.id %}', error: '{% $lastError %}' },
          End: true,
        },
      },
    },
  },
  {
    construct: 'chain.jsonata() in a JSONPath workflow: each JSONata state, nested ones included, says "QueryLanguage": "JSONata"',
    workflow: workflow('MixedLanguages', { input: shape<Order>() })
      .pass('JSONPath first', { parameters: ($) => ({ id: $.id }) })
      .jsonata()
      .pass('JSONata next', { output: ({ input }) => ({ id: input.id, n: 1 }), assign: ({ input }) => ({ id: input.id }) })
      .parallel('Fan out', {
        branches: [(b) => b.pass('Branch', { output: ({ vars }) => vars.id })],
      })
      .map('Per item', {
        items: () => jsonata<number[]>`[1, 2]`,
        itemProcessor: (b) => b.wait('Nap', { seconds: 1 }),
      }),
    asl: {
      StartAt: 'JSONPath first',
      States: {
        'JSONPath first': { Type: 'Pass', Parameters: { 'id.$': '$.id' }, Next: 'JSONata next' },
        'JSONata next': {
          Type: 'Pass',
          QueryLanguage: 'JSONata',
          Output: { id: '{% $states.input.id %}', n: 1 },
          Assign: { id: '{% $states.input.id %}' },
          Next: 'Fan out',
        },
        'Fan out': {
          Type: 'Parallel',
          QueryLanguage: 'JSONata',
          Branches: [{ StartAt: 'Branch', States: { Branch: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $id %}', End: true } } }],
          Next: 'Per item',
        },
        'Per item': {
          Type: 'Map',
          QueryLanguage: 'JSONata',
          Items: '{% [1, 2] %}',
          ItemProcessor: { StartAt: 'Nap', States: { Nap: { Type: 'Wait', QueryLanguage: 'JSONata', Seconds: 1, End: true } } },
          End: true,
        },
      },
    },
  },
  {
    construct: '$states and variable paths: names that need backquotes, JSONata literals as names, indexes, unsafeJsonata, placeholders',
    workflow: workflow('JsonataRendering', {
      queryLanguage: 'JSONata',
      input: shape<{ 'detail-type': string; detail: { 'a b': number; true: boolean; 'x`y': string; list: readonly string[] } }>(),
    })
      .pass('Keep', { assign: ({ input }) => ({ detail: input.detail }) })
      .task('Call', {
        resource: sub('NotifyFunctionArn'),
        arguments: ({ input, vars }) => ({
          kind: input['detail-type'],
          spaced: input.detail['a b'],
          literal: input.detail.true,
          quote: input.detail['x`y'],
          first: jsonata<string>`${input.detail.list}[0]`,
          fromVariable: vars.detail['a b'],
          table: sub('OrdersTable'),
          prefixed: jsonata<string>`${sub('ReportBucket')} & '/' & ${input['detail-type']}`,
          raw: unsafeJsonata<number>('$count($states.input.detail.list)'),
        }),
      }),
    asl: {
      QueryLanguage: 'JSONata',
      StartAt: 'Keep',
      States: {
        Keep: { Type: 'Pass', Assign: { detail: '{% $states.input.detail %}' }, Next: 'Call' },
        Call: {
          Type: 'Task',
          Resource: '${NotifyFunctionArn}',
          Arguments: {
            kind: '{% $states.input.`detail-type` %}',
            spaced: '{% $states.input.detail.`a b` %}',
            literal: '{% $states.input.detail.`true` %}',
            quote: '{% $lookup($states.input.detail, "x`y") %}',
            first: '{% $states.input.detail.list[0] %}',
            fromVariable: '{% $detail.`a b` %}',
            table: '${OrdersTable}',
            prefixed: "{% '${ReportBucket}' & '/' & $states.input.`detail-type` %}",
            raw: '{% $count($states.input.detail.list) %}',
          },
          End: true,
        },
      },
    },
    placeholders: ['NotifyFunctionArn', 'OrdersTable', 'ReportBucket'],
  },
];
