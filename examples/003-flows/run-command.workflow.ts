import { eq, untyped, workflow } from '@typestep/dsl';
import { z } from 'zod';
import { invokeResult, LAMBDA_INVOKE, lambdaServiceRetry } from '../shared/lambda-invoke.js';
import { COMMENT, fn } from './functions.js';

/** What the RunCommand functions return: SSM's command status. */
const CommandStatus = z.object({ com_status: z.enum(['Pending', 'InProgress', 'Delayed', 'Success', 'Cancelled', 'TimedOut', 'Failed', 'Cancelling']) });


/**
 * Seed 003 §RunCommand: send an SSM command, then poll its status every second until it
 * succeeds (run the last step) or stops being in progress (fail).
 */
export default workflow('RunCommandPoll', { comment: COMMENT, input: untyped })
  .task('Lambda RunCommand', {
    resource: LAMBDA_INVOKE,
    parameters: ($) => ({ FunctionName: fn('testRunCommand'), Payload: $ }),
    returns: invokeResult(untyped),
    outputPath: ($) => $.Payload,
    retry: [lambdaServiceRetry],
  })
  .wait('Wait', { seconds: 1 })
  .task('Lambda RunCommand2', {
    resource: LAMBDA_INVOKE,
    parameters: ($) => ({ Payload: $, FunctionName: fn('testRunCommand2') }),
    returns: invokeResult(CommandStatus),
    outputPath: ($) => $.Payload,
    retry: [lambdaServiceRetry],
  })
  .choice('Choice', (c) =>
    c
      .when(($) => eq($.com_status, 'Success'), (b) =>
        b.task('Lambda RunCommand3', {
          resource: LAMBDA_INVOKE,
          parameters: ($) => ({ Payload: $, FunctionName: fn('testRunCommand3') }),
          returns: invokeResult(untyped),
          outputPath: ($) => $.Payload,
          retry: [lambdaServiceRetry],
        }),
      )
      .when(($) => eq($.com_status, 'InProgress'), 'Wait')
      .otherwise((b) => b.fail('Fail')),
  );
