import type { Connection } from './client.js';

/**
 * A command that ran and failed (an unknown state machine, an execution that did not succeed…):
 * reported as `typestep <command>: <message>`, exit code 1.
 */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}

/** Errors of the AWS request signature and credentials, as Step Functions (or STS) names them. */
const CREDENTIAL_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignature',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
]);

/** Node's codes for a server that cannot be reached. */
const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

const WHERE_CREDENTIALS_COME_FROM =
  'the SDK takes them from --profile or AWS_PROFILE (~/.aws/credentials, ~/.aws/config), or from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN';

/**
 * A sentence for an error the AWS SDK threw, naming what went wrong and what to do; undefined for
 * errors that are not the SDK's (bugs, which the CLI reports as internal errors). Never includes
 * credentials: only the error's name and the service's message.
 */
export function explainAwsError(error: unknown, connection: Pick<Connection, 'endpointUrl' | 'local'>): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const where = connection.local ? `the local endpoint at ${connection.endpointUrl}` : connection.endpointUrl !== undefined ? `the Step Functions endpoint ${connection.endpointUrl}` : 'AWS Step Functions';

  const network = networkCode(error);
  if (network !== undefined) {
    const hint = connection.local
      ? 'start it with "typestep local" (in another terminal), or give its URL with --endpoint-url'
      : connection.endpointUrl !== undefined
        ? 'check the URL and that the server is running'
        : 'check the network connection and --region';
    return `cannot reach ${where} (${NETWORK_ERRORS[network] ?? network}): ${hint}`;
  }
  if (error.name === 'TimeoutError') return `${where} did not answer in time (${error.message}): try again, or check the network`;
  if (CREDENTIAL_ERRORS.has(error.name)) {
    return `${where} did not accept the AWS credentials (${error.name}: ${error.message}). Check which credentials are in use: ${WHERE_CREDENTIALS_COME_FROM}.`;
  }
  if (error.name === 'CredentialsProviderError') {
    return `no AWS credentials were found (${error.message}): ${WHERE_CREDENTIALS_COME_FROM}; with --local, none are needed`;
  }
  if (error.name === 'AccessDeniedException') {
    return `the AWS credentials are valid but not allowed to do this (AccessDeniedException: ${error.message}): the IAM policy needs the states: action the message names`;
  }
  if (/^Region is missing/.test(error.message)) {
    return 'no AWS region: give --region, set AWS_REGION, or set "region" in the profile in ~/.aws/config';
  }
  if (isServiceError(error)) return `${error.name}: ${error.message}`;
  return undefined;
}

/** The SDK's errors for a service's answer carry `$metadata` and `$fault`. */
export function isServiceError(error: unknown): error is Error & { $fault: 'client' | 'server' } {
  return error instanceof Error && '$fault' in error && '$metadata' in error;
}

/** The error's network code, also when Node reports several attempts (IPv4 and IPv6) as an AggregateError. */
function networkCode(error: Error): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && code in NETWORK_ERRORS) return code;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = inner instanceof Error ? networkCode(inner) : undefined;
      if (innerCode !== undefined) return innerCode;
    }
  }
  return undefined;
}
