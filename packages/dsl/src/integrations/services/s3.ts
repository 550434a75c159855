import type { TemplateValue } from '../../payload/template.js';
import { apiFields } from '../request/api-fields.js';
import type { CallOptions } from '../request/call-options.js';
import type { Field, Num, Text } from '../request/field.js';
import { integrationTask, type IntegrationTask } from '../render/integration-task.js';
import { sdkCall } from './aws-sdk.js';

/*
 * S3 through the AWS SDK integration (`arn:aws:states:::aws-sdk:s3:…`): GetObject and PutObject,
 * request-response. Step Functions passes object bodies as text, within its 256 KiB payload limit.
 */

export interface GetObjectResult {
  /** The object's content, as text. */
  readonly Body: string;
  readonly ContentLength?: number;
  readonly ContentType?: string;
  readonly ETag?: string;
  readonly LastModified?: string;
  readonly Metadata?: { readonly [name: string]: string };
  readonly VersionId?: string;
}

export interface PutObjectResult {
  readonly ETag?: string;
  readonly VersionId?: string;
  readonly ServerSideEncryption?: string;
}

interface ObjectOptions<In, Selected> extends CallOptions<In, Selected> {
  /** The bucket's name (or `sub('…')`, or a path to one). */
  readonly bucket: Field<Selected, Text>;
  readonly key: Field<Selected, Text>;
}

export interface GetObjectOptions<In, Selected> extends ObjectOptions<In, Selected> {
  readonly versionId?: Field<Selected, Text>;
  /** A byte range, `bytes=0-1023`. */
  readonly range?: Field<Selected, Text>;
}

export interface PutObjectOptions<In, Selected> extends ObjectOptions<In, Selected> {
  /** The content: text, or JSON (a template or a path) that is stored as its JSON text. */
  readonly body: Field<Selected, TemplateValue>;
  readonly contentType?: Field<Selected, Text>;
  readonly contentLength?: Field<Selected, Num>;
  readonly metadata?: Field<Selected, { readonly [name: string]: Text }>;
  readonly cacheControl?: Field<Selected, Text>;
}

/** `arn:aws:states:::aws-sdk:s3:getObject` */
export const getObject = <In, Selected = In>(options: GetObjectOptions<In, Selected>): IntegrationTask<In, Selected, GetObjectResult> =>
  integrationTask(sdkCall('s3', 'getObject', 'requestResponse', ($, $$) => apiFields(options, ['bucket', 'key', 'versionId', 'range'], $, $$)), options.inputPath);

/** `arn:aws:states:::aws-sdk:s3:putObject` */
export const putObject = <In, Selected = In>(options: PutObjectOptions<In, Selected>): IntegrationTask<In, Selected, PutObjectResult> =>
  integrationTask(
    sdkCall('s3', 'putObject', 'requestResponse', ($, $$) =>
      apiFields(options, ['bucket', 'key', 'body', 'contentType', 'contentLength', 'metadata', 'cacheControl'], $, $$),
    ),
    options.inputPath,
  );
