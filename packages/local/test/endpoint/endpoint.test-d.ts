import type { CreateStateMachineInput, ListExecutionsOutput, StartExecutionInput, StartSyncExecutionOutput } from '@aws-sdk/client-sfn';
import { startLocalEndpoint, virtualClock, type LocalEndpoint, type LocalEndpointOptions } from '@typestep/local';
import { describe, expectTypeOf, it } from 'vitest';
import { listExecutions, startSyncExecution } from '../../src/endpoint/actions/execution-actions.js';
import type { actions } from '../../src/endpoint/actions/index.js';
import type { RequestOf } from '../../src/endpoint/request-schemas.js';

describe('startLocalEndpoint', () => {
  it('takes optional options and resolves to an endpoint with a URL and close()', () => {
    expectTypeOf(startLocalEndpoint).parameters.toEqualTypeOf<[options?: LocalEndpointOptions]>();
    expectTypeOf(startLocalEndpoint).returns.resolves.toEqualTypeOf<LocalEndpoint>();
    expectTypeOf<LocalEndpoint['url']>().toEqualTypeOf<string>();
    expectTypeOf<LocalEndpoint['close']>().toEqualTypeOf<() => Promise<void>>();
  });

  it('checks its options', () => {
    void startLocalEndpoint({ port: 0, dataDir: '/tmp/data', clock: 'virtual' });
    void startLocalEndpoint({ clock: virtualClock(new Date(0)), tasks: { Greeter: (input) => ({ input }) } });
    // @ts-expect-error the clock is "real", "virtual" or a Clock
    void startLocalEndpoint({ clock: 'fast' });
    // @ts-expect-error the port is a number
    void startLocalEndpoint({ port: '8083' });
    // @ts-expect-error a task handler is a function
    void startLocalEndpoint({ tasks: { Greeter: 'arn:aws:lambda:us-east-1:123456789012:function:greeter' } });
  });
});

describe('the actions', () => {
  it('are exactly the Step Functions actions the endpoint documents', () => {
    expectTypeOf<keyof typeof actions>().toEqualTypeOf<
      | 'CreateStateMachine'
      | 'UpdateStateMachine'
      | 'DescribeStateMachine'
      | 'ListStateMachines'
      | 'DeleteStateMachine'
      | 'ValidateStateMachineDefinition'
      | 'StartExecution'
      | 'StartSyncExecution'
      | 'DescribeExecution'
      | 'ListExecutions'
      | 'GetExecutionHistory'
      | 'StopExecution'
      | 'SendTaskSuccess'
      | 'SendTaskFailure'
      | 'SendTaskHeartbeat'
      | 'TagResource'
      | 'UntagResource'
      | 'ListTagsForResource'
    >();
  });

  it("parse requests into the SDK's input shapes and answer with its output shapes", () => {
    expectTypeOf<RequestOf<'CreateStateMachine'>>().toExtend<CreateStateMachineInput>();
    expectTypeOf<RequestOf<'StartExecution'>>().toExtend<StartExecutionInput>();
    // Required members are required after parsing.
    expectTypeOf<RequestOf<'CreateStateMachine'>['definition']>().toEqualTypeOf<string>();
    expectTypeOf(listExecutions).returns.toEqualTypeOf<ListExecutionsOutput>();
    expectTypeOf(startSyncExecution).returns.resolves.toEqualTypeOf<StartSyncExecutionOutput>();
  });
});
