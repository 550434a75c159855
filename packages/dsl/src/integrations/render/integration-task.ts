import type { Placeholder } from '../../payload/placeholder.js';
import type { Schema } from '../../schema.js';
import type { InputPathOption } from '../../states/common.js';
import type { ServiceCall } from '../request/service-call.js';
import { jsonataRequest, type JsonataRequest } from './jsonata.js';
import { jsonPathRequest, type JsonPathRequest } from './json-path.js';

/**
 * The options of `.task(name, …)` for a service call: its Resource, its request rendered for both
 * query languages (a JSONPath chain reads `inputPath`/`parameters`, a JSONata chain `arguments`;
 * each ignores the other's), and its result type as `returns`. Spread it to add any other Task
 * option: `.task('Publish', { ...sns.publish({ … }), resultPath: '$.published', catch: […] })`.
 */
export type IntegrationTask<In, Selected, Result> = JsonPathRequest<In, Selected> &
  JsonataRequest<In> & {
    readonly resource: string | Placeholder;
    readonly returns: Schema<Result>;
  };

export function integrationTask<In, Selected, Result>(
  call: ServiceCall<Selected, Result>,
  inputPath: InputPathOption<In, Selected> | undefined,
): IntegrationTask<In, Selected, Result> {
  return Object.freeze({
    resource: call.resource,
    ...jsonPathRequest(call, inputPath),
    ...jsonataRequest(call, inputPath),
    returns: call.result,
  });
}
