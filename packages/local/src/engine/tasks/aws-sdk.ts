import { StatesError } from '../errors.js';
import type { ServiceOptions } from '../types.js';

/**
 * Service integrations through the AWS SDK for JavaScript v3, against the endpoints the run was
 * given (`services.endpoints`): the optimized `sns:publish`, `sqs:sendMessage`, `dynamodb:*Item`
 * and the generic `aws-sdk:<service>:<action>` for the clients installed with this package. The
 * action's PascalCase parameters are the SDK command's input as they are.
 */

type SdkModule = Record<string, unknown>;
type SdkClient = { send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<Record<string, unknown>> };

interface ServiceInfo {
  readonly load: () => Promise<SdkModule>;
  readonly client: string;
  /** The prefix of error names: `DynamoDB.ConditionalCheckFailedException` (optimized) / `DynamoDb.…` (aws-sdk). */
  readonly errorPrefix: string;
  readonly sdkErrorPrefix: string;
}

const SERVICES: Readonly<Record<string, ServiceInfo>> = {
  s3: { load: () => import('@aws-sdk/client-s3'), client: 'S3Client', errorPrefix: 'S3', sdkErrorPrefix: 'S3' },
  sns: { load: () => import('@aws-sdk/client-sns'), client: 'SNSClient', errorPrefix: 'SNS', sdkErrorPrefix: 'Sns' },
  sqs: { load: () => import('@aws-sdk/client-sqs'), client: 'SQSClient', errorPrefix: 'SQS', sdkErrorPrefix: 'Sqs' },
  dynamodb: {
    load: () => import('@aws-sdk/client-dynamodb'),
    client: 'DynamoDBClient',
    errorPrefix: 'DynamoDB',
    sdkErrorPrefix: 'DynamoDb',
  },
  sfn: { load: () => import('@aws-sdk/client-sfn'), client: 'SFNClient', errorPrefix: 'StepFunctions', sdkErrorPrefix: 'Sfn' },
};

/** The optimized (non aws-sdk) integrations this engine runs through the SDK. */
const OPTIMIZED = new Set([
  'sns:publish',
  'sqs:sendMessage',
  'dynamodb:getItem',
  'dynamodb:putItem',
  'dynamodb:updateItem',
  'dynamodb:deleteItem',
]);

export function isSdkIntegration(service: string | undefined, action: string | undefined, sdk: boolean): boolean {
  if (!service || !action) return false;
  return sdk ? service in SERVICES : OPTIMIZED.has(`${service}:${action}`);
}

/** The endpoint a service's calls go to, or undefined when the run configured none. */
export function endpointFor(services: ServiceOptions | undefined, service: string): string | undefined {
  return services?.endpoints?.[service] ?? services?.endpoints?.default;
}

const clients = new Map<string, Promise<SdkClient>>();

function clientFor(service: string, options: ServiceOptions | undefined, endpoint: string): Promise<SdkClient> {
  const config = {
    region: options?.region ?? 'us-east-1',
    endpoint,
    credentials: options?.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' },
    forcePathStyle: options?.forcePathStyle ?? true,
    maxAttempts: 1,
  };
  const key = JSON.stringify([service, config]);
  let client = clients.get(key);
  if (!client) {
    const info = SERVICES[service]!;
    client = info.load().then((module) => {
      const Client = module[info.client] as new (config: object) => SdkClient;
      return new Client(config);
    });
    clients.set(key, client);
  }
  return client;
}

function pascal(action: string): string {
  return action[0]!.toUpperCase() + action.slice(1);
}

/** Calls `<service>:<action>` with `input`; SDK errors become `<Service>.<Name>Exception` task errors. */
export async function callAwsSdk(
  options: ServiceOptions | undefined,
  service: string,
  action: string,
  input: unknown,
  sdk: boolean,
  signal: AbortSignal,
): Promise<unknown> {
  const info = SERVICES[service];
  const endpoint = endpointFor(options, service);
  if (!info || !endpoint) {
    throw new StatesError(
      'States.Runtime',
      `No endpoint for the ${service} service: run with services: { endpoints: { ${service}: 'http://127.0.0.1:PORT' } } (or bind a handler or mock to the state).`,
    );
  }
  const module = await info.load();
  const Command = module[`${pascal(action)}Command`] as (new (input: object) => unknown) | undefined;
  if (!Command) throw new StatesError('States.Runtime', `The ${service} SDK has no action "${action}" (no ${pascal(action)}Command).`);
  const client = await clientFor(service, options, endpoint);
  try {
    const output = await client.send(new Command(serializeMessages(input)), { abortSignal: signal });
    const { $metadata, ...rest } = output as { $metadata?: { requestId?: string; httpStatusCode?: number } };
    const result = (await toJson(rest)) as Record<string, unknown>;
    if (sdk) return result;
    return {
      ...result,
      SdkHttpMetadata: { HttpStatusCode: $metadata?.httpStatusCode ?? 200 },
      SdkResponseMetadata: { RequestId: $metadata?.requestId ?? '' },
    };
  } catch (thrown) {
    if (thrown instanceof StatesError) throw thrown;
    const error = thrown as Error;
    const name = error.name.endsWith('Exception') ? error.name : `${error.name}Exception`;
    throw new StatesError(
      `${sdk ? info.sdkErrorPrefix : info.errorPrefix}.${name}`,
      `${error.message} (Service: ${service}, Action: ${action})`,
    );
  }
}

/** The object's bytes, for readers of binary S3 objects (gzipped inventory files). */
export async function getS3ObjectBytes(
  options: ServiceOptions | undefined,
  bucket: string,
  key: string,
  signal: AbortSignal,
): Promise<Buffer> {
  const endpoint = endpointFor(options, 's3');
  if (!endpoint)
    throw new StatesError(
      'States.Runtime',
      "No endpoint for the s3 service: run with services: { endpoints: { s3: 'http://127.0.0.1:PORT' } }.",
    );
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const client = await clientFor('s3', options, endpoint);
  const output = (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal })) as {
    Body?: { transformToByteArray(): Promise<Uint8Array> };
  };
  return Buffer.from((await output.Body?.transformToByteArray()) ?? new Uint8Array());
}

/** Step Functions sends JSON given for a message or object body as its text. */
function serializeMessages(input: unknown): object {
  const fields = { ...(input as Record<string, unknown>) };
  for (const key of ['Message', 'MessageBody', 'Body']) {
    if (fields[key] !== undefined && typeof fields[key] !== 'string') fields[key] = JSON.stringify(fields[key]);
  }
  return fields;
}

/** SDK output as JSON: dates as ISO text, bytes as Base64, body streams as their text. */
async function toJson(value: unknown): Promise<unknown> {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value !== null && typeof value === 'object') {
    const stream = value as { transformToString?: () => Promise<string> };
    if (typeof stream.transformToString === 'function') return stream.transformToString();
    if (Array.isArray(value)) return Promise.all(value.map(toJson));
    const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await toJson(item)] as const));
    return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
  }
  return value;
}
