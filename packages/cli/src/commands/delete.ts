import type { AwsOptions } from '../aws/aws-options.js';
import { CommandFailure } from '../aws/errors.js';
import { printJson } from '../aws/format.js';
import { placeOf, stateMachineArnOf } from '../aws/state-machines.js';
import { confirm, terminalOf } from '../aws/terminal.js';
import { withStepFunctions } from '../aws/with-step-functions.js';
import { EXIT_OK, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';

export interface DeleteOptions extends AwsOptions {
  readonly yes?: boolean;
}

/**
 * `typestep delete NAME|ARN`: deletes a state machine (running executions are stopped). Asks
 * first on a terminal; elsewhere it needs --yes.
 */
export async function deleteStateMachine(stateMachine: string, options: DeleteOptions, io: Io): Promise<number> {
  return withStepFunctions('delete', options, io, async (connection) => {
    // Described first: DeleteStateMachine succeeds on an ARN that names nothing, which would hide a typo.
    const { stateMachineArn, name } = await connection.sfn.describeStateMachine({ stateMachineArn: await stateMachineArnOf(connection, stateMachine) });
    if (!options.yes) {
      const terminal = terminalOf(io);
      if (!terminal.isTTY) throw new UsageError(`deleting "${name}" (${stateMachineArn}) needs --yes when no one is at a terminal to confirm it; nothing was deleted`);
      if (!(await confirm(terminal, `Delete the state machine "${name}" at ${await placeOf(connection)}, stopping its running executions?`))) {
        throw new CommandFailure('not confirmed; nothing was deleted');
      }
    }
    await connection.sfn.deleteStateMachine({ stateMachineArn });
    if (options.output === 'json') printJson(io, { stateMachineArn, deleted: true });
    else io.stdout(`deleted ${name} ${stateMachineArn}\n`);
    return EXIT_OK;
  });
}
