import { createServer } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { LOCAL_ENDPOINT } from '../../src/aws/aws-options.js';
import { clientConfig } from '../../src/aws/client.js';
import { cleanup, runCli, tempDir } from '../support/run-cli.js';
import { stubAwsEnvironment, TEST_CREDENTIALS } from './support/aws-environment.js';
import { awsError, fakeStepFunctions } from './support/fake-step-functions.js';
import { typestep } from './support/typestep.js';

beforeEach(() => stubAwsEnvironment());
afterEach(() => vi.unstubAllEnvs());
afterAll(cleanup);

/** Nothing a command prints may contain the credentials it used. */
function expectNoSecrets(result: { stdout: string; stderr: string }, ...secrets: string[]) {
  for (const secret of [TEST_CREDENTIALS.secretAccessKey, ...secrets]) {
    expect(result.stdout + result.stderr).not.toContain(secret);
  }
}

describe('credentials', () => {
  it('refused credentials (UnrecognizedClientException) are a clear failure that prints no secret', async () => {
    const aws = await fakeStepFunctions(() => awsError('UnrecognizedClientException', 'The security token included in the request is invalid.'));
    try {
      for (const argv of [['describe', 'StockTrader'], ['executions', 'StockTrader'], ['start', 'StockTrader', '--wait'], ['delete', 'StockTrader', '--yes']]) {
        const result = await typestep([...argv, '--endpoint-url', aws.url]);
        expect(result.code, argv.join(' ')).toBe(1);
        expect(result.stderr).toBe(
          `typestep ${argv[0]}: the Step Functions endpoint ${aws.url} did not accept the AWS credentials (UnrecognizedClientException: The security token included in the request is invalid.). ` +
            'Check which credentials are in use: the SDK takes them from --profile or AWS_PROFILE (~/.aws/credentials, ~/.aws/config), or from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.\n',
        );
        expectNoSecrets(result);
      }
      // The requests were signed with the environment's credentials (the SDK's standard chain).
      expect(aws.requests[0]!.headers.authorization).toContain(`Credential=${TEST_CREDENTIALS.accessKeyId}/`);
    } finally {
      await aws.close();
    }
  });

  it('--profile takes the credentials of that profile in the shared credentials file', async () => {
    const dir = await tempDir();
    const credentials = join(dir, 'credentials');
    await writeFile(credentials, '[typestep-test]\naws_access_key_id = AKIAPROFILEKEY000001\naws_secret_access_key = profile-secret-do-not-print\n');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', credentials);
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
    const aws = await fakeStepFunctions(() => ({ body: { stateMachines: [] } }));
    try {
      const result = await typestep(['describe', 'Missing', '--profile', 'typestep-test', '--endpoint-url', aws.url]);
      expect(result.stderr).toContain('no state machine is named "Missing"');
      expect(aws.requests[0]!.headers.authorization).toContain('Credential=AKIAPROFILEKEY000001/');
      expectNoSecrets(result, 'profile-secret-do-not-print');
    } finally {
      await aws.close();
    }
  });

  it('no credentials anywhere is a clear failure', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
    const aws = await fakeStepFunctions(() => ({ body: {} }));
    try {
      const result = await typestep(['describe', 'StockTrader', '--endpoint-url', aws.url]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^typestep describe: no AWS credentials were found \(.+\): the SDK takes them from --profile or AWS_PROFILE .+; with --local, none are needed\n$/);
      expect(aws.requests).toEqual([]);
    } finally {
      await aws.close();
    }
  });

  it('no region is a clear failure', async () => {
    vi.stubEnv('AWS_REGION', undefined);
    vi.stubEnv('AWS_DEFAULT_REGION', undefined);
    const result = await typestep(['describe', 'StockTrader']);
    expect(result).toMatchObject({ code: 1, stderr: 'typestep describe: no AWS region: give --region, set AWS_REGION, or set "region" in the profile in ~/.aws/config\n' });
  });
});

describe('endpoints', () => {
  it('an endpoint nothing listens on is a clear failure', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await typestep(['executions', 'StockTrader', '--endpoint-url', url]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(`typestep executions: cannot reach the Step Functions endpoint ${url} (connection refused): check the URL and that the server is running\n`);
  });

  it('--local is the endpoint "typestep local" serves by default, with local credentials', async () => {
    vi.stubEnv('TYPESTEP_LOCAL_ENDPOINT', undefined);
    expect(clientConfig({ local: true, output: 'text' })).toEqual({
      endpoint: LOCAL_ENDPOINT,
      disableHostPrefix: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    // The defaults `typestep local --help` shows (its help wraps lines: spaces are collapsed).
    const help = (await runCli(['local', '--help'])).stdout.replace(/\s+/g, ' ');
    const defaultOf = (option: string) => new RegExp(`${option} <\\w+>(?:(?! --\\w).)*\\(default: "([^"]*)"\\)`).exec(help)?.[1];
    expect(`http://${defaultOf('--host')}:${defaultOf('--port')}`).toBe(LOCAL_ENDPOINT);
    // Another port of `typestep local`, given once in the environment.
    vi.stubEnv('TYPESTEP_LOCAL_ENDPOINT', 'http://127.0.0.1:9000');
    expect(clientConfig({ local: true, output: 'text' }).endpoint).toBe('http://127.0.0.1:9000');
  });

  it('--local with --endpoint-url, or an --endpoint-url that is no URL, is a usage error', async () => {
    const both = await typestep(['describe', 'X', '--local', '--endpoint-url', 'http://127.0.0.1:1']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("option '--endpoint-url <url>' cannot be used with option '--local'");
    const notUrl = await typestep(['describe', 'X', '--endpoint-url', 'localhost 8083']);
    expect(notUrl).toMatchObject({ code: 2, stderr: 'typestep: --endpoint-url "localhost 8083" is not a URL (e.g. http://127.0.0.1:8083)\n' });
  });
});

/** A port that was free a moment ago and has nothing listening on it now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
