/**
 * The AWS JSON 1.0 protocol as Step Functions speaks it: every action is a POST to `/` with
 * `X-Amz-Target: AWSStepFunctions.<Action>` and a JSON body; timestamps travel as epoch seconds.
 */
import type { ApiError } from './api-error.js';

export const TARGET_PREFIX = 'AWSStepFunctions.';
export const CONTENT_TYPE = 'application/x-amz-json-1.0';

/** AWS's 1 MB per-request quota ("Maximum request size" in the Step Functions quotas). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** A response body: Dates become epoch seconds (with milliseconds), as the SDKs and the CLI expect. */
export function encodeBody(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : encoded;
  });
}

/** The body of an error response: `{"__type": "StateMachineDoesNotExist", "message": "…"}`. */
export function encodeError(error: ApiError): string {
  return encodeBody({ __type: error.code, message: error.message, ...error.members });
}
