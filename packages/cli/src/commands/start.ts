import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DescribeExecutionOutput, SFN, StartSyncExecutionOutput } from '@aws-sdk/client-sfn';
import type { AwsOptions } from '../aws/aws-options.js';
import { ExecutionProgress } from '../aws/execution-progress.js';
import { printJson, prettyJson } from '../aws/format.js';
import { stateMachineArnOf } from '../aws/state-machines.js';
import { terminalOf } from '../aws/terminal.js';
import { watchExecution } from '../aws/watch-execution.js';
import { withStepFunctions } from '../aws/with-step-functions.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';

export interface StartOptions extends AwsOptions {
  /** JSON text, or `@file` to read it from a file. */
  readonly input: string;
  readonly name?: string;
  readonly wait?: boolean;
}

/**
 * `typestep start NAME|ARN`: starts an execution and prints its ARN. With --wait, follows it to its
 * end, showing each state as it is entered and exited, then prints the output (exit 0) or the
 * error and cause (exit 1). An EXPRESS state machine, whose history is not kept, runs with
 * StartSyncExecution instead.
 */
export async function start(stateMachine: string, options: StartOptions, io: Io): Promise<number> {
  const input = await readInput(options.input, io.cwd);
  return withStepFunctions('start', options, io, async (connection) => {
    const { sfn } = connection;
    const stateMachineArn = await stateMachineArnOf(connection, stateMachine);
    const request = { stateMachineArn, input, ...(options.name !== undefined && { name: options.name }) };
    if (!options.wait) {
      const started = await sfn.startExecution(request);
      if (options.output === 'json') printJson(io, started);
      else io.stdout(`${started.executionArn}\n`);
      return EXIT_OK;
    }
    const { type } = await sfn.describeStateMachine({ stateMachineArn });
    const ended = type === 'EXPRESS' ? await sfn.startSyncExecution(request) : await followExecution(sfn, request, io);
    return report(ended, options, io);
  });
}

async function followExecution(sfn: SFN, request: { stateMachineArn: string; input: string; name?: string }, io: Io): Promise<DescribeExecutionOutput> {
  const { executionArn } = await sfn.startExecution(request);
  io.stderr(`started ${executionArn}\n`);
  const progress = new ExecutionProgress(io, terminalOf(io), executionArn!.split(':').at(-1)!);
  try {
    return await watchExecution(sfn, executionArn!, (event) => progress.event(event));
  } finally {
    progress.done();
  }
}

/** The output on stdout (exit 0), or the error and cause on stderr (exit 1). */
function report(execution: DescribeExecutionOutput | StartSyncExecutionOutput, options: StartOptions, io: Io): number {
  const succeeded = execution.status === 'SUCCEEDED';
  if (options.output === 'json') printJson(io, execution);
  else if (succeeded) io.stdout(`${prettyJson(execution.output ?? 'null')}\n`);
  if (succeeded) return EXIT_OK;
  const why = [execution.error, execution.cause].filter((part) => part !== undefined && part !== '').join(': ');
  io.stderr(`typestep start: execution ${execution.executionArn} ${execution.status}${why === '' ? '' : `: ${why}`}\n`);
  return EXIT_PROBLEMS;
}

/** `--input '{"a": 1}'` or `--input @input.json`, checked to be JSON before anything starts. */
async function readInput(input: string, cwd: string): Promise<string> {
  let text = input;
  if (input.startsWith('@')) {
    try {
      text = await readFile(resolve(cwd, input.slice(1)), 'utf8');
    } catch (error) {
      throw new UsageError(`--input ${input}: cannot read ${input.slice(1)}: ${(error as Error).message}`);
    }
  }
  try {
    JSON.parse(text);
  } catch (error) {
    const what = input.startsWith('@') ? `--input ${input}: the file` : '--input';
    throw new UsageError(`${what} is not JSON (${(error as Error).message}): give JSON text, e.g. --input '{"id": 1}', or @file.json`);
  }
  return text;
}
