import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidArn,
  InvalidExecutionInput,
  InvalidName,
  InvalidToken,
  ListExecutionsCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StateMachineDoesNotExist,
  StateMachineTypeNotSupported,
  StopExecutionCommand,
  type HistoryEvent,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, PASS_DEFINITION, ROLE_ARN, startTestEndpoint, waitForEnd, type TestEndpoint } from './support/endpoint.js';

const WAIT_AN_HOUR = JSON.stringify({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 3600, End: true } } });
const FAIL = JSON.stringify({ StartAt: 'Fail', States: { Fail: { Type: 'Fail', Error: 'Custom.Error', Cause: 'it had to fail' } } });

let test: TestEndpoint;
let sfn: SFNClient;
beforeAll(async () => {
  test = await startTestEndpoint();
  sfn = test.sfn;
});
afterAll(async () => {
  await test.close();
  await cleanup();
});

async function machine(name: string, definition: string, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): Promise<string> {
  return (await sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN, type }))).stateMachineArn!;
}

const start = (stateMachineArn: string, input?: unknown, name?: string) =>
  sfn.send(new StartExecutionCommand({ stateMachineArn, ...(input !== undefined && { input: JSON.stringify(input) }), ...(name !== undefined && { name }) }));

async function history(executionArn: string, options: { reverseOrder?: boolean; includeExecutionData?: boolean } = {}): Promise<HistoryEvent[]> {
  return (await sfn.send(new GetExecutionHistoryCommand({ executionArn, ...options }))).events!;
}

describe('StartExecution and DescribeExecution', () => {
  it('runs an execution to its end and describes it as AWS does', async () => {
    const stateMachineArn = await machine('Echo', PASS_DEFINITION);
    const started = await start(stateMachineArn, { greeting: 'hello' }, 'first');
    expect(started.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:Echo:first');
    expect(started.startDate).toBeInstanceOf(Date);

    const described = await waitForEnd(sfn, started.executionArn!);
    expect(described).toMatchObject({
      executionArn: started.executionArn,
      stateMachineArn,
      name: 'first',
      status: 'SUCCEEDED',
      startDate: started.startDate,
      input: '{"greeting":"hello"}',
      inputDetails: { included: true },
      output: '{"greeting":"hello"}',
      outputDetails: { included: true },
    });
    expect(described.stopDate!.getTime()).toBeGreaterThanOrEqual(described.startDate!.getTime());
    expect(described.error).toBeUndefined();
  });

  it('names an unnamed execution with a UUID and gives it {} as input', async () => {
    const stateMachineArn = await machine('Unnamed', PASS_DEFINITION);
    const { executionArn } = await start(stateMachineArn);
    expect(executionArn).toMatch(/:execution:Unnamed:[0-9a-f-]{36}$/);
    expect(await waitForEnd(sfn, executionArn!)).toMatchObject({ status: 'SUCCEEDED', input: '{}', output: '{}' });
  });

  it("reports a failed execution's error and cause", async () => {
    const { executionArn } = await start(await machine('Failing', FAIL));
    expect(await waitForEnd(sfn, executionArn!)).toMatchObject({ status: 'FAILED', error: 'Custom.Error', cause: 'it had to fail' });
    expect((await history(executionArn!)).at(-1)).toMatchObject({ type: 'ExecutionFailed', executionFailedEventDetails: { error: 'Custom.Error', cause: 'it had to fail' } });
  });

  it('is idempotent for the same name and input while running; otherwise ExecutionAlreadyExists', async () => {
    const stateMachineArn = await machine('Idempotent', WAIT_AN_HOUR);
    const first = await start(stateMachineArn, { n: 1 }, 'once');
    expect(await start(stateMachineArn, { n: 1 }, 'once')).toMatchObject({ executionArn: first.executionArn, startDate: first.startDate });
    await expect(start(stateMachineArn, { n: 2 }, 'once')).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await sfn.send(new StopExecutionCommand({ executionArn: first.executionArn }));
    await expect(start(stateMachineArn, { n: 1 }, 'once')).rejects.toThrow(`Execution Already Exists: '${first.executionArn}' (it has ended: ABORTED)`);
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    expect(listed.executions).toHaveLength(1);
  });

  it('refuses bad names, bad input, unknown machines and malformed ARNs with their named errors', async () => {
    const stateMachineArn = await machine('Strict', PASS_DEFINITION);
    await expect(start(stateMachineArn, {}, 'with space')).rejects.toBeInstanceOf(InvalidName);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{not json' }))).rejects.toBeInstanceOf(InvalidExecutionInput);
    await expect(start(`${stateMachineArn}Missing`)).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(start('arn:aws:states:us-east-1:123456789012:execution:Strict:x')).rejects.toBeInstanceOf(InvalidArn);
    const missing = 'arn:aws:states:us-east-1:123456789012:execution:Strict:missing';
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: missing }))).rejects.toThrow(`Execution Does Not Exist: '${missing}'`);
    await expect(sfn.send(new GetExecutionHistoryCommand({ executionArn: missing }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(sfn.send(new StopExecutionCommand({ executionArn: missing }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: stateMachineArn }))).rejects.toBeInstanceOf(InvalidArn);
    await expect(sfn.send(new ListExecutionsCommand({ stateMachineArn: `${stateMachineArn}Missing` }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
  });
});

describe('GetExecutionHistory', () => {
  it("returns AWS's event types with ids, previous ids, timestamps and details", async () => {
    const { executionArn } = await start(await machine('Historic', PASS_DEFINITION), { a: 1 });
    await waitForEnd(sfn, executionArn!);
    const events = await history(executionArn!);
    expect(events.map((event) => event.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    expect(events.map((event) => event.id)).toEqual([1, 2, 3, 4]);
    // As in AWS, the first state's events start their own chain (previous id 0).
    expect(events.map((event) => event.previousEventId)).toEqual([0, 0, 2, 3]);
    for (const event of events) expect(event.timestamp).toBeInstanceOf(Date);
    expect(events[0]).toMatchObject({ executionStartedEventDetails: { input: '{"a":1}', roleArn: ROLE_ARN } });
    expect(events[1]).toMatchObject({ stateEnteredEventDetails: { name: 'Pass', input: '{"a":1}' } });
    expect(events[3]).toMatchObject({ executionSucceededEventDetails: { output: '{"a":1}' } });
  });

  it('pages forwards and backwards, and leaves out data when asked', async () => {
    const { executionArn } = await start(await machine('Paged', PASS_DEFINITION), { a: 1 });
    await waitForEnd(sfn, executionArn!);
    const forward = await history(executionArn!);

    const pages: number[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 3, nextToken }));
      pages.push(page.events!.map((event) => event.id!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages).toEqual([[4, 3, 2], [1]]);
    expect(pages.flat()).toEqual(forward.map((event) => event.id).reverse());

    const lean = await history(executionArn!, { includeExecutionData: false });
    expect(lean[0]!.executionStartedEventDetails).toEqual({ inputDetails: expect.anything(), roleArn: ROLE_ARN });
    expect(JSON.stringify(lean)).not.toContain('"input"');
    expect(JSON.stringify(lean)).not.toContain('"output"');

    const otherListing = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1 }));
    await expect(sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, nextToken: otherListing.nextToken }))).rejects.toBeInstanceOf(InvalidToken);
  });
});

describe('ListExecutions', () => {
  it('lists newest first, filters by status and pages', async () => {
    const passing = await machine('Listed', JSON.stringify({ StartAt: 'Choice', States: { Choice: { Type: 'Choice', Choices: [{ Variable: '$.wait', BooleanEquals: true, Next: 'Wait' }], Default: 'Done' }, Wait: { Type: 'Wait', Seconds: 3600, End: true }, Done: { Type: 'Succeed' } } }));
    const names = ['e1', 'e2', 'e3', 'e4', 'e5'];
    for (const name of names) await waitForEnd(sfn, (await start(passing, { wait: false }, name)).executionArn!);
    const waiting = await start(passing, { wait: true }, 'waiting');

    const all = await sfn.send(new ListExecutionsCommand({ stateMachineArn: passing }));
    expect(all.executions!.map((execution) => execution.name)).toEqual(['waiting', 'e5', 'e4', 'e3', 'e2', 'e1']);
    expect(all.executions![0]).toEqual({ executionArn: waiting.executionArn, stateMachineArn: passing, name: 'waiting', status: 'RUNNING', startDate: waiting.startDate });
    expect(all.executions![1]).toMatchObject({ status: 'SUCCEEDED', stopDate: expect.any(Date) });

    const running = await sfn.send(new ListExecutionsCommand({ stateMachineArn: passing, statusFilter: 'RUNNING' }));
    expect(running.executions!.map((execution) => execution.name)).toEqual(['waiting']);

    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn: passing, statusFilter: 'SUCCEEDED', maxResults: 2, nextToken }));
      pages.push(page.executions!.map((execution) => execution.name!));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages).toEqual([['e5', 'e4'], ['e3', 'e2'], ['e1']]);

    const firstPage = await sfn.send(new ListExecutionsCommand({ stateMachineArn: passing, maxResults: 1 }));
    await expect(sfn.send(new ListExecutionsCommand({ stateMachineArn: passing, statusFilter: 'FAILED', nextToken: firstPage.nextToken }))).rejects.toBeInstanceOf(InvalidToken);
    await sfn.send(new StopExecutionCommand({ executionArn: waiting.executionArn }));
  });
});

describe('StopExecution', () => {
  it('aborts a running execution with the given error and cause, and answers the same when it has ended', async () => {
    const { executionArn } = await start(await machine('Stopped', WAIT_AN_HOUR), {}, 'to-stop');
    // The execution is waiting once its Wait state was entered.
    while (!(await history(executionArn!)).some((event) => event.type === 'WaitStateEntered'));
    const stopped = await sfn.send(new StopExecutionCommand({ executionArn, error: 'Operator.Stop', cause: 'no longer needed' }));
    expect(stopped.stopDate).toBeInstanceOf(Date);

    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'ABORTED', stopDate: stopped.stopDate, error: 'Operator.Stop', cause: 'no longer needed' });
    expect(described.output).toBeUndefined();
    expect((await history(executionArn!)).at(-1)).toMatchObject({ type: 'ExecutionAborted', executionAbortedEventDetails: { error: 'Operator.Stop', cause: 'no longer needed' } });

    expect(await sfn.send(new StopExecutionCommand({ executionArn }))).toMatchObject({ stopDate: stopped.stopDate });
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('ABORTED');
  });
});

describe('DeleteStateMachine with executions', () => {
  it('stops the running executions and forgets them with the machine', async () => {
    const stateMachineArn = await machine('DeletedWhileRunning', WAIT_AN_HOUR);
    const { executionArn } = await start(stateMachineArn);
    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn }));
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(sfn.send(new ListExecutionsCommand({ stateMachineArn }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
  });
});

describe('EXPRESS state machines', () => {
  it('StartSyncExecution runs one to its end and returns its result', async () => {
    const stateMachineArn = await machine('Express', PASS_DEFINITION, 'EXPRESS');
    const result = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{"x":1}', name: 'sync' }));
    expect(result).toMatchObject({
      executionArn: expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:express:Express:sync:[0-9a-f-]{36}$/),
      stateMachineArn,
      name: 'sync',
      status: 'SUCCEEDED',
      input: '{"x":1}',
      output: '{"x":1}',
      billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: expect.any(Number) },
    });
    expect(result.stopDate!.getTime()).toBeGreaterThanOrEqual(result.startDate!.getTime());

    const failing = await machine('ExpressFailing', FAIL, 'EXPRESS');
    expect(await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: failing }))).toMatchObject({ status: 'FAILED', error: 'Custom.Error', cause: 'it had to fail' });
  });

  it('are not recorded: their executions cannot be described or listed, as in AWS', async () => {
    const stateMachineArn = await machine('ExpressAsync', PASS_DEFINITION, 'EXPRESS');
    const { executionArn } = await start(stateMachineArn, {}, 'async');
    expect(executionArn).toMatch(/:express:ExpressAsync:async:/);
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn }))).rejects.toThrow(/Resource type not valid in this context: express/);
    await expect(sfn.send(new ListExecutionsCommand({ stateMachineArn }))).rejects.toBeInstanceOf(StateMachineTypeNotSupported);
  });

  it('StartSyncExecution refuses a STANDARD state machine', async () => {
    const stateMachineArn = await machine('NotExpress', PASS_DEFINITION);
    await expect(sfn.send(new StartSyncExecutionCommand({ stateMachineArn }))).rejects.toBeInstanceOf(StateMachineTypeNotSupported);
  });
});

describe('executions started by a task (states:startExecution)', () => {
  it("run the endpoint's state machine, are recorded like any other, and give their output to the parent", async () => {
    const child = await machine('Child', JSON.stringify({ StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } } }));
    const parent = await machine(
      'Parent',
      JSON.stringify({
        StartAt: 'Run child',
        States: {
          'Run child': {
            Type: 'Task',
            Resource: 'arn:aws:states:::states:startExecution.sync:2',
            Parameters: { StateMachineArn: child, Name: 'from-parent', 'Input.$': '$' },
            OutputPath: '$.Output',
            End: true,
          },
        },
      }),
    );
    const { executionArn } = await start(parent, { n: 21 });
    expect(await waitForEnd(sfn, executionArn!)).toMatchObject({ status: 'SUCCEEDED', output: '{"doubled":42}' });
    const children = await sfn.send(new ListExecutionsCommand({ stateMachineArn: child }));
    expect(children.executions).toEqual([expect.objectContaining({ name: 'from-parent', status: 'SUCCEEDED' })]);
    expect(await sfn.send(new DescribeExecutionCommand({ executionArn: children.executions![0]!.executionArn }))).toMatchObject({ input: '{"n":21}', output: '{"doubled":42}' });

    // A child of a state machine that does not exist fails the task with the error AWS gives.
    const orphan = await machine('Orphan', JSON.stringify({ StartAt: 'Run', States: { Run: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: `${child}Missing` }, End: true } } }));
    const failed = await waitForEnd(sfn, (await start(orphan)).executionArn!);
    expect(failed).toMatchObject({ status: 'FAILED', error: 'StepFunctions.StateMachineDoesNotExistException' });
  });
});

