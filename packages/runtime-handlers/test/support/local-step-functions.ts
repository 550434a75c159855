import { SFNClient } from '@aws-sdk/client-sfn';
import { startLocalEndpoint, type LocalEndpoint, type LocalEndpointOptions } from '@typestep/local';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Step Functions for the tests: @typestep/local's endpoint (the AWS JSON 1.0 API over HTTP) on a
 * free port, with a fresh data folder. The state machines the handlers create run on its engine,
 * their tasks bound (`tasks`) to the real handlers, so an execution a handler starts really runs.
 */
export interface LocalStepFunctions {
  readonly endpoint: LocalEndpoint;
  /** For the test's own look at machines, executions and histories. */
  readonly sfn: SFNClient;
  stop(): Promise<void>;
}

export async function startLocalStepFunctions(options: Pick<LocalEndpointOptions, 'tasks' | 'services'>): Promise<LocalStepFunctions> {
  const dataDir = await mkdtemp(join(tmpdir(), 'typestep-handlers-sfn-'));
  const endpoint = await startLocalEndpoint({ port: 0, dataDir, ...options });
  const sfn = new SFNClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  return {
    endpoint,
    sfn,
    stop: async () => {
      sfn.destroy();
      await endpoint.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A latch: `wait()` resolves once `open()` has been called. Holds a task so a test can see its execution RUNNING. */
export function gate(): { wait(): Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => opened, open: () => open() };
}

/**
 * Calls `read` until `done` holds of what it returns, 20 ms apart, at most `attempts` times
 * (bounded by attempts, not by the clock), and returns the last value.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, attempts = 1_500): Promise<T> {
  let value = await read();
  for (let attempt = 1; attempt < attempts && !done(value); attempt++) {
    await sleep(20);
    value = await read();
  }
  return value;
}
