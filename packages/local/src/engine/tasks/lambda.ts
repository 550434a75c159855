import { randomUUID } from 'node:crypto';
import { StatesError } from '../errors.js';
import { TaskError } from '../task-error.js';

/** `arn:aws:states:::lambda:invoke`'s result around the function's return value, as AWS returns it. */
export function lambdaInvokeResult(payload: unknown): Record<string, unknown> {
  const requestId = randomUUID();
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload === undefined ? null : payload,
    SdkHttpMetadata: {
      AllHttpHeaders: { 'X-Amz-Executed-Version': ['$LATEST'], 'x-amzn-RequestId': [requestId], 'Content-Type': ['application/json'] },
      HttpHeaders: { 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': requestId, 'Content-Type': 'application/json' },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

/**
 * A Lambda function's failure as Step Functions reports it: the error is the thrown error's type
 * and the cause is Lambda's JSON error document `{ errorMessage, errorType, trace }`. A TaskError
 * keeps the error and cause it was given.
 */
export function lambdaError(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  if (thrown instanceof TaskError) return new StatesError(thrown.error, thrown.cause ?? '');
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const errorType = error.name || 'Error';
  const trace = (error.stack ?? '').split('\n').map((line) => line.trim());
  return new StatesError(errorType, JSON.stringify({ errorType, errorMessage: error.message, trace }));
}
