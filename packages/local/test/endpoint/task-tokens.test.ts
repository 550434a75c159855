import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  InvalidOutput,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  ValidationException,
} from '@aws-sdk/client-sfn';
import type { TaskHandler } from '@typestep/local';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, ROLE_ARN, startTestEndpoint, waitForEnd, type TestEndpoint } from './support/endpoint.js';

afterAll(cleanup);

const SEND = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';

/** Sends the task token "to a queue" (the handler keeps it) and waits for the answer, as an approval step does. */
const approval = (timeoutSeconds: number) =>
  JSON.stringify({
    StartAt: 'Approve',
    States: {
      Approve: {
        Type: 'Task',
        Resource: SEND,
        Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/approvals', MessageBody: { 'token.$': '$$.Task.Token', 'order.$': '$.order' } },
        TimeoutSeconds: timeoutSeconds,
        End: true,
      },
    },
  });

/** An endpoint whose queue handler collects the tokens it is sent. */
async function endpointWithQueue(clock: 'real' | 'virtual') {
  const tokens: string[] = [];
  const send: TaskHandler = (input) => {
    tokens.push((input as { MessageBody: { token: string } }).MessageBody.token);
    return { MessageId: `message-${tokens.length}` };
  };
  const test = await startTestEndpoint({ clock, tasks: { [SEND]: send } });
  const { stateMachineArn } = await test.sfn.send(new CreateStateMachineCommand({ name: 'Approval', definition: approval(3600), roleArn: ROLE_ARN }));
  /** Starts an execution and resolves with the token its task waits on. */
  const startWaiting = async (order: string) => {
    const seen = tokens.length;
    const { executionArn } = await test.sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ order }) }));
    while (tokens.length === seen) await new Promise((resolve) => setTimeout(resolve, 5));
    return { executionArn: executionArn!, token: tokens[seen]! };
  };
  return { test, startWaiting };
}

describe('SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat', () => {
  let test: TestEndpoint | undefined;
  afterAll(() => test?.close());

  it('completes a waiting task with the output given, or fails it with the error given', async () => {
    const queue = await endpointWithQueue('real');
    test = queue.test;
    const { sfn } = queue.test;

    const approved = await queue.startWaiting('o-1');
    expect(approved.token).toMatch(/^[A-Za-z0-9_-]{64}$/);
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: approved.token }));
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: approved.executionArn }))).status).toBe('RUNNING');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: approved.token, output: '{"approved":true}' }));
    expect(await waitForEnd(sfn, approved.executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"approved":true}' });

    const rejected = await queue.startWaiting('o-2');
    await sfn.send(new SendTaskFailureCommand({ taskToken: rejected.token, error: 'Order.Rejected', cause: 'too expensive' }));
    expect(await waitForEnd(sfn, rejected.executionArn)).toMatchObject({ status: 'FAILED', error: 'Order.Rejected', cause: 'too expensive' });
    const events = (await sfn.send(new GetExecutionHistoryCommand({ executionArn: rejected.executionArn }))).events!;
    expect(events.map((event) => event.type)).toContain('TaskFailed');
  });

  it('answers TaskDoesNotExist, InvalidToken, InvalidOutput and ValidationException as AWS does', async () => {
    const queue = await endpointWithQueue('real');
    const { sfn } = queue.test;
    try {
      const waiting = await queue.startWaiting('o-3');
      await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: waiting.token, output: '{not json' }))).rejects.toBeInstanceOf(InvalidOutput);
      await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: waiting.token, output: JSON.stringify('x'.repeat(256 * 1024)) }))).rejects.toBeInstanceOf(ValidationException);
      await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' }))).rejects.toBeInstanceOf(InvalidToken);

      await sfn.send(new SendTaskSuccessCommand({ taskToken: waiting.token, output: '{}' }));
      await waitForEnd(sfn, waiting.executionArn);
      // Answered once: the task no longer exists.
      await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: waiting.token, output: '{}' }))).rejects.toBeInstanceOf(TaskDoesNotExist);
      await expect(sfn.send(new SendTaskHeartbeatCommand({ taskToken: waiting.token }))).rejects.toBeInstanceOf(TaskDoesNotExist);
    } finally {
      await queue.test.close();
    }
  });

  it('answers TaskTimedOut for the token of a task that timed out', async () => {
    // On the virtual clock the task's hour-long timeout passes at once: nobody answers in time.
    const queue = await endpointWithQueue('virtual');
    const { sfn } = queue.test;
    try {
      const late = await queue.startWaiting('o-4');
      expect(await waitForEnd(sfn, late.executionArn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
      await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: late.token, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    } finally {
      await queue.test.close();
    }
  });
});
