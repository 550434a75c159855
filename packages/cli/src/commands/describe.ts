import type { AwsOptions } from '../aws/aws-options.js';
import { executionText, printJson, stateMachineText } from '../aws/format.js';
import { stateMachineArnOf } from '../aws/state-machines.js';
import { withStepFunctions } from '../aws/with-step-functions.js';
import { EXIT_OK } from '../exit-codes.js';
import type { Io } from '../io.js';

/** An execution's ARN (`…:execution:<machine>:<name>`, or `…:express:…`); anything else names a state machine. */
const EXECUTION_ARN = /^arn:[\w-]+:states:[^:]*:[^:]*:(execution|express):/;

/**
 * `typestep describe ARN|NAME`: a state machine (by name or ARN: type, role, logging, tracing and
 * the definition) or an execution (by ARN: status, dates, input, output or error and cause).
 */
export async function describe(target: string, options: AwsOptions, io: Io): Promise<number> {
  return withStepFunctions('describe', options, io, async (connection) => {
    if (EXECUTION_ARN.test(target)) {
      const execution = await connection.sfn.describeExecution({ executionArn: target });
      if (options.output === 'json') printJson(io, execution);
      else io.stdout(executionText(execution));
      return EXIT_OK;
    }
    const machine = await connection.sfn.describeStateMachine({ stateMachineArn: await stateMachineArnOf(connection, target) });
    if (options.output === 'json') printJson(io, machine);
    else io.stdout(stateMachineText(machine));
    return EXIT_OK;
  });
}
