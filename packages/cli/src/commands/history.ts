import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { AwsOptions } from '../aws/aws-options.js';
import { historyTable, printJson } from '../aws/format.js';
import { withStepFunctions } from '../aws/with-step-functions.js';
import { EXIT_OK } from '../exit-codes.js';
import type { Io } from '../io.js';

/** `typestep history ARN`: every event of an execution, oldest first (all pages of GetExecutionHistory). */
export async function history(executionArn: string, options: AwsOptions, io: Io): Promise<number> {
  return withStepFunctions('history', options, io, async ({ sfn }) => {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.getExecutionHistory({ executionArn, ...(nextToken !== undefined && { nextToken }) });
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    if (options.output === 'json') printJson(io, { events });
    else io.stdout(historyTable(events));
    return EXIT_OK;
  });
}
