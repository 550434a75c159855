import { realClock } from '@typestep/local';
import { describe, expect, it } from 'vitest';
import { ExecutionRunner } from '../../src/endpoint/execution-runner.js';
import { Store } from '../../src/store/store.js';

describe('ExecutionRunner', () => {
  // The endpoint checks definitions on create, but a data folder may hold one stored before the
  // rules changed: the engine then refuses it, and the execution still ends, truthfully.
  it('ends an execution the engine refuses to run as FAILED (States.Runtime), with its two events', async () => {
    const clock = realClock();
    const store = Store.open({ now: () => clock.now() });
    const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:Stale';
    const stateMachine = {
      arn,
      name: 'Stale',
      type: 'STANDARD' as const,
      definition: '{"StartAt":"Nowhere","States":{}}',
      roleArn: 'arn:aws:iam::123456789012:role/r',
      creationDate: clock.now(),
      updateDate: clock.now(),
      revisionId: 'r1',
      tags: [],
    };
    store.saveStateMachine(stateMachine);
    const execution = store.startExecution({ arn: `${arn.replace(':stateMachine:', ':execution:')}:e`, stateMachineArn: arn, name: 'e', input: '{"a":1}', startDate: clock.now() });

    const result = await new ExecutionRunner(store, { clock }).start(stateMachine, execution, { a: 1 });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: expect.stringContaining("The local engine cannot run this state machine's definition") });
    const stored = store.execution(execution.arn)!;
    expect(stored).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(stored.events).toMatchObject([
      { id: 1, previousEventId: 0, type: 'ExecutionStarted', executionStartedEventDetails: { input: '{"a":1}' } },
      { id: 2, previousEventId: 1, type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.Runtime' } },
    ]);
    store.close();
  });
});
