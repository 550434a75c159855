import type { ServiceOptions } from '@typestep/local';
import { useLocalAws } from '../../../../packages/runtime-handlers/test/support/aws-environment.js';

export { startDynamoDbLocal, type DynamoDbLocal } from '../../../../packages/runtime-handlers/test/support/dynamodb-local.js';
export { startS3AndSns, type Fauxqs } from '../../../../packages/runtime-handlers/test/support/fauxqs.js';

export const REGION = 'us-east-1';
export const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The test's own SDK clients: the local servers, path-style S3. */
export const clientConfig = (endpoint: string) => ({ endpoint, region: REGION, credentials: CREDENTIALS, forcePathStyle: true });

/**
 * Points both halves at the local servers: the handlers through the standard AWS_ENDPOINT_URL_*
 * variables (as a developer's shell would), the engine's service integrations through `services`.
 */
export function localAws(endpoints: { readonly s3?: string; readonly sns?: string; readonly sqs?: string; readonly dynamodb?: string; readonly sfn?: string }): ServiceOptions {
  useLocalAws(endpoints);
  const given = Object.entries(endpoints).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { region: REGION, credentials: CREDENTIALS, endpoints: Object.fromEntries(given) };
}
