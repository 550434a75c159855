import type { Path, PathRef, PathTo } from '../../../path/path.js';
import type { TemplateValue } from '../../../payload/template.js';
import type { Schema } from '../../../schema.js';
import { apiFields } from '../../request/api-fields.js';
import type { CallbackOptions, CallOptions } from '../../request/call-options.js';
import type { CheckedPayload } from '../../request/checked-payload.js';
import type { AcceptedBy, ContractOption, ReturnedBy } from '../../request/contract.js';
import { fieldValue, type Field, type Text } from '../../request/field.js';
import { serviceCall, type Request } from '../../request/service-call.js';
import type { WholeInputFits } from '../../request/whole-input.js';
import { integrationTask, type IntegrationTask } from '../../render/integration-task.js';
import type { LambdaInvokeResult } from './invoke-result.js';
import { retryField, type RetryField, type RetryServiceExceptions } from './service-exception-retry.js';

/** Fields of the Invoke request besides the payload. */
/** `Event` (asynchronous) and `DryRun` calls return no payload. */
export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

interface InvokeFields<Selected, IT extends InvocationType = InvocationType> extends RetryServiceExceptions {
  /** The function: name, ARN (with an alias or version), `sub('…')`, or a path to one. */
  readonly functionName: Field<Selected, Text>;
  readonly invocationType?: IT;
  readonly qualifier?: Field<Selected, Text>;
  readonly clientContext?: Field<Selected, Text>;
}

export type InvokeOptions<In, Selected, C extends ContractOption, Payload, Returns, PayloadOnly extends boolean, IT extends InvocationType = 'RequestResponse'> = CallOptions<In, Selected> &
  InvokeFields<Selected, IT> & {
    /** What the function receives (`Payload`): a template, or a path (`($) => $.order`). Default: the whole input. */
    readonly payload?: CheckedPayload<Selected, Payload, AcceptedBy<C>>;
    /** The handler's contract: the payload is checked against its input, and `Payload` typed as its output. */
    readonly contract?: C;
    /** Without a contract: what the function returns (types `Payload`). */
    readonly returns?: Schema<Returns>;
    /** `OutputPath: $.Payload`, the seeds' pattern: the next state sees the function's return value alone (not for Event / DryRun calls, which return none). */
    readonly outputPayload?: IT extends 'RequestResponse' ? PayloadOnly : false;
  } & WholeInputFits<Selected, AcceptedBy<C>>;

/**
 * The state's output is the function's own return value: `OutputPath: $.Payload` in JSONPath,
 * `Output: {% $states.result.Payload %}` in JSONata. (`.task()` takes its OutputPath accessor as
 * NoInfer, so typing it here does not send inference through it.)
 */
interface PayloadOutput<Out> {
  readonly outputPath: ($: Path<LambdaInvokeResult<Out>>) => PathTo<Out>;
  readonly output: (s: { readonly result: Path<LambdaInvokeResult<Out>> }) => PathRef<Out>;
}

const payloadOutput: PayloadOutput<any> = Object.freeze({
  outputPath: ($: Path<LambdaInvokeResult<any>>) => $.Payload,
  output: ({ result }: { readonly result: Path<LambdaInvokeResult<any>> }) => result.Payload,
});

export type InvokeTask<In, Selected, Out, PayloadOnly extends boolean> = IntegrationTask<In, Selected, LambdaInvokeResult<Out>> &
  RetryField &
  (PayloadOnly extends true ? PayloadOutput<Out> : {});

/**
 * `arn:aws:states:::lambda:invoke`: calls a function and waits for its answer.
 * `.task('Resize', lambda.invoke({ functionName: sub('ResizeFunction'), payload: ($) => ({ key: $.Key }), outputPayload: true }))`
 */
function invokeRequestResponse<
  In,
  Selected = In,
  C extends ContractOption = undefined,
  const Payload = never,
  Returns = unknown,
  const PayloadOnly extends boolean = false,
  const IT extends InvocationType = 'RequestResponse',
>(options: InvokeOptions<In, Selected, C, Payload, Returns, PayloadOnly, IT>): InvokeTask<In, Selected, PayloadOf<IT, ReturnedBy<C, Returns>>, PayloadOnly> {
  const call = serviceCall<Selected, LambdaInvokeResult<PayloadOf<IT, ReturnedBy<C, Returns>>>>('lambda', 'invoke', 'requestResponse', invokeRequest(options));
  return Object.freeze({
    ...integrationTask(call, options.inputPath),
    ...(options.outputPayload === true && payloadOutput),
    ...retryField(options),
  }) as InvokeTask<In, Selected, PayloadOf<IT, ReturnedBy<C, Returns>>, PayloadOnly>;
}

/** What `Payload` holds: the function's return value, or nothing for an Event or DryRun call. */
type PayloadOf<IT extends InvocationType, Out> = IT extends 'RequestResponse' ? Out : undefined;

export type InvokeCallbackOptions<In, Selected, Result> = CallOptions<In, Selected> &
  InvokeFields<Selected> &
  CallbackOptions<Result> & {
    /** What the function receives; it must hand on the task token: `($, $$) => ({ token: $$.Task.Token, … })`. */
    readonly payload: Field<Selected, TemplateValue>;
  };

/**
 * `lambda:invoke.waitForTaskToken`: calls a function with the task token and waits until
 * SendTaskSuccess (or SendTaskFailure) comes back with it. The result is what was sent back.
 */
function invokeWithCallback<In, Selected = In, Result = unknown>(options: InvokeCallbackOptions<In, Selected, Result>): IntegrationTask<In, Selected, Result> & RetryField {
  const call = serviceCall<Selected, Result>('lambda', 'invoke', 'waitForTaskToken', invokeRequest(options), 'the payload');
  return Object.freeze({ ...integrationTask(call, options.inputPath), ...retryField(options) });
}

/** Lambda's Invoke through the optimized integration; `.waitForTaskToken` for the callback pattern. */
export const invoke = Object.assign(invokeRequestResponse, { waitForTaskToken: invokeWithCallback });

function invokeRequest<Selected>(options: InvokeFields<Selected> & { readonly payload?: Field<Selected, unknown> }): Request<Selected> {
  return ($, $$) => ({
    FunctionName: fieldValue(options.functionName, $, $$),
    // Without a payload template the function gets the whole input, as the console writes it.
    Payload: options.payload === undefined ? $ : (fieldValue(options.payload, $, $$) as TemplateValue),
    ...apiFields(options, ['invocationType', 'qualifier', 'clientContext'], $, $$),
  });
}
