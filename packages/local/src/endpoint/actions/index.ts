import type { EndpointContext } from '../endpoint-context.js';
import { parseRequest, type ActionName, type RequestOf } from '../request-schemas.js';
import { describeExecution, getExecutionHistory, listExecutions, startExecution, startSyncExecution, stopExecution } from './execution-actions.js';
import {
  createStateMachine,
  deleteStateMachine,
  describeStateMachine,
  listStateMachines,
  updateStateMachine,
  validateStateMachineDefinition,
} from './state-machine-actions.js';
import { listTagsForResource, tagResource, untagResource } from './tag-actions.js';
import { sendTaskFailure, sendTaskHeartbeat, sendTaskSuccess } from './task-token-actions.js';

type Action<A extends ActionName> = (context: EndpointContext, request: RequestOf<A>) => unknown;

/** Every action the endpoint serves, by its X-Amz-Target name (one per request schema: tsc checks both lists match). */
export const actions: { readonly [A in ActionName]: Action<A> } = {
  CreateStateMachine: createStateMachine,
  UpdateStateMachine: updateStateMachine,
  DescribeStateMachine: describeStateMachine,
  ListStateMachines: listStateMachines,
  DeleteStateMachine: deleteStateMachine,
  ValidateStateMachineDefinition: validateStateMachineDefinition,
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  DescribeExecution: describeExecution,
  ListExecutions: listExecutions,
  GetExecutionHistory: getExecutionHistory,
  StopExecution: stopExecution,
  SendTaskSuccess: sendTaskSuccess,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(actions, name);
}

/** Checks a request body against the action's shape, then runs the action. */
export function runAction<A extends ActionName>(action: A, context: EndpointContext, body: unknown): unknown {
  const run: Action<A> = actions[action];
  return run(context, parseRequest(action, body));
}
