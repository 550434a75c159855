import type { Context } from '../../path/context-object.js';
import type { Path } from '../../path/path.js';
import type { Placeholder } from '../../payload/placeholder.js';
import type { Template } from '../../payload/template.js';
import { shape, type Schema } from '../../schema.js';
import { requireTaskToken } from './task-token.js';

/**
 * How a Task waits for the service (AWS's "service integration patterns"): for the HTTP
 * response (request-response), for the job to finish (`.sync`, and `.sync:2` whose result holds
 * JSON rather than JSON text), or for SendTaskSuccess with the task token (`.waitForTaskToken`).
 */
export type IntegrationPattern = 'requestResponse' | 'sync' | 'sync:2' | 'waitForTaskToken';

const SUFFIX: { readonly [P in IntegrationPattern]: string } = {
  requestResponse: '',
  sync: '.sync',
  'sync:2': '.sync:2',
  waitForTaskToken: '.waitForTaskToken',
};

/** The Resource of an integration: `arn:aws:states:::sns:publish.waitForTaskToken`. */
export const integrationArn = (service: string, action: string, pattern: IntegrationPattern = 'requestResponse'): string =>
  `arn:aws:states:::${service}:${action}${SUFFIX[pattern]}`;

/**
 * A request in the API's own field names (`{ TopicArn, Message }`), built from accessors to the
 * state's input and the context object. It does not know the query language: called with the
 * JSONPath accessors (`$`, `$$`) it is a Parameters template, called with JSONata's
 * (`$states.input`, `$states.context`) it is Arguments (see ../render).
 */
export type Request<In> = (input: Path<In>, context: Context) => Template;

/** A call of a service from a Task: what to call, what to send, and the type of what comes back. */
export interface ServiceCall<In, Result> {
  readonly resource: string | Placeholder;
  readonly pattern: IntegrationPattern;
  /** Without a request the state's input is sent as it is (a Task with no Parameters). */
  readonly request?: Request<In>;
  readonly result: Schema<Result>;
}

/**
 * The call of `service:action` with the given pattern. A `.waitForTaskToken` request is checked
 * to pass the task token on (see task-token.ts); `tokenIn` names where it belongs ("the message").
 */
export function serviceCall<In, Result>(
  service: string,
  action: string,
  pattern: IntegrationPattern,
  request: Request<In>,
  tokenIn = 'the request',
): ServiceCall<In, Result> {
  const helper = `${service}:${action}${SUFFIX[pattern]}`;
  const checked = pattern === 'waitForTaskToken' ? requireTaskToken(helper, tokenIn, request) : request;
  return Object.freeze({ resource: integrationArn(service, action, pattern), pattern, request: checked, result: shape<Result>() });
}
