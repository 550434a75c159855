import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realClock, runExecution, TaskTokens, virtualClock, type Clock } from '../../src/index.js';
import { LOCAL_CREDENTIALS, startFauxqsServer, type Fauxqs } from './support/local-servers.js';

/**
 * `.waitForTaskToken`: the task sends its token through a real SQS queue (fauxqs) and waits until a
 * worker answers with SendTaskSuccess / SendTaskFailure, heartbeating with SendTaskHeartbeat.
 */

let fauxqs: Fauxqs & { endpoint: string };
let sqs: SQSClient;
beforeAll(async () => {
  fauxqs = await startFauxqsServer();
  sqs = new SQSClient({ endpoint: fauxqs.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
});
afterAll(async () => {
  sqs?.destroy();
  await fauxqs?.stop();
});

function definition(queueUrl: string, limits: Record<string, number> = {}) {
  return {
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: queueUrl, MessageBody: { 'token.$': '$$.Task.Token', 'question.$': '$.question' } },
        ...limits,
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Failed' }],
        End: true,
      },
      Failed: { Type: 'Pass', End: true },
    },
  };
}

/** A worker: takes the next message from the queue and returns its body. */
async function nextMessage(queueUrl: string): Promise<{ token: string; question: string }> {
  for (;;) {
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 1 }));
    const message = received.Messages?.[0];
    if (message) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle! }));
      return JSON.parse(message.Body!);
    }
  }
}

function run(queue: string, tokens: TaskTokens, clock: Clock, limits?: Record<string, number>) {
  const { queueUrl } = fauxqs.createQueue(queue);
  const execution = runExecution({
    definition: definition(queueUrl, limits),
    input: { question: 'approve?' },
    taskTokens: tokens,
    clock,
    services: { endpoints: { sqs: fauxqs.endpoint } },
  });
  return { queueUrl, execution };
}

describe('waitForTaskToken', () => {
  it('continues with the output of SendTaskSuccess', async () => {
    const tokens = new TaskTokens();
    const { queueUrl, execution } = run('approvals-1', tokens, virtualClock());
    const message = await nextMessage(queueUrl);
    expect(message.question).toBe('approve?');
    tokens.sendTaskSuccess(message.token, { approved: true });
    const result = await execution;
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { approved: true } });
    const types = result.events.map((e) => e.type);
    expect(types).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(JSON.parse(result.events[4]!.taskSubmittedEventDetails!.output!)).toMatchObject({ MessageId: expect.any(String) });
    // Answered once: the token is gone.
    expect(() => tokens.sendTaskSuccess(message.token, {})).toThrow(expect.objectContaining({ name: 'TaskDoesNotExist' }));
  });

  it('fails the task with the error and cause of SendTaskFailure', async () => {
    const tokens = new TaskTokens();
    const { queueUrl, execution } = run('approvals-2', tokens, virtualClock());
    tokens.sendTaskFailure((await nextMessage(queueUrl)).token, 'Rejected', 'not today');
    const result = await execution;
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { question: 'approve?', failure: { Error: 'Rejected', Cause: 'not today' } },
    });
    expect(result.events.find((e) => e.type === 'TaskFailed')?.taskFailedEventDetails).toMatchObject({
      error: 'Rejected',
      cause: 'not today',
    });
  });

  it('stays alive past HeartbeatSeconds while SendTaskHeartbeat keeps coming', async () => {
    const tokens = new TaskTokens();
    const clock = virtualClock(new Date(0));
    const { queueUrl, execution } = run('approvals-3', tokens, clock, { HeartbeatSeconds: 10, TimeoutSeconds: 3600 });
    // The worker holds the virtual clock while it reads the queue (real work), then keeps its own
    // time on the same clock: a heartbeat every 8 seconds, the answer at 24 s.
    const { token } = await clock.track(nextMessage(queueUrl));
    for (let beat = 0; beat < 3; beat++) {
      await clock.sleep(8000);
      tokens.sendTaskHeartbeat(token);
    }
    tokens.sendTaskSuccess(token, 'done');
    const result = await execution;
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'done' });
    expect(result.events.find((e) => e.type === 'TaskSucceeded')!.timestamp!.getTime()).toBe(24_000);
  });

  it('times out with States.HeartbeatTimeout when the heartbeats stop, and the token then answers TaskTimedOut', async () => {
    const tokens = new TaskTokens();
    const clock = virtualClock(new Date(0));
    const { queueUrl, execution } = run('approvals-4', tokens, clock, { HeartbeatSeconds: 10 });
    const { token } = await clock.track(nextMessage(queueUrl));
    await clock.sleep(5000);
    tokens.sendTaskHeartbeat(token);
    const result = await execution;
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { failure: { Error: 'States.HeartbeatTimeout' } } });
    expect(result.events.find((e) => e.type === 'TaskTimedOut')!.timestamp!.getTime()).toBe(15_000);
    expect(() => tokens.sendTaskSuccess(token, {})).toThrow(expect.objectContaining({ name: 'TaskTimedOut' }));
    expect(() => tokens.sendTaskHeartbeat(token)).toThrow(expect.objectContaining({ name: 'TaskTimedOut' }));
  });

  it('rejects tokens it never issued', () => {
    const tokens = new TaskTokens();
    expect(() => tokens.sendTaskSuccess('not-a-token', {})).toThrow(expect.objectContaining({ name: 'InvalidToken' }));
    expect(() => tokens.sendTaskFailure('A'.repeat(64))).toThrow(expect.objectContaining({ name: 'TaskDoesNotExist' }));
  });
});

describe('heartbeats from a handler (TaskContext.heartbeat)', () => {
  const definition = {
    StartAt: 'Work',
    States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:slow', HeartbeatSeconds: 1, End: true } },
  };

  it('keeps a slow handler alive, on the real clock', async () => {
    const result = await runExecution({
      definition,
      clock: realClock(),
      tasks: {
        slow: async (_input, context) => {
          for (let i = 0; i < 3; i++) {
            await delay(400);
            context.heartbeat();
          }
          return 'finished';
        },
      },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'finished' });
  });

  it('times out a handler that stops heartbeating, aborting its signal', async () => {
    let aborted = false;
    const result = await runExecution({
      definition,
      clock: realClock(),
      tasks: {
        slow: (_input, context) =>
          new Promise((_resolve, reject) => {
            context.signal.addEventListener('abort', () => {
              aborted = true;
              reject(new Error('aborted'));
            });
          }),
      },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
    expect(aborted).toBe(true);
  });
});
