import type * as Sfn from '@aws-sdk/client-sfn';
import { ApiError } from '../api-error.js';
import type { EndpointContext } from '../endpoint-context.js';
import type { RequestOf } from '../request-schemas.js';

const TOKEN_ERRORS = new Set(['TaskDoesNotExist', 'InvalidToken', 'TaskTimedOut']);

/** The engine's TaskTokens throw errors named with AWS's codes; they become the API's errors. */
function answer(send: () => void): Record<string, never> {
  try {
    send();
  } catch (error) {
    if (error instanceof Error && TOKEN_ERRORS.has(error.name)) {
      throw new ApiError(error.name as 'TaskDoesNotExist' | 'InvalidToken' | 'TaskTimedOut', error.message);
    }
    throw error;
  }
  return {};
}

export function sendTaskSuccess(context: EndpointContext, request: RequestOf<'SendTaskSuccess'>): Sfn.SendTaskSuccessOutput {
  let output: unknown;
  try {
    output = JSON.parse(request.output);
  } catch (error) {
    throw new ApiError('InvalidOutput', `Invalid Output: '${(error as Error).message}'. The output must be JSON text, such as "{}".`);
  }
  return answer(() => context.taskTokens.sendTaskSuccess(request.taskToken, output));
}

export function sendTaskFailure(context: EndpointContext, request: RequestOf<'SendTaskFailure'>): Sfn.SendTaskFailureOutput {
  return answer(() => context.taskTokens.sendTaskFailure(request.taskToken, request.error, request.cause));
}

export function sendTaskHeartbeat(context: EndpointContext, request: RequestOf<'SendTaskHeartbeat'>): Sfn.SendTaskHeartbeatOutput {
  return answer(() => context.taskTokens.sendTaskHeartbeat(request.taskToken));
}
