import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * The AWS CLI to drive: TYPESTEP_AWS_CLI if set, else Debian's package `awscli` (/usr/bin/aws, which
 * CI installs), else `aws` on the PATH.
 */
const AWS = process.env.TYPESTEP_AWS_CLI ?? (existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws');

export interface AwsResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `aws stepfunctions …` against `endpointUrl`, isolated from the machine's AWS configuration
 * (no config or credentials files, fixed local credentials, no pager).
 */
export async function awsStepFunctions(endpointUrl: string, home: string, args: readonly string[]): Promise<AwsResult> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
  };
  try {
    const { stdout, stderr } = await exec(AWS, ['stepfunctions', ...args, '--endpoint-url', endpointUrl, '--output', 'json'], { env, cwd: home });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number | string; stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(`The AWS CLI ("${AWS}") is not installed, so the endpoint cannot be tested with it. Install it (Debian: apt-get install -y awscli), or set TYPESTEP_AWS_CLI to its path.`);
    }
    return { code: Number(failure.code), stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

/** The CLI's JSON output of a command that must succeed. */
export async function awsJson<T = Record<string, unknown>>(endpointUrl: string, home: string, args: readonly string[]): Promise<T> {
  const result = await awsStepFunctions(endpointUrl, home, args);
  if (result.code !== 0) throw new Error(`aws stepfunctions ${args.join(' ')} failed (exit ${result.code}):\n${result.stderr}`);
  return (result.stdout.trim() === '' ? {} : JSON.parse(result.stdout)) as T;
}
