import { SFNClient } from '@aws-sdk/client-sfn';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalEndpoint, type LocalEndpoint, type LocalEndpointOptions } from '@typestep/local';
import { tempDir } from './temp-dirs.js';

export { cleanup, tempDir } from './temp-dirs.js';

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
/** The seed state machines, read in place. */
export const REFERENCE_ASL = resolve(REPO, '../shared/reference-asl');

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/typestep-local-test';

/** An SDK client for the endpoint, as a user would configure one (the credentials are never checked). */
export function sfnClient(url: string): SFNClient {
  return new SFNClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // StartSyncExecution has the host prefix "sync-" in AWS; a local endpoint has no such host.
    disableHostPrefix: true,
    maxAttempts: 1,
  });
}

export interface TestEndpoint {
  endpoint: LocalEndpoint;
  sfn: SFNClient;
  dataDir: string;
  /** Closes the endpoint (and the client); a second call does nothing. */
  close(): Promise<void>;
}

/** An endpoint on a free port with a fresh data folder (removed by `cleanup()`). */
export async function startTestEndpoint(options: LocalEndpointOptions = {}): Promise<TestEndpoint> {
  const dataDir = options.dataDir ?? (await tempDir());
  const endpoint = await startLocalEndpoint({ port: 0, dataDir, ...options });
  const sfn = sfnClient(endpoint.url);
  return {
    endpoint,
    sfn,
    dataDir,
    close: async () => {
      sfn.destroy();
      await endpoint.close();
    },
  };
}

/** A seed definition from ../shared/reference-asl, with its ${Placeholder}s replaced. */
export async function referenceDefinition(file: string, substitutions: Record<string, string> = {}): Promise<string> {
  const text = await readFile(join(REFERENCE_ASL, file), 'utf8');
  return text.replace(/\$\{(\w+)\}/g, (placeholder, name: string) => {
    const value = substitutions[name];
    if (value === undefined) throw new Error(`${file} uses ${placeholder}, which the test gives no value`);
    return value;
  });
}

/** Polls DescribeExecution until the execution has ended. */
export async function waitForEnd(sfn: SFNClient, executionArn: string) {
  const { DescribeExecutionCommand } = await import('@aws-sdk/client-sfn');
  for (;;) {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (execution.status !== 'RUNNING') return execution;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The definition of a machine made of one Pass state. */
export const PASS_DEFINITION = JSON.stringify({ StartAt: 'Pass', States: { Pass: { Type: 'Pass', End: true } } });
