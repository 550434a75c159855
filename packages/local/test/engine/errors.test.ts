import { describe, expect, it } from 'vitest';
import { realClock, runExecution, runWorkflow, TaskError, TaskTokens, virtualClock, type TaskHandler } from '../../src/index.js';

/** Every AWS error name the engine raises, where it arises, and how Retry and Catch see it. */

const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:work';

/** One Task state (with Retry / Catch as given); its catchers go to a Pass state "Handled". */
function task(fields: Record<string, unknown>) {
  return {
    StartAt: 'Work',
    States: {
      Work: { Type: 'Task', Resource: FUNCTION, ...fields, End: true },
      ...('Catch' in fields ? { Handled: { Type: 'Pass', End: true } } : {}),
    },
  } as const;
}

const catchAll = { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.caught', Next: 'Handled' }] };

describe('States.TaskFailed', () => {
  it('is the wildcard of task errors in Catch', async () => {
    const result = await runWorkflow(task({ Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Handled' }] }), {
      tasks: { work: () => Promise.reject(new TaskError('Custom.Error', 'boom')) },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Error: 'Custom.Error', Cause: 'boom' } });
  });

  it('does not match States.Timeout', async () => {
    const definition = task({
      TimeoutSeconds: 5,
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'work', 'token.$': '$$.Task.Token' },
      Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Handled' }],
    });
    const result = await runWorkflow(definition, { tasks: { work: () => ({}) } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });

  it('is the error of a states:startExecution.sync task whose child failed', async () => {
    const child = { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Child.Failed', Cause: 'no' } } };
    const result = await runWorkflow(
      task({
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child' },
      }),
      { startExecution: (request) => runExecution({ ...request, definition: child }) },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    expect(JSON.parse(result.cause!)).toMatchObject({ Status: 'FAILED', Error: 'Child.Failed', Cause: 'no' });
  });
});

describe('States.Timeout', () => {
  it('fails a task that runs longer than TimeoutSeconds, and aborts its signal', async () => {
    let aborted = false;
    const hung: TaskHandler = (_input, context) =>
      new Promise((_resolve, reject) =>
        context.signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('stopped'));
        }),
      );
    // A handler that never settles holds a virtual clock still: the real clock measures this timeout.
    const result = await runExecution({ definition: task({ TimeoutSeconds: 1 }), tasks: { work: hung }, clock: realClock() });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(result.events.map((e) => e.type)).toContain('LambdaFunctionTimedOut');
    expect(aborted).toBe(true);
  });

  it('times out the whole execution after the top-level TimeoutSeconds (TIMED_OUT)', async () => {
    const definition = { TimeoutSeconds: 60, StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 3600, End: true } } };
    const result = await runWorkflow(definition);
    expect(result).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
    expect(result.events.map((e) => e.type)).toEqual(['ExecutionStarted', 'WaitStateEntered', 'WaitStateAborted', 'ExecutionTimedOut']);
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(60_000);
  });
});

describe('States.HeartbeatTimeout', () => {
  it('fails a task token wait that gets no heartbeat within HeartbeatSeconds', async () => {
    const definition = task({
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      HeartbeatSeconds: 10,
      TimeoutSeconds: 600,
      Parameters: { QueueUrl: 'q', 'MessageBody.$': '$$.Task.Token' },
      ...catchAll,
    });
    const result = await runWorkflow(definition, { mocks: { Work: { result: { MessageId: 'm' } } } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { caught: { Error: 'States.HeartbeatTimeout' } } });
    expect(result.events.find((e) => e.type === 'TaskTimedOut')?.taskTimedOutEventDetails).toMatchObject({
      error: 'States.HeartbeatTimeout',
      resourceType: 'sqs',
      resource: 'sendMessage.waitForTaskToken',
    });
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(10_000);
  });

  it('is matched by a retrier on States.Timeout', async () => {
    const definition = task({
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      HeartbeatSeconds: 10,
      Parameters: { QueueUrl: 'q' },
      Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 2, IntervalSeconds: 1 }],
    });
    const result = await runWorkflow(definition, { mocks: { Work: { result: {} } } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    expect(result.events.filter((e) => e.type === 'TaskTimedOut')).toHaveLength(3);
  });
});

describe('States.NoChoiceMatched', () => {
  it('fails a Choice state without Default when no rule matches', async () => {
    const definition = {
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'P' }] }, P: { Type: 'Pass', End: true } },
    };
    const result = await runWorkflow(definition, { input: { n: 2 } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
    expect(result.cause).toContain("'C'");
  });
});

describe('States.ResultPathMatchFailure', () => {
  it('fails when ResultPath leads through a value that is not an object, and can be caught', async () => {
    const result = await runWorkflow(
      task({
        ResultPath: '$.name.first',
        Catch: [{ ErrorEquals: ['States.ResultPathMatchFailure'], ResultPath: '$.caught', Next: 'Handled' }],
      }),
      {
        input: { name: 'Ann' },
        tasks: { work: () => 'x' },
      },
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { name: 'Ann', caught: { Error: 'States.ResultPathMatchFailure' } } });
  });
});

describe('States.ParameterPathFailure', () => {
  it('fails when a Parameters path selects nothing, naming the field and input', async () => {
    const result = await runWorkflow(task({ Parameters: { 'id.$': '$.order.id' } }), { input: { order: {} }, tasks: { work: () => 'x' } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ParameterPathFailure' });
    expect(result.cause).toBe(`The JSONPath '$.order.id' specified for the field 'id.$' could not be found in the input '{"order":{}}'`);
  });

  it('is caught by States.ALL', async () => {
    const result = await runWorkflow(task({ Parameters: { 'id.$': '$.missing' }, ...catchAll }), { tasks: { work: () => 'x' } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { caught: { Error: 'States.ParameterPathFailure' } } });
  });
});

describe('States.IntrinsicFailure', () => {
  it.each([
    ['States.ArrayGetItem($.list, 5)', 'outside the array'],
    ["States.StringToJson('{not json')", 'not valid JSON'],
    ['States.Format($.template, 1)', '2 {} placeholder(s) but 1 value(s)'],
    ["States.Hash('x', 'SHA-3')", 'is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512'],
    ['States.JsonMerge($.a, $.b, true)', 'shallow merge'],
    ['States.ArrayRange(0, 5000, 1)', 'limit is 1,000'],
    ['States.MathAdd($.list, 1)', 'must be a number'],
  ])('fails %s', async (call, message) => {
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'value.$': call }, End: true } } };
    const result = await runWorkflow(definition, { input: { list: [1, 2], a: {}, b: {}, template: '{} and {}' } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.IntrinsicFailure' });
    expect(result.cause).toContain(message);
  });

  it('is caught on a Task state', async () => {
    const result = await runWorkflow(task({ Parameters: { 'v.$': 'States.ArrayGetItem($.list, 9)' }, ...catchAll }), {
      input: { list: [] },
      tasks: { work: () => 'x' },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { caught: { Error: 'States.IntrinsicFailure' } } });
  });
});

describe('States.QueryEvaluationError', () => {
  it.each([
    ['{% $states.input.a + "x" %}', 'evaluating'],
    ['{% $states.input.missing %}', 'returned nothing'],
    ['{% $notAFunction() %}', 'evaluating'],
  ])('fails a JSONata state on %s, and is caught', async (expression, message) => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: FUNCTION,
          Arguments: { value: expression },
          Catch: [{ ErrorEquals: ['States.QueryEvaluationError'], Output: '{% $states.errorOutput %}', Next: 'Handled' }],
          End: true,
        },
        Handled: { Type: 'Pass', End: true },
      },
    };
    const result = await runWorkflow(definition, { input: { a: 1 }, tasks: { work: () => 'x' } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Error: 'States.QueryEvaluationError' } });
    expect((result.output as { Cause: string }).Cause).toContain(message);
  });
});

describe('States.BranchFailed', () => {
  it('names the failure of a branch that ends in a Fail state without an error name', async () => {
    const definition = {
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail' } } }], End: true } },
    };
    const result = await runWorkflow(definition);
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.BranchFailed' });
  });

  it("otherwise the Parallel state fails with the branch's own error", async () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Mine', Cause: 'c' } } }], End: true },
      },
    };
    expect(await runWorkflow(definition)).toMatchObject({ status: 'FAILED', error: 'Mine', cause: 'c' });
  });
});

describe('States.ExceedToleratedFailureThreshold', () => {
  const distributed = (tolerance: Record<string, number>) => ({
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        ...tolerance,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'C',
          States: {
            C: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Ok' }], Default: 'Bad' },
            Ok: { Type: 'Pass', End: true },
            Bad: { Type: 'Fail', Error: 'Item.Bad' },
          },
        },
        End: true,
      },
    },
  });
  const input = [{ ok: true }, { ok: false }, { ok: true }, { ok: false }];

  it('fails a Distributed Map with more failed children than tolerated', async () => {
    const result = await runWorkflow(distributed({ ToleratedFailureCount: 1 }), { input });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    expect(result.events.map((e) => e.type)).toEqual(expect.arrayContaining(['MapRunStarted', 'MapRunFailed', 'MapStateFailed']));
  });

  it('tolerates failures within the percentage, reporting them in the output', async () => {
    const result = await runWorkflow(distributed({ ToleratedFailurePercentage: 50 }), { input });
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: [{ ok: true }, { Error: 'Item.Bad', Cause: '' }, { ok: true }, { Error: 'Item.Bad', Cause: '' }],
    });
  });
});

describe('States.DataLimitExceeded', () => {
  const big = () => ({ blob: 'x'.repeat(300 * 1024) });

  it('fails a task whose result is over 256 KiB; States.ALL does not catch it', async () => {
    const result = await runWorkflow(task(catchAll), { tasks: { work: big } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(result.cause).toMatch(/307\d{3} bytes, which exceeds the maximum of 262144 bytes/);
  });

  it('is caught when a catcher names it', async () => {
    const result = await runWorkflow(task({ Catch: [{ ErrorEquals: ['States.DataLimitExceeded'], Next: 'Handled' }] }), {
      tasks: { work: big },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Error: 'States.DataLimitExceeded' } });
  });

  it('fails a state whose output is over the limit, and an over-large execution input', async () => {
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', Result: big(), End: true } } };
    expect(await runWorkflow(pass)).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(await runWorkflow({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { input: big() })).toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
    });
  });
});

describe('States.Runtime', () => {
  it('fails the execution on an InputPath that selects nothing, past States.ALL and a named catcher', async () => {
    const result = await runWorkflow(
      task({
        InputPath: '$.missing',
        Catch: [
          { ErrorEquals: ['States.Runtime'], Next: 'Handled' },
          { ErrorEquals: ['States.ALL'], Next: 'Handled' },
        ],
      }),
      { tasks: { work: () => 'x' } },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toBe(
      "An error occurred while executing the state 'Work'. Invalid path '$.missing' : No results for path: $['missing']",
    );
  });

  it('is never retried', async () => {
    let calls = 0;
    const result = await runWorkflow(task({ OutputPath: '$.nope', Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 5 }] }), {
      tasks: { work: () => ++calls },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(calls).toBe(1);
  });

  it('reports a task that nothing runs, saying how to bind it', async () => {
    const result = await runWorkflow(task({}));
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toContain(`bind a handler with options.tasks["${FUNCTION}" or "work"], or mock the state ('Work')`);
  });
});

describe('stopping', () => {
  it("ends ABORTED with StopExecution's error and cause, recording the aborted state", async () => {
    const controller = new AbortController();
    const tokens = new TaskTokens();
    const definition = task({ Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q' } });
    const run = runExecution({
      definition,
      taskTokens: tokens,
      clock: virtualClock(),
      mocks: { Work: { result: {} } },
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'TaskSubmitted') controller.abort({ error: 'Operator', cause: 'stopped by hand' });
      },
    });
    const result = await run;
    expect(result).toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'stopped by hand' });
    expect(result.events.slice(-2).map((e) => e.type)).toEqual(['TaskStateAborted', 'ExecutionAborted']);
    expect(result.events.at(-1)?.executionAbortedEventDetails).toEqual({ error: 'Operator', cause: 'stopped by hand' });
  });
});
