import { EXIT_PROBLEMS } from '../exit-codes.js';
import type { Io } from '../io.js';
import type { AwsOptions } from './aws-options.js';
import { connect, type Connection } from './client.js';
import { CommandFailure, explainAwsError } from './errors.js';

/**
 * Runs a command's work with a Step Functions client, and turns what can go wrong on the way to
 * AWS (unreachable endpoint, refused credentials, a service error) into one line on stderr,
 * `typestep <command>: <what happened and what to do>`, and exit code 1.
 */
export async function withStepFunctions(command: string, options: AwsOptions, io: Io, work: (connection: Connection) => Promise<number>): Promise<number> {
  const connection = await connect(options);
  try {
    return await work(connection);
  } catch (error) {
    const message = error instanceof CommandFailure ? error.message : explainAwsError(error, connection);
    if (message === undefined) throw error;
    io.stderr(`typestep ${command}: ${message}\n`);
    return EXIT_PROBLEMS;
  } finally {
    connection.sfn.destroy();
  }
}
