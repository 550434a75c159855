import { randomUUID } from 'node:crypto';
import { ApiError } from './api-error.js';

/** The region and account the endpoint pretends to be; they appear in every ARN it makes. */
export interface AccountScope {
  region: string;
  account: string;
}

const prefix = ({ region, account }: AccountScope) => `arn:aws:states:${region}:${account}`;

export const stateMachineArn = (scope: AccountScope, name: string) => `${prefix(scope)}:stateMachine:${name}`;

/** `…:execution:<state machine>:<name>` for a state machine `…:stateMachine:<state machine>`. */
export const executionArn = (stateMachineArn: string, name: string) => `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/** EXPRESS executions have their own ARN form, unique even when names repeat: `…:express:<state machine>:<name>:<id>`. */
export const expressExecutionArn = (stateMachineArn: string, name: string) => `${stateMachineArn.replace(':stateMachine:', ':express:')}:${name}:${randomUUID()}`;

const STATES_ARN = /^arn:aws[\w-]*:states:[a-z0-9-]+:\d{12}:(stateMachine|execution|express|activity|mapRun):(.+)$/;

/**
 * What kind of Step Functions resource an ARN names: "stateMachine", "execution", "express", …
 * Throws InvalidArn when it is no Step Functions ARN at all.
 */
export function resourceTypeOf(arn: string): string {
  const match = STATES_ARN.exec(arn);
  if (!match) {
    throw new ApiError('InvalidArn', `Invalid Arn: '${arn}' is not a Step Functions ARN (arn:aws:states:<region>:<account>:<resource type>:<name>).`);
  }
  return match[1]!;
}

/** Checks that `arn` names a state machine (unqualified: the local endpoint has no versions or aliases). */
export function checkStateMachineArn(arn: string): void {
  const type = resourceTypeOf(arn);
  const name = arn.split(':').slice(6);
  if (type !== 'stateMachine') throw new ApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${type}'. Give a state machine ARN (…:stateMachine:<name>).`);
  if (name.length !== 1) {
    throw new ApiError('InvalidArn', `Invalid Arn: '${arn}': the local endpoint has no state machine versions or aliases; give the unqualified ARN (…:stateMachine:${name[0]}).`);
  }
}

/** Checks that `arn` names an execution of a STANDARD state machine (EXPRESS ones are not kept, as in AWS). */
export function checkExecutionArn(arn: string): void {
  const type = resourceTypeOf(arn);
  if (type === 'execution' && arn.split(':').length === 8) return;
  if (type === 'express') {
    throw new ApiError('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: express'. Executions of EXPRESS state machines are not recorded, so they cannot be described, listed or stopped.`);
  }
  throw new ApiError('InvalidArn', `Invalid Arn: '${arn}' is not an execution ARN (arn:aws:states:<region>:<account>:execution:<state machine>:<name>).`);
}

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/\S+$/;

/** The role is never assumed locally, but an ARN that AWS would refuse is refused here too. */
export function checkRoleArn(arn: string): void {
  if (!ROLE_ARN.test(arn)) {
    throw new ApiError('InvalidArn', `Invalid Arn: '${arn}' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>), which roleArn must be.`);
  }
}
