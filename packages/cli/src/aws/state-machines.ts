import type { SFN, StateMachineListItem } from '@aws-sdk/client-sfn';
import type { Connection } from './client.js';
import { CommandFailure } from './errors.js';

/** Every state machine the account has in the region (all pages of ListStateMachines), by name. */
export async function listStateMachines(sfn: SFN): Promise<Map<string, StateMachineListItem>> {
  const byName = new Map<string, StateMachineListItem>();
  let nextToken: string | undefined;
  do {
    const page = await sfn.listStateMachines({ ...(nextToken !== undefined && { nextToken }) });
    for (const item of page.stateMachines ?? []) if (item.name !== undefined) byName.set(item.name, item);
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return byName;
}

/** True for a Step Functions ARN (`arn:aws:states:…`, any partition). */
export function isArn(text: string): boolean {
  return /^arn:[\w-]+:states:/.test(text);
}

/**
 * The ARN of a state machine given by ARN (used as it is: versions and aliases too) or by name.
 * An unknown name is a CommandFailure that lists the names there are.
 */
export async function stateMachineArnOf(connection: Connection, nameOrArn: string): Promise<string> {
  if (isArn(nameOrArn)) return nameOrArn;
  const all = await listStateMachines(connection.sfn);
  const found = all.get(nameOrArn)?.stateMachineArn;
  if (found !== undefined) return found;
  const names = [...all.keys()].sort();
  const there = names.length === 0 ? 'there are none' : `there are: ${names.map((n) => `"${n}"`).join(', ')}`;
  throw new CommandFailure(`no state machine is named "${nameOrArn}" at ${await placeOf(connection)} (${there}); push it with "typestep push ${nameOrArn}", or check --region and --profile`);
}

/** Where the state machines are: the endpoint URL, or the AWS region. */
export async function placeOf(connection: Connection): Promise<string> {
  if (connection.endpointUrl !== undefined) return connection.endpointUrl;
  return `AWS Step Functions in ${await connection.sfn.config.region()}`;
}
