import { describe, expect, it } from 'vitest';
import { runWorkflow } from '../../src/index.js';

/** JSONPath states: InputPath → Parameters → task → ResultSelector → ResultPath → OutputPath, as AWS applies them. */

const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:work';

function oneTask(fields: Record<string, unknown>) {
  return { StartAt: 'T', States: { T: { Type: 'Task', Resource: FUNCTION, ...fields, End: true } } };
}

describe('the JSONPath pipeline of a Task', () => {
  const input = {
    order: {
      id: 'o-1',
      lines: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 3 },
      ],
    },
    customer: 'c-9',
  };

  it('applies each step in order, ResultPath into the raw input', async () => {
    let received: unknown;
    const result = await runWorkflow(
      oneTask({
        InputPath: '$.order',
        Parameters: { 'orderId.$': '$.id', 'skus.$': '$.lines[*].sku', static: { nested: true }, 'started.$': '$$.Execution.StartTime' },
        ResultSelector: { 'total.$': '$.Payload.total', 'code.$': '$.StatusCode' },
        ResultPath: '$.pricing',
        OutputPath: '$.pricing',
      }),
      {
        input,
        clock: undefined,
        tasks: { work: (taskInput) => ((received = taskInput), { Payload: { total: 12, extra: 'dropped' }, StatusCode: 200 }) },
      },
    );
    expect(received).toEqual({ orderId: 'o-1', skus: ['a', 'b'], static: { nested: true }, started: result.startDate.toISOString() });
    expect(result.output).toEqual({ total: 12, code: 200 });
  });

  it('keeps the raw input with ResultPath null and discards with InputPath / OutputPath null', async () => {
    let received: unknown;
    const kept = await runWorkflow(oneTask({ InputPath: null, ResultPath: null }), {
      input,
      tasks: { work: (taskInput) => ((received = taskInput), 'ignored') },
    });
    expect(received).toEqual({});
    expect(kept.output).toEqual(input);
    const discarded = await runWorkflow(oneTask({ OutputPath: null }), { input, tasks: { work: () => 'x' } });
    expect(discarded.output).toEqual({});
  });

  it('creates the objects a ResultPath leads through, without changing the input it copies', async () => {
    const result = await runWorkflow(oneTask({ ResultPath: '$.a.b.c' }), { input: { a: { keep: 1 } }, tasks: { work: () => [1, 2] } });
    expect(result.output).toEqual({ a: { keep: 1, b: { c: [1, 2] } } });
    const entered = JSON.parse(result.events.find((e) => e.type === 'TaskStateEntered')!.stateEnteredEventDetails!.input!);
    expect(entered).toEqual({ a: { keep: 1 } });
  });

  it('replaces the whole input with ResultPath $ (the default)', async () => {
    expect((await runWorkflow(oneTask({}), { input, tasks: { work: () => 'result' } })).output).toBe('result');
  });
});

describe('paths', () => {
  const input = {
    store: {
      books: [
        { title: 'A', price: 8 },
        { title: 'B', price: 12 },
        { title: 'C', price: 20 },
      ],
      'odd key': 'yes',
    },
  };
  const select = async (path: string) =>
    (await runWorkflow({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': path }, End: true } } }, { input })).output;

  it.each([
    ['$.store.books[0].title', 'A'],
    ["$.store['odd key']", 'yes'],
    ['$.store.books[*].price', [8, 12, 20]],
    ['$.store.books[?(@.price > 10)].title', ['B', 'C']],
    [
      '$.store.books[1:]',
      [
        { title: 'B', price: 12 },
        { title: 'C', price: 20 },
      ],
    ],
    ['$..title', ['A', 'B', 'C']],
    ['$.store.books[0,2].title', ['A', 'C']],
    ['$.store.missing[*]', []],
  ])('%s', async (path, value) => {
    expect(await select(path)).toEqual({ v: value });
  });

  it('reads the context object through $$', async () => {
    const result = await runWorkflow(
      { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'ctx.$': '$$' }, End: true } } },
      { name: 'run-7', stateMachineName: 'Machine', input: { a: 1 } },
    );
    expect(result.output).toEqual({
      ctx: {
        Execution: {
          Id: 'arn:aws:states:us-east-1:123456789012:execution:Machine:run-7',
          Input: { a: 1 },
          Name: 'run-7',
          RoleArn: 'arn:aws:iam::123456789012:role/Machine-role',
          StartTime: result.startDate.toISOString(),
          RedriveCount: 0,
        },
        State: { EnteredTime: result.startDate.toISOString(), Name: 'P', RetryCount: 0 },
        StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:Machine', Name: 'Machine' },
      },
    });
  });
});

describe('Pass', () => {
  it('puts Result at ResultPath, and applies Parameters otherwise', async () => {
    const definition = {
      StartAt: 'R',
      States: {
        R: { Type: 'Pass', Result: { fixed: true }, ResultPath: '$.r', Next: 'P' },
        P: { Type: 'Pass', Parameters: { 'copy.$': '$.r.fixed', 'all.$': '$' }, End: true },
      },
    };
    expect((await runWorkflow(definition, { input: { x: 1 } })).output).toEqual({ copy: true, all: { x: 1, r: { fixed: true } } });
  });
});

describe('Wait', () => {
  it('waits until a Timestamp from the input', async () => {
    const definition = { StartAt: 'W', States: { W: { Type: 'Wait', TimestampPath: '$.until', End: true } } };
    const result = await runWorkflow(definition, {
      input: { until: '2030-01-01T00:00:30Z' },
      clock: (await import('../../src/index.js')).virtualClock(new Date('2030-01-01T00:00:00Z')),
    });
    expect(result.stopDate.toISOString()).toBe('2030-01-01T00:00:30.000Z');
  });

  it('fails with States.Runtime on a SecondsPath that is not a non-negative integer', async () => {
    const definition = { StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$.s', End: true } } };
    expect(await runWorkflow(definition, { input: { s: -1 } })).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(await runWorkflow(definition, { input: { s: 'soon' } })).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });
});

describe('Fail', () => {
  it('takes ErrorPath and CausePath from the input, intrinsic functions included', async () => {
    const definition = {
      StartAt: 'F',
      States: { F: { Type: 'Fail', ErrorPath: '$.code', CausePath: "States.Format('order {} failed', $.id)" } },
    };
    expect(await runWorkflow(definition, { input: { code: 'Order.Failed', id: 7 } })).toMatchObject({
      status: 'FAILED',
      error: 'Order.Failed',
      cause: 'order 7 failed',
    });
  });
});
