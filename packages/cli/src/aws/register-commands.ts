import { InvalidArgumentError, Option, type Command } from 'commander';
import type { DeleteOptions } from '../commands/delete.js';
import type { ExecutionsOptions } from '../commands/executions.js';
import type { PushOptions } from '../commands/push.js';
import type { StartOptions } from '../commands/start.js';
import type { StopOptions } from '../commands/stop.js';
import type { Io } from '../io.js';
import { withAwsOptions, type AwsOptions } from './aws-options.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  the command ran and failed: an AWS error (unknown state machine or execution, a definition
     Step Functions rejects, refused credentials, an unreachable endpoint), an execution that did
     not succeed (start --wait), an update or deletion not confirmed
  2  usage error: bad arguments or options, a placeholder without a value, an update or deletion
     without --yes when no one is at a terminal to confirm it`;

const CREDENTIALS_HELP = `
Credentials and region come from the AWS SDK's standard chain, as for the AWS CLI:
--profile or AWS_PROFILE (~/.aws/config and ~/.aws/credentials, SSO included),
AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, container and instance
roles; --region or AWS_REGION. --local needs none of them.`;

const collect = (value: string, previous: readonly string[]) => [...previous, value];

const positiveInteger = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, not "${value}"`);
  return number;
};

/**
 * Registers the commands that call Step Functions: push, start, executions, describe, history,
 * stop, delete. Each loads its implementation (and so the AWS SDK) only when it runs.
 */
export function registerAwsCommands(program: Command, io: Io, setExitCode: (code: number) => void): void {
  const registered: Command[] = [];
  const command = (name: string, summary: string, description: string) => {
    const created = program.command(name).summary(summary).description(description);
    registered.push(created);
    return created;
  };

  command(
    'push',
    'build the workflows and create or update their state machines',
    `Builds the project as "typestep build" does, fills every \${Placeholder}, and makes each state machine match its workflow: creates it if it does not exist, updates it if it differs (after showing a diff of the deployed and the new definition), and leaves it alone if it is the same ("unchanged": no update is made).

WORKFLOW: a workflow name in the project (default: all of them), or an ASL file ending in .json, pushed as it is (Orders.asl.json → "Orders", with Orders.substitutions.json next to it if there is one).

A placeholder's value is, first found: --sub Name=value; the environment variable of exactly that name (DDBTable=orders typestep push); "stages": { "<stage>": { "substitutions": { "Name": "value" } } } in typestep.config.json with --stage <stage>; the default the workflow declared. Every placeholder without a value is listed, and nothing is pushed.

An update needs --yes, or a yes typed at the terminal. --dry-run only shows what would change.`,
  )
    .argument('[workflows...]', 'workflow names, or ASL files ending in .json (default: every workflow of the project)')
    .option('-p, --project <dir>', 'the project root (where typestep.config.json is)', '.')
    .option('-o, --out <dir>', 'where the build writes, overriding the config\'s "outDir"')
    .option('--sub <Name=value>', 'the value of ${Name} (repeatable)', collect, [])
    .option('--stage <name>', 'use the "stages.<name>" section of typestep.config.json (substitutions and roleArn)')
    .option('--role-arn <arn>', 'the IAM role the state machines run as (needed to create one; default: the stage\'s roleArn; with --local, a stand-in)')
    .addOption(new Option('--type <type>', 'the type of state machines created (it cannot change later)').choices(['STANDARD', 'EXPRESS']))
    .addOption(new Option('--logging <level>', 'CloudWatch Logs level').choices(['ALL', 'ERROR', 'FATAL', 'OFF']))
    .option('--log-group <arn>', 'the log group to log to (arn:aws:logs:<region>:<account>:log-group:<name>:*)')
    .option('--include-execution-data', 'log execution input and output too')
    .option('--tracing', 'turn AWS X-Ray tracing on')
    .option('--no-tracing', 'turn AWS X-Ray tracing off')
    .option('--tag <key=value>', 'a tag of the state machines (repeatable)', collect, [])
    .option('--publish', 'publish a version of each state machine pushed')
    .option('--version-description <text>', 'the description of the version --publish publishes')
    .option('--alias <name>', 'point this alias at the version published now (implies --publish)')
    .option('--dry-run', 'show what would change, change nothing')
    .option('-y, --yes', 'update without asking')
    .action(async (workflows: string[], options: PushOptions) => {
      const { push } = await import('../commands/push.js');
      setExitCode(await push(workflows, options, io));
    });

  command(
    'start',
    'start an execution; with --wait, follow it to its end',
    `Starts an execution of a state machine (by name or ARN) and prints its ARN.

With --wait, shows each state as it is entered and exited (on stderr), then prints the execution's output (on stdout) and exits 0 if it SUCCEEDED, or prints its error and cause and exits 1. An EXPRESS state machine runs with StartSyncExecution (its history is not kept).`,
  )
    .argument('<state-machine>', 'a state machine name or ARN')
    .option('--input <json>', 'the input: JSON text, or @file to read it from a file', '{}')
    .option('--name <name>', 'the execution name (default: a generated one)')
    .option('--wait', 'follow the execution to its end')
    .action(async (stateMachine: string, options: StartOptions) => {
      const { start } = await import('../commands/start.js');
      setExitCode(await start(stateMachine, options, io));
    });

  command('executions', "list a state machine's executions", 'Lists the executions of a state machine (by name or ARN), newest first.')
    .argument('<state-machine>', 'a state machine name or ARN')
    .addOption(new Option('--status <status>', 'only executions with this status').choices(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']))
    .option('--max-items <n>', 'at most this many', positiveInteger)
    .action(async (stateMachine: string, options: ExecutionsOptions) => {
      const { executions } = await import('../commands/executions.js');
      setExitCode(await executions(stateMachine, options, io));
    });

  command(
    'describe',
    'show a state machine or an execution',
    'Shows a state machine (by name or ARN): its type, role, logging, tracing and definition; or an execution (by ARN): its status, dates, input, and output or error and cause.',
  )
    .argument('<target>', 'a state machine name or ARN, or an execution ARN')
    .action(async (target: string, options: AwsOptions) => {
      const { describe } = await import('../commands/describe.js');
      setExitCode(await describe(target, options, io));
    });

  command('history', "list an execution's events", 'Lists every event of an execution, oldest first: states entered and exited, tasks, failures.')
    .argument('<execution-arn>', 'an execution ARN')
    .action(async (executionArn: string, options: AwsOptions) => {
      const { history } = await import('../commands/history.js');
      setExitCode(await history(executionArn, options, io));
    });

  command('stop', 'stop a running execution', 'Stops a running execution; it ends ABORTED, with the error and cause given.')
    .argument('<execution-arn>', 'an execution ARN')
    .option('--error <code>', 'the error code recorded')
    .option('--cause <text>', 'the cause recorded')
    .action(async (executionArn: string, options: StopOptions) => {
      const { stop } = await import('../commands/stop.js');
      setExitCode(await stop(executionArn, options, io));
    });

  command('delete', 'delete a state machine', 'Deletes a state machine (by name or ARN); its running executions are stopped. Asks first at a terminal; elsewhere it needs --yes.')
    .argument('<state-machine>', 'a state machine name or ARN')
    .option('-y, --yes', 'delete without asking')
    .action(async (stateMachine: string, options: DeleteOptions) => {
      const { deleteStateMachine } = await import('../commands/delete.js');
      setExitCode(await deleteStateMachine(stateMachine, options, io));
    });

  // The AWS options come after each command's own, in its help too.
  for (const registeredCommand of registered) withAwsOptions(registeredCommand).addHelpText('after', `${CREDENTIALS_HELP}\n${EXIT_CODES_HELP}`);
}
