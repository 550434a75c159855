import { describe, expect, it } from 'vitest';
import { runWorkflow, type HistoryEvent } from '../../src/index.js';

/** The history: AWS's event types, detail fields, ids and previousEventId threads. */

describe('history events', () => {
  it('records a lambda:invoke task as AWS does, and hands every event to onEvent as it happens', async () => {
    const seen: HistoryEvent[] = [];
    const definition = {
      StartAt: 'Invoke',
      States: {
        Invoke: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:hello', 'Payload.$': '$' },
          OutputPath: '$.Payload',
          TimeoutSeconds: 30,
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    };
    const result = await runWorkflow(definition, {
      input: { who: 'me' },
      roleArn: 'arn:aws:iam::123456789012:role/r',
      tasks: { hello: (input) => ({ greeting: `hi ${(input as { who: string }).who}` }) },
      onEvent: (event) => seen.push(event),
    });

    expect(seen).toEqual(result.events);
    const at = result.startDate;
    expect(result.events).toEqual([
      {
        id: 1,
        previousEventId: 0,
        timestamp: at,
        type: 'ExecutionStarted',
        executionStartedEventDetails: {
          input: '{"who":"me"}',
          inputDetails: { truncated: false },
          roleArn: 'arn:aws:iam::123456789012:role/r',
        },
      },
      {
        id: 2,
        previousEventId: 0,
        timestamp: at,
        type: 'TaskStateEntered',
        stateEnteredEventDetails: { name: 'Invoke', input: '{"who":"me"}', inputDetails: { truncated: false } },
      },
      {
        id: 3,
        previousEventId: 2,
        timestamp: at,
        type: 'TaskScheduled',
        taskScheduledEventDetails: {
          resourceType: 'lambda',
          resource: 'invoke',
          region: 'us-east-1',
          parameters: '{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:hello","Payload":{"who":"me"}}',
          timeoutInSeconds: 30,
        },
      },
      {
        id: 4,
        previousEventId: 3,
        timestamp: at,
        type: 'TaskStarted',
        taskStartedEventDetails: { resourceType: 'lambda', resource: 'invoke' },
      },
      {
        id: 5,
        previousEventId: 4,
        timestamp: at,
        type: 'TaskSucceeded',
        taskSucceededEventDetails: {
          resourceType: 'lambda',
          resource: 'invoke',
          output: expect.stringContaining('"Payload":{"greeting":"hi me"}'),
          outputDetails: { truncated: false },
        },
      },
      {
        id: 6,
        previousEventId: 5,
        timestamp: at,
        type: 'TaskStateExited',
        stateExitedEventDetails: { name: 'Invoke', output: '{"greeting":"hi me"}', outputDetails: { truncated: false } },
      },
      {
        id: 7,
        previousEventId: 6,
        timestamp: at,
        type: 'SucceedStateEntered',
        stateEnteredEventDetails: { name: 'Done', input: '{"greeting":"hi me"}', inputDetails: { truncated: false } },
      },
      {
        id: 8,
        previousEventId: 7,
        timestamp: at,
        type: 'SucceedStateExited',
        stateExitedEventDetails: { name: 'Done', output: '{"greeting":"hi me"}', outputDetails: { truncated: false } },
      },
      {
        id: 9,
        previousEventId: 8,
        timestamp: at,
        type: 'ExecutionSucceeded',
        executionSucceededEventDetails: { output: '{"greeting":"hi me"}', outputDetails: { truncated: false } },
      },
    ]);
    const succeeded = JSON.parse(result.events[4]!.taskSucceededEventDetails!.output!);
    expect(succeeded).toMatchObject({
      ExecutedVersion: '$LATEST',
      StatusCode: 200,
      SdkHttpMetadata: { HttpStatusCode: 200 },
      SdkResponseMetadata: { RequestId: expect.any(String) },
    });
  });

  it('threads each Parallel branch from ParallelStateStarted', async () => {
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Wait', Seconds: 1, End: true } } },
          ],
          End: true,
        },
      },
    };
    const { events } = await runWorkflow(definition);
    const byId = new Map(events.map((e) => [e.id, e]));
    const started = events.find((e) => e.type === 'ParallelStateStarted')!;
    const entered = events.filter((e) => e.type === 'PassStateEntered' || e.type === 'WaitStateEntered');
    expect(entered.map((e) => e.previousEventId)).toEqual([started.id, started.id]);
    const waitExited = events.find((e) => e.type === 'WaitStateExited')!;
    expect(byId.get(waitExited.previousEventId!)?.type).toBe('WaitStateEntered');
    const succeeded = events.find((e) => e.type === 'ParallelStateSucceeded')!;
    expect(succeeded.previousEventId).toBe(waitExited.id);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
  });

  it('records the failure of a Fail state as ExecutionFailed with its error and cause', async () => {
    const { events } = await runWorkflow({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Oops', Cause: 'why' } } });
    expect(events.slice(1)).toEqual([
      expect.objectContaining({ type: 'FailStateEntered', previousEventId: 0 }),
      expect.objectContaining({
        type: 'ExecutionFailed',
        previousEventId: 2,
        executionFailedEventDetails: { error: 'Oops', cause: 'why' },
      }),
    ]);
  });

  it('names a service integration by resource type and action, and an activity by its events', async () => {
    const definition = {
      StartAt: 'Sdk',
      States: {
        Sdk: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2', Parameters: { Bucket: 'b' }, Next: 'Activity' },
        Activity: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:approve', HeartbeatSeconds: 60, End: true },
      },
    };
    const { events } = await runWorkflow(definition, {
      mocks: { Sdk: { result: { Contents: [] } } },
      tasks: { 'arn:aws:states:us-east-1:123456789012:activity:approve': () => 'ok' },
    });
    expect(events.find((e) => e.type === 'TaskScheduled')?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'aws-sdk:s3',
      resource: 'listObjectsV2',
      parameters: '{"Bucket":"b"}',
    });
    expect(events.filter((e) => e.type?.startsWith('Activity')).map((e) => e.type)).toEqual([
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
    ]);
    expect(events.find((e) => e.type === 'ActivityScheduled')?.activityScheduledEventDetails).toMatchObject({
      resource: 'arn:aws:states:us-east-1:123456789012:activity:approve',
      heartbeatInSeconds: 60,
    });
  });
});
