import type { SFN, SFNClientConfig } from '@aws-sdk/client-sfn';
import { UsageError } from '../exit-codes.js';
import { localEndpoint, type AwsOptions } from './aws-options.js';

/** A Step Functions client and where it sends requests. */
export interface Connection {
  readonly sfn: SFN;
  /** The endpoint given with --endpoint-url or --local; undefined for AWS's own. */
  readonly endpointUrl: string | undefined;
  readonly local: boolean;
}

/**
 * The SDK client's settings for the command's options. Credentials and region come from the SDK's
 * standard chain (environment, `--profile` or AWS_PROFILE in the shared config and credentials
 * files, SSO, container and instance roles), except with `--local`, whose endpoint accepts any.
 */
export function clientConfig(options: AwsOptions): SFNClientConfig {
  const endpoint = options.local ? localEndpoint() : options.endpointUrl;
  if (endpoint !== undefined && !URL.canParse(endpoint)) {
    throw new UsageError(`${options.local ? 'TYPESTEP_LOCAL_ENDPOINT' : '--endpoint-url'} "${endpoint}" is not a URL (e.g. http://127.0.0.1:8083)`);
  }
  return {
    ...(options.region !== undefined && { region: options.region }),
    ...(options.profile !== undefined && { profile: options.profile }),
    ...(options.local && { region: options.region ?? 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    // StartSyncExecution goes to the "sync-" host in AWS; another endpoint has no such host.
    ...(endpoint !== undefined && { endpoint, disableHostPrefix: true }),
  };
}

/** A client for the options; the AWS SDK is loaded here, only by the commands that call AWS. */
export async function connect(options: AwsOptions): Promise<Connection> {
  const config = clientConfig(options);
  // The SDK warns on Node 20 that its releases after January 2027 will need Node 22: news for
  // whoever upgrades the CLI's pinned SDK, not for the person running a command.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const { SFN } = await import('@aws-sdk/client-sfn');
  return { sfn: new SFN(config), endpointUrl: config.endpoint as string | undefined, local: options.local === true };
}
