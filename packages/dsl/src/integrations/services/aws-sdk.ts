import type { Template } from '../../payload/template.js';
import type { Schema } from '../../schema.js';
import type { CallbackOptions, CallOptions } from '../request/call-options.js';
import { fieldValue, type Field } from '../request/field.js';
import { serviceCall, type IntegrationPattern, type ServiceCall } from '../request/service-call.js';
import { integrationTask, type IntegrationTask } from '../render/integration-task.js';

export interface AwsSdkOptions<In, Selected, Result> extends CallOptions<In, Selected> {
  /** The API's request, in its own field names (PascalCase): `($) => ({ Bucket: $.bucket, Prefix: 'logs/' })`. */
  readonly parameters?: Field<Selected, Template>;
  /** The API's response (AWS SDK integrations return it as the SDK does, in PascalCase). */
  readonly returns?: Schema<Result>;
}

const SERVICE = /^[a-z][a-z0-9]*$/;
const ACTION = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The Resource's `aws-sdk:<service>:<action>` part: the SDK's lowercase service name (`s3`,
 * `ec2`, `sfn`) and the API action in camelCase (`listObjectsV2`; `ListObjectsV2` is accepted too).
 */
export function sdkAction(service: string, action: string): { readonly service: string; readonly action: string } {
  if (!SERVICE.test(service)) {
    throw new TypeError(`awsSdk(${JSON.stringify(service)}, …): the service is the SDK's service name in lowercase letters and digits, as in arn:aws:states:::aws-sdk:s3:getObject (e.g. 's3', 'ec2', 'sfn')`);
  }
  if (!ACTION.test(action)) {
    throw new TypeError(`awsSdk('${service}', ${JSON.stringify(action)}, …): the action is the API action's name, letters and digits only (e.g. 'listObjectsV2')`);
  }
  return { service: `aws-sdk:${service}`, action: action.charAt(0).toLowerCase() + action.slice(1) };
}

/** The call of an SDK action; shared with the typed helpers built on it (s3). */
export function sdkCall<Selected, Result>(
  service: string,
  action: string,
  pattern: IntegrationPattern,
  parameters: Field<Selected, Template> | undefined,
): ServiceCall<Selected, Result> {
  const resource = sdkAction(service, action);
  return serviceCall(resource.service, resource.action, pattern, ($, $$) => (parameters === undefined ? {} : fieldValue(parameters, $, $$)), 'the parameters');
}

/**
 * `arn:aws:states:::aws-sdk:<service>:<action>`: any of the 200-odd services' API actions.
 * `.task('List', awsSdk('s3', 'listObjectsV2', { parameters: ($) => ({ Bucket: $.bucket }), returns: ListResult }))`.
 * AWS SDK integrations support request-response and `.waitForTaskToken`, never `.sync`.
 */
export const awsSdk = Object.assign(
  <In, Selected = In, Result = unknown>(service: string, action: string, options: AwsSdkOptions<In, Selected, Result> = {}): IntegrationTask<In, Selected, Result> =>
    integrationTask(sdkCall(service, action, 'requestResponse', options.parameters), options.inputPath),
  {
    /** Calls the action with the task token in its parameters and waits for SendTaskSuccess with it. */
    waitForTaskToken: <In, Selected = In, Result = unknown>(
      service: string,
      action: string,
      options: Omit<AwsSdkOptions<In, Selected, never>, 'returns'> & CallbackOptions<Result>,
    ): IntegrationTask<In, Selected, Result> => integrationTask(sdkCall(service, action, 'waitForTaskToken', options.parameters), options.inputPath),
  },
);
