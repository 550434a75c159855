import type { StoredExecution, StoredStateMachine } from '../store/records.js';
import { ApiError } from './api-error.js';
import { checkExecutionArn, checkStateMachineArn } from './arns.js';
import type { EndpointContext } from './endpoint-context.js';

/** The state machine an ARN names, or StateMachineDoesNotExist (InvalidArn for no state machine ARN). */
export function findStateMachine(context: EndpointContext, arn: string): StoredStateMachine {
  checkStateMachineArn(arn);
  const stateMachine = context.store.stateMachine(arn);
  if (!stateMachine) throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  return stateMachine;
}

/** The execution an ARN names, or ExecutionDoesNotExist (InvalidArn for no execution ARN). */
export function findExecution(context: EndpointContext, arn: string): StoredExecution {
  checkExecutionArn(arn);
  const execution = context.store.execution(arn);
  if (!execution) throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  return execution;
}
