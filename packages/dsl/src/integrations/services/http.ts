import type { TemplateValue } from '../../payload/template.js';
import type { Schema } from '../../schema.js';
import { apiFields } from '../request/api-fields.js';
import type { CallOptions } from '../request/call-options.js';
import { fieldValue, type Field, type Text } from '../request/field.js';
import { serviceCall } from '../request/service-call.js';
import { integrationTask, type IntegrationTask } from '../render/integration-task.js';

/*
 * The HTTP Task (`arn:aws:states:::http:invoke`): calls an HTTPS API through an EventBridge
 * connection, which holds the credentials. Request-response only.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

/** What the HTTP Task returns. */
export interface HttpInvokeResult<Body> {
  readonly StatusCode: number;
  readonly StatusText: string;
  readonly Headers: { readonly [name: string]: unknown };
  /** Parsed JSON when the response is JSON, else text. */
  readonly ResponseBody: Body;
}

export interface HttpInvokeOptions<In, Selected, Body> extends CallOptions<In, Selected> {
  /** The URL (query parameters go in `queryParameters`). */
  readonly apiEndpoint: Field<Selected, Text>;
  readonly method: Field<Selected, HttpMethod | Text>;
  /** The EventBridge connection's ARN (or `sub('…')`): `Authentication.ConnectionArn`. */
  readonly connectionArn: Field<Selected, Text>;
  readonly headers?: Field<Selected, { readonly [name: string]: TemplateValue }>;
  readonly queryParameters?: Field<Selected, { readonly [name: string]: TemplateValue }>;
  readonly requestBody?: Field<Selected, TemplateValue>;
  /** `Transform`: send the body URL-encoded, with arrays written in the given format. */
  readonly urlEncodeBody?: true | { readonly arrayFormat: 'BRACKETS' | 'COMMAS' | 'INDICES' | 'REPEAT' };
  /** What the API answers (types `ResponseBody`). */
  readonly responseBody?: Schema<Body>;
}

/** `.task('Call API', http.invoke({ apiEndpoint: 'https://api.example.com/orders', method: 'POST', connectionArn: sub('ApiConnection'), requestBody: ($) => $.order }))` */
export const invoke = <In, Selected = In, Body = unknown>(options: HttpInvokeOptions<In, Selected, Body>): IntegrationTask<In, Selected, HttpInvokeResult<Body>> =>
  integrationTask(
    serviceCall('http', 'invoke', 'requestResponse', ($, $$) => ({
      ...apiFields(options, ['apiEndpoint', 'method'], $, $$),
      Authentication: { ConnectionArn: fieldValue(options.connectionArn, $, $$) },
      ...apiFields(options, ['headers', 'queryParameters', 'requestBody'], $, $$),
      ...(options.urlEncodeBody !== undefined && { Transform: transform(options.urlEncodeBody) }),
    })),
    options.inputPath,
  );

function transform(encode: NonNullable<HttpInvokeOptions<unknown, unknown, unknown>['urlEncodeBody']>) {
  return {
    RequestBodyEncoding: 'URL_ENCODED',
    ...(encode !== true && { RequestEncodingOptions: { ArrayFormat: encode.arrayFormat } }),
  };
}
