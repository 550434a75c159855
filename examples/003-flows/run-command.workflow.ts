import { eq, lambda, untyped, workflow } from '@typestep/dsl';
import { z } from 'zod';
import { COMMENT, fn } from './functions.js';

/** What the RunCommand functions return: SSM's command status. */
const CommandStatus = z.object({ com_status: z.enum(['Pending', 'InProgress', 'Delayed', 'Success', 'Cancelled', 'TimedOut', 'Failed', 'Cancelling']) });

/** The console's Lambda task: the whole input as Payload, the function's answer as output. */
const invoke = (name: string) => ({ functionName: fn(name), outputPayload: true, retryServiceExceptions: true }) as const;

/**
 * Seed 003 §RunCommand: send an SSM command, then poll its status every second until it
 * succeeds (run the last step) or stops being in progress (fail).
 */
export default workflow('RunCommandPoll', { comment: COMMENT, input: untyped })
  .task('Lambda RunCommand', lambda.invoke({ ...invoke('testRunCommand'), returns: untyped }))
  .wait('Wait', { seconds: 1 })
  .task('Lambda RunCommand2', lambda.invoke({ ...invoke('testRunCommand2'), returns: CommandStatus }))
  .choice('Choice', (c) =>
    c
      .when(($) => eq($.com_status, 'Success'), (b) => b.task('Lambda RunCommand3', lambda.invoke({ ...invoke('testRunCommand3'), returns: untyped })))
      .when(($) => eq($.com_status, 'InProgress'), 'Wait')
      .otherwise((b) => b.fail('Fail')),
  );
