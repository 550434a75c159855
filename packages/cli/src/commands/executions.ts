import type { ExecutionListItem, ExecutionStatus } from '@aws-sdk/client-sfn';
import type { AwsOptions } from '../aws/aws-options.js';
import { executionsTable, printJson } from '../aws/format.js';
import { stateMachineArnOf } from '../aws/state-machines.js';
import { withStepFunctions } from '../aws/with-step-functions.js';
import { EXIT_OK } from '../exit-codes.js';
import type { Io } from '../io.js';

export interface ExecutionsOptions extends AwsOptions {
  readonly status?: ExecutionStatus;
  /** At most this many (newest first); default all. */
  readonly maxItems?: number;
}

/** `typestep executions NAME|ARN [--status S]`: the state machine's executions, newest first. */
export async function executions(stateMachine: string, options: ExecutionsOptions, io: Io): Promise<number> {
  return withStepFunctions('executions', options, io, async (connection) => {
    const stateMachineArn = await stateMachineArnOf(connection, stateMachine);
    const found: ExecutionListItem[] = [];
    let nextToken: string | undefined;
    do {
      const page = await connection.sfn.listExecutions({ stateMachineArn, ...(options.status !== undefined && { statusFilter: options.status }), ...(nextToken !== undefined && { nextToken }) });
      found.push(...(page.executions ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined && (options.maxItems === undefined || found.length < options.maxItems));
    const shown = options.maxItems === undefined ? found : found.slice(0, options.maxItems);

    if (options.output === 'json') printJson(io, { executions: shown });
    else if (shown.length === 0) io.stdout(`no ${options.status === undefined ? '' : `${options.status} `}executions of ${stateMachineArn}\n`);
    else io.stdout(executionsTable(shown));
    return EXIT_OK;
  });
}
