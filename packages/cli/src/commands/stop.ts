import type { AwsOptions } from '../aws/aws-options.js';
import { dateText, printJson } from '../aws/format.js';
import { withStepFunctions } from '../aws/with-step-functions.js';
import { EXIT_OK } from '../exit-codes.js';
import type { Io } from '../io.js';

export interface StopOptions extends AwsOptions {
  readonly error?: string;
  readonly cause?: string;
}

/** `typestep stop ARN [--error E] [--cause C]`: stops a running execution (it ends ABORTED). */
export async function stop(executionArn: string, options: StopOptions, io: Io): Promise<number> {
  return withStepFunctions('stop', options, io, async ({ sfn }) => {
    const stopped = await sfn.stopExecution({
      executionArn,
      ...(options.error !== undefined && { error: options.error }),
      ...(options.cause !== undefined && { cause: options.cause }),
    });
    if (options.output === 'json') printJson(io, stopped);
    else io.stdout(`stopped ${executionArn} at ${dateText(stopped.stopDate)}\n`);
    return EXIT_OK;
  });
}
