import type { Placeholder } from '../../../payload/placeholder.js';
import type { Template } from '../../../payload/template.js';
import { shape, type Schema } from '../../../schema.js';
import type { CallOptions } from '../../request/call-options.js';
import type { CheckedPayload } from '../../request/checked-payload.js';
import type { AcceptedBy, ContractOption, ReturnedBy } from '../../request/contract.js';
import { fieldValue } from '../../request/field.js';
import type { Request } from '../../request/service-call.js';
import type { TemplateOf } from '../../request/template-of.js';
import type { WholeInputFits } from '../../request/whole-input.js';
import { integrationTask, type IntegrationTask } from '../../render/integration-task.js';
import { retryField, type RetryField, type RetryServiceExceptions } from './service-exception-retry.js';

/** What Parameters can be for a function named in Resource: an object, of fields the handler accepts. */
type ObjectTemplateOf<Accepted> = unknown extends Accepted
  ? Template
  : Accepted extends object
    ? { readonly [K in keyof Accepted]: TemplateOf<Accepted[K]> }
    : never;

export type FunctionOptions<In, Selected, C extends ContractOption, Payload, Returns> = CallOptions<In, Selected> &
  RetryServiceExceptions & {
    /** The function's ARN (or `sub('…')`): the Task's Resource. */
    readonly functionArn: string | Placeholder;
    /** The event the function receives (Parameters). Default: the state's input as it is. */
    readonly payload?: CheckedPayload<Selected, Payload, AcceptedBy<C>, ObjectTemplateOf<AcceptedBy<C>>>;
    /** The handler's contract: the payload is checked against its input, the result typed as its output. */
    readonly contract?: C;
    /** Without a contract: what the function returns. */
    readonly returns?: Schema<Returns>;
  } & WholeInputFits<Selected, AcceptedBy<C>>;

/**
 * A Task whose Resource is the function's ARN (the seeds' `"Resource": "${LambdaFunction}"`):
 * the result is the function's return value itself, with no `{ Payload }` wrapper.
 */
export function lambdaFunction<In, Selected = In, C extends ContractOption = undefined, const Payload = never, Returns = unknown>(
  options: FunctionOptions<In, Selected, C, Payload, Returns>,
): IntegrationTask<In, Selected, ReturnedBy<C, Returns>> & RetryField {
  const { payload } = options;
  const request: Request<Selected> | undefined = payload === undefined ? undefined : ($, $$) => fieldValue(payload, $, $$) as Template;
  // Not an `arn:aws:states:::` integration: the Resource is the function itself.
  const call = { resource: options.functionArn, pattern: 'requestResponse', request, result: shape<ReturnedBy<C, Returns>>() } as const;
  return Object.freeze({ ...integrationTask(call, options.inputPath), ...retryField(options) });
}
