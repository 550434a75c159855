import { describe, expect, test } from 'vitest';
import { at, eq, format, fragment, shape, sub, toWorkflowNode, untyped, unsafePath, unsafeTarget, workflow, empty } from '@typestep/dsl';
import { assemble } from '../../src/emit/assemble.js';

/** The line this is called from. */
const here = () => Number(/:(\d+):\d+\)?$/.exec(new Error().stack!.split('\n')[2]!)![1]);

const emit = (chain: Parameters<typeof toWorkflowNode>[0]) => assemble(toWorkflowNode(chain));
const states = (chain: Parameters<typeof toWorkflowNode>[0]) => emit(chain).definition.States as Record<string, any>;

describe('chaining', () => {
  test('Next links states in order and the last open end becomes End', () => {
    const out = emit(workflow('W', { comment: 'c', timeoutSeconds: 60, version: '1.0' }).pass('A').pass('B'));
    expect(out.definition).toEqual({
      Comment: 'c',
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } },
      TimeoutSeconds: 60,
      Version: '1.0',
    });
    expect(out.diagnostics).toEqual([]);
  });

  test('Choice branches converge on the state after the Choice; an empty branch falls through', () => {
    const s = states(
      workflow('W', { input: shape<{ n: number }>() })
        .choice('C', (c) => c.when(($) => eq($.n, 1), (b) => b.pass('One').pass('Uno')).when(($) => eq($.n, 2), (b) => b).otherwise((b) => b.pass('Other')))
        .pass('After'),
    );
    expect(s.C.Choices).toEqual([
      { Variable: '$.n', NumericEquals: 1, Next: 'One' },
      { Variable: '$.n', NumericEquals: 2, Next: 'After' },
    ]);
    expect(s.C.Default).toBe('Other');
    expect(s.One.Next).toBe('Uno');
    expect(s.Uno.Next).toBe('After');
    expect(s.Other.Next).toBe('After');
    expect(s.After.End).toBe(true);
  });

  test('goto loops back, end() stops convergence, succeed/fail close a branch', () => {
    const s = states(
      workflow('W', { input: shape<{ s: string }>() })
        .pass('Poll')
        .choice('Done?', (c) =>
          c
            .when(($) => eq($.s, 'RUNNING'), (b) => b.wait('Wait', { seconds: 1 }).goto('Poll'))
            .when(($) => eq($.s, 'SKIP'), (b) => b.pass('Skipped').end())
            .when(($) => eq($.s, 'BAD'), (b) => b.fail('Bad', { error: 'E', cause: 'c' }))
            .otherwise('Poll'),
        )
        .pass('Never reached by a branch'),
    );
    expect(s.Wait.Next).toBe('Poll');
    expect(s.Skipped.End).toBe(true);
    expect(s.Bad).toEqual({ Type: 'Fail', Error: 'E', Cause: 'c' });
    expect(s['Done?'].Default).toBe('Poll');
  });

  test('fragments are inlined where they are attached, in several workflows', () => {
    const shared = fragment(untyped).pass('Shared 1').pass('Shared 2');
    const a = states(workflow('A').pass('Start').next(shared).pass('End'));
    const b = states(workflow('B').next(shared));
    expect(a.Start.Next).toBe('Shared 1');
    expect(a['Shared 2'].Next).toBe('End');
    expect(b['Shared 2'].End).toBe(true);
    expect(emit(workflow('B').next(shared)).definition.StartAt).toBe('Shared 1');
  });
});

describe('fields', () => {
  test('Task: every field, in a fixed order, with paths and intrinsics as .$ keys', () => {
    const s = states(
      workflow('W', { input: shape<{ id: string; seconds: number; items: string[] }>() }).task('T', {
        comment: 'all fields',
        resource: sub('Fn'),
        inputPath: ($) => $,
        parameters: ($, $$) => ({ id: $.id, first: at($.items, 0), label: format('id {}', $.id), token: $$.Task.Token, fixed: [1, 2], nested: { a: null } }),
        returns: shape<{ x: number }>(),
        resultSelector: (r) => ({ x: r.x }),
        resultPath: '$.result',
        outputPath: ($) => $.result,
        timeoutSeconds: ($) => $.seconds,
        heartbeatSeconds: 10,
        credentials: { RoleArn: 'arn:aws:iam::123456789012:role/r' },
        retry: [{ errors: ['States.Timeout'], intervalSeconds: 1, maxAttempts: 2, backoffRate: 1.5, maxDelaySeconds: 5, jitterStrategy: 'FULL', comment: 'r' }],
        catch: [{ errors: ['States.ALL'], resultPath: '$.error', next: unsafeTarget('Handler') }],
      }).pass('Handler'),
    );
    expect(Object.keys(s.T)).toEqual([
      'Type', 'Comment', 'Resource', 'InputPath', 'Parameters', 'Credentials', 'ResultSelector', 'ResultPath', 'OutputPath',
      'TimeoutSecondsPath', 'HeartbeatSeconds', 'Retry', 'Catch', 'Next',
    ]);
    expect(s.T.Resource).toBe('${Fn}');
    expect(s.T.Parameters).toEqual({
      'id.$': '$.id', 'first.$': '$.items[0]', 'label.$': "States.Format('id {}', $.id)", 'token.$': '$$.Task.Token', fixed: [1, 2], nested: { a: null },
    });
    expect(s.T.Retry).toEqual([{ ErrorEquals: ['States.Timeout'], Comment: 'r', IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 1.5, MaxDelaySeconds: 5, JitterStrategy: 'FULL' }]);
    expect(s.T.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Handler' }]);
    expect(s.T.TimeoutSecondsPath).toBe('$.seconds');
  });

  test('catch handlers are states in the same scope and end where they stop', () => {
    const s = states(
      workflow('W', { input: shape<{ id: string }>() })
        .task('T', { resource: 'r', catch: (c) => [c(['States.ALL'], { resultPath: '$.err' }, (b) => b.pass('Log', { parameters: ($) => ({ cause: $.err.Cause }) }))] })
        .pass('Next one'),
    );
    expect(s.T.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'Log' }]);
    expect(s.Log).toEqual({ Type: 'Pass', Parameters: { 'cause.$': '$.err.Cause' }, End: true });
    expect(s.T.Next).toBe('Next one');
  });

  test('after InputPath, paths start at the root of the selected data', () => {
    const s = states(
      workflow('W', { input: shape<{ order: { total: number; items: string[]; wait: number } }>() })
        .task('T', { resource: 'r', inputPath: ($) => $.order, parameters: ($) => ({ total: $.total, all: $ }), timeoutSeconds: ($) => $.wait, resultPath: null })
        .map('M', { inputPath: ($) => $.order.items, itemsPath: ($) => $, itemProcessor: (b) => b.pass('I') }),
    );
    expect(s.T).toMatchObject({ InputPath: '$.order', Parameters: { 'total.$': '$.total', 'all.$': '$' }, TimeoutSecondsPath: '$.wait' });
    expect(s.M).toMatchObject({ InputPath: '$.order.items', ItemsPath: '$' });
  });

  test('Choice with InputPath and OutputPath', () => {
    const s = states(
      workflow('W', { input: shape<{ customer: { tier: string; name: string } }>() }).choice(
        'C',
        { comment: 'by tier', inputPath: ($) => $.customer, outputPath: ($) => $.name },
        (c) => c.when(($) => eq($.tier, 'gold'), (b) => b.succeed('Gold')).otherwise((b) => b.succeed('Other')),
      ),
    );
    expect(s.C).toEqual({
      Type: 'Choice',
      Comment: 'by tier',
      InputPath: '$.customer',
      OutputPath: '$.name',
      Choices: [{ Variable: '$.tier', StringEquals: 'gold', Next: 'Gold' }],
      Default: 'Other',
    });
  });

  test('InputPath / OutputPath empty and ResultPath null are emitted as null', () => {
    const s = states(workflow('W').pass('P', { inputPath: empty, resultPath: null, outputPath: empty }));
    expect(s.P).toEqual({ Type: 'Pass', InputPath: null, ResultPath: null, OutputPath: null, End: true });
  });

  test('Wait: each of the four ways', () => {
    const w = workflow('W', { input: shape<{ n: number; t: string }>() })
      .wait('S', { seconds: 3 })
      .wait('T', { timestamp: '2030-01-01T00:00:00Z' })
      .wait('SP', { secondsPath: ($) => $.n })
      .wait('TP', { timestampPath: ($) => $.t });
    const s = states(w);
    expect([s.S.Seconds, s.T.Timestamp, s.SP.SecondsPath, s.TP.TimestampPath]).toEqual([3, '2030-01-01T00:00:00Z', '$.n', '$.t']);
    // @ts-expect-error — two ways at once is a type error, and a runtime error for JavaScript callers
    expect(() => workflow('W').wait('X', { seconds: 1, timestamp: 'x' })).toThrow(/exactly one of seconds, timestamp/);
  });

  test('Fail: Error/Cause and ErrorPath/CausePath (paths or intrinsics)', () => {
    const s = states(
      workflow('W', { input: shape<{ code: string }>() }).fail('F', { errorPath: ($) => $.code, causePath: ($) => format('code {}', $.code) }),
    );
    expect(s.F).toEqual({ Type: 'Fail', ErrorPath: '$.code', CausePath: "States.Format('code {}', $.code)" });
  });

  test('Map: current form with ItemSelector/ProcessorConfig, and the deprecated Iterator/Parameters form', () => {
    const input = shape<{ items: { id: string }[]; batch: string }>();
    const current = states(
      workflow('W', { input }).map('M', {
        itemsPath: ($) => $.items,
        itemSelector: ($, $$) => ({ batch: $.batch, id: $$.Map.Item.Value.id, index: $$.Map.Item.Index }),
        maxConcurrency: 4,
        processorConfig: { Mode: 'INLINE' },
        itemProcessor: (b) => b.pass('Item'),
        resultPath: '$.results',
      }),
    );
    expect(current.M).toEqual({
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 4,
      ItemSelector: { 'batch.$': '$.batch', 'id.$': '$$.Map.Item.Value.id', 'index.$': '$$.Map.Item.Index' },
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } },
      ResultPath: '$.results',
      End: true,
    });
    const old = states(workflow('W', { input }).map('M', { itemsPath: ($) => $.items, parameters: ($, $$) => ({ v: $$.Map.Item.Value }), iterator: (b) => b.pass('Item') }));
    expect(old.M.Parameters).toEqual({ 'v.$': '$$.Map.Item.Value' });
    expect(old.M.Iterator).toEqual({ StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } });
  });

  test('Parallel Parameters: the input every branch gets', () => {
    const s = states(workflow('W', { input: shape<{ id: string }>() }).parallel('P', { parameters: ($) => ({ orderId: $.id }), branches: [(b) => b.pass('A')] }));
    expect(s.P.Parameters).toEqual({ 'orderId.$': '$.id' });
  });

  test('Parallel branches are separate scopes, each ending in End', () => {
    const s = states(workflow('W').parallel('P', { branches: [(b) => b.pass('A').pass('B'), (b) => b.pass('C')], resultPath: '$.both' }).pass('Z'));
    expect(s.P.Branches).toEqual([
      { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } } },
      { StartAt: 'C', States: { C: { Type: 'Pass', End: true } } },
    ]);
    expect(s.P.ResultPath).toBe('$.both');
    expect(s.P.Next).toBe('Z');
  });

  test('paths: $.0, quoted names, the context object, unsafePath text', () => {
    const s = states(
      workflow('W', { input: shape<Record<string, { 'a b': string; "it's": string }>>() }).pass('P', {
        parameters: ($, $$) => ({ zero: $[0]?.['a b'], quote: $.x?.["it's"], raw: unsafePath('$.items[?(@.n > 1)]'), name: $$.State.Name }),
      }),
    );
    expect(s.P.Parameters).toEqual({ 'zero.$': "$.0['a b']", 'quote.$': "$.x['it\\'s']", 'raw.$': '$.items[?(@.n > 1)]', 'name.$': '$$.State.Name' });
  });

  test('unsafeFields are merged as they are', () => {
    const s = states(workflow('W').pass('P', { unsafeFields: { Assign: { x: 1 } } }));
    expect(s.P).toEqual({ Type: 'Pass', Assign: { x: 1 }, End: true });
  });

  test('state names keep spaces and Japanese text', () => {
    const out = emit(workflow('W').pass('あいうえお 1').pass('Buy or Sell?'));
    expect(Object.keys(out.definition.States as object)).toEqual(['あいうえお 1', 'Buy or Sell?']);
  });
});

describe('substitutions', () => {
  test('placeholders used through sub() are recorded in first-use order', () => {
    const out = emit(workflow('W').task('T', { resource: sub('Fn'), parameters: { Table: sub('Table'), Again: sub('Fn') } }));
    expect([...out.placeholders]).toEqual(['Fn', 'Table']);
  });
  test('sub() refuses names SAM could not substitute', () => {
    expect(() => sub('my-name')).toThrow(/letters, digits and "_"/);
  });
});

describe('problems only the emitter can see', () => {
  test('two states with one name in one scope: reported at the second builder call, first one kept', () => {
    const line = here() + 1;
    const out = emit(workflow('W').pass('Same').pass('Same'));
    expect(out.diagnostics).toHaveLength(1);
    const [d] = out.diagnostics;
    expect(d).toMatchObject({ code: 'STEP101', location: ['States', 'Same'], statePath: 'W > Same' });
    expect(d!.message).toContain('Two states are named "Same"');
    expect(d!.source?.file).toMatch(/assemble\.test\.ts$/);
    expect(d!.source?.line).toBe(line);
  });

  test('a Choice rule that reaches the end of the workflow with nowhere to go', () => {
    const out = emit(workflow('W', { input: shape<{ n: number }>() }).choice('C', (c) => c.when(($) => eq($.n, 1), (b) => b).otherwise((b) => b.succeed('S'))));
    expect(out.diagnostics.map((d) => [d.code, d.statePath])).toEqual([['STEP002', 'W > C > Choices[0]']]);
    expect(out.diagnostics[0]!.message).toMatch(/cannot end an execution/);
  });

  test('an empty workflow and an empty Parallel branch', () => {
    expect(emit(workflow('Empty')).diagnostics.map((d) => d.code)).toEqual(['STEP003']);
    const out = emit(workflow('W').parallel('P', { branches: [(b) => b] }));
    expect(out.diagnostics.map((d) => [d.code, d.statePath])).toEqual([['STEP003', 'W > P > Branches[0]']]);
  });

  test('source locations point at the builder call of the state at fault', () => {
    const line = here() + 3;
    const out = emit(
      workflow('W')
        .pass('A')
        .pass('B'),
    );
    expect(out.sourceOf(['States', 'B', 'End'])).toMatchObject({ line: line + 1 });
    expect(out.sourceOf(['States', 'A', 'Next'])).toMatchObject({ line });
    expect(out.sourceOf(['States', 'A'])?.file).toMatch(/assemble\.test\.ts$/);
  });

  test('a Catch handler with no states', () => {
    const out = emit(workflow('W').task('T', { resource: 'r', catch: (c) => [c(['States.ALL'], {}, (b) => b)] }));
    expect(out.diagnostics.map((d) => [d.code, d.statePath])).toEqual([['STEP004', 'W > T > Catch[0]']]);
    expect(out.diagnostics[0]!.message).toMatch(/empty handler/);
  });

  test('user-chosen names such as __proto__ are kept as fields, not taken as the prototype', () => {
    const out = emit(workflow('W').pass('__proto__', { parameters: JSON.parse('{"__proto__": 1}') }));
    expect(Object.keys(out.definition.States as object)).toEqual(['__proto__']);
    expect(JSON.stringify(out.definition.States)).toBe('{"__proto__":{"Type":"Pass","Parameters":{"__proto__":1},"End":true}}');
  });

  test('a path standing alone as an array element is refused at build time (ASL does not evaluate it there)', () => {
    expect(() => workflow('W', { input: shape<{ a: string }>() }).pass('P', { parameters: ($) => ({ list: [$.a] as never }) })).toThrow(
      /list\[0\]: ASL does not evaluate a path or intrinsic standing alone as an array element/,
    );
  });

  test('paths in objects inside arrays become .$ keys; placeholders in arrays are recorded', () => {
    const out = emit(
      workflow('W', { input: shape<{ cmd: string[]; detail: { id: string } }>() }).task('Run', {
        resource: 'arn:aws:states:::ecs:runTask.sync',
        parameters: ($) => ({
          Overrides: { ContainerOverrides: [{ Name: 'app', Command: $.cmd }] },
          Entries: [{ Detail: { id: $.detail.id }, Source: 'typestep' }, [sub('Bus'), 1]],
          Static: [1, 'two', { three: 3 }],
        }),
      }),
    );
    expect((out.definition.States as any).Run.Parameters).toEqual({
      Overrides: { ContainerOverrides: [{ Name: 'app', 'Command.$': '$.cmd' }] },
      Entries: [{ Detail: { 'id.$': '$.detail.id' }, Source: 'typestep' }, ['${Bus}', 1]],
      Static: [1, 'two', { three: 3 }],
    });
    expect([...out.placeholders]).toEqual(['Bus']);
  });

  test('sub() inside a template string is an error that says what to do instead', () => {
    expect(() => `${sub('Fn')}:$LATEST`).toThrow(/declare it — workflow\(…, \{ substitutions: \{ Fn: \{\} \} \}\)/);
  });
});
