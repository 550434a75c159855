import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realClock, virtualClock } from '../engine/clock.js';
import { TaskTokens } from '../engine/task-tokens.js';
import type { Clock, ServiceOptions, TaskHandler } from '../engine/types.js';
import { Store } from '../store/store.js';
import { AllowedHosts } from './allowed-hosts.js';
import type { EndpointContext } from './endpoint-context.js';
import { ExecutionRunner } from './execution-runner.js';
import { handleRequest } from './handle-request.js';

export interface LocalEndpointOptions {
  /** Default 8083 (Step Functions Local's port); 0 picks a free one (see `url`). */
  port?: number;
  /** Default 127.0.0.1: nothing beyond this machine can reach the endpoint unless asked. */
  host?: string;
  /**
   * Further names requests may be addressed to (their Host header), as `name` (any port) or
   * `name:port`. Without them the endpoint answers only to 127.0.0.1, localhost and [::1] on its
   * port, to the address it is bound to, and (bound to 0.0.0.0 or ::) to any IP address and this
   * machine's name: a defence against DNS rebinding (see allowed-hosts.ts). Other names get 403.
   */
  allowedHosts?: readonly string[];
  /** Where state machines and executions persist (created if missing). Without it they live in memory. */
  dataDir?: string;
  /** "virtual": Wait states, retry intervals and timeouts pass at once while timestamps advance as if they had waited. Default "real". */
  clock?: 'real' | 'virtual' | Clock;
  /** Appear in every ARN. Defaults us-east-1 and 123456789012. */
  region?: string;
  account?: string;
  /** Task handlers for the executions, keyed by resource ARN or placeholder name. */
  tasks?: Record<string, TaskHandler>;
  /** Endpoints of the AWS services that SDK integrations (sns:publish, dynamodb:putItem, s3, aws-sdk:*) call. */
  services?: ServiceOptions;
  /** Values for ${Name} placeholders left in definitions. */
  substitutions?: Record<string, string>;
  /** Where internal errors are reported. Default: standard error. */
  log?: (text: string) => void;
}

export interface LocalEndpoint {
  /** e.g. "http://127.0.0.1:8083": give it to the SDK (`endpoint`) or the AWS CLI (`--endpoint-url`). */
  readonly url: string;
  readonly port: number;
  /**
   * Stops listening and stops running executions without recording anything more: like a process
   * that ends, the data folder keeps them RUNNING, and the next start reports them as interrupted.
   */
  close(): Promise<void>;
}

/** Starts a Step Functions–compatible endpoint (AWS JSON 1.0 protocol) on the local engine. */
export async function startLocalEndpoint(options: LocalEndpointOptions = {}): Promise<LocalEndpoint> {
  const clock = options.clock === 'virtual' ? virtualClock() : options.clock === 'real' || options.clock === undefined ? realClock() : options.clock;
  const log = options.log ?? ((text: string) => void process.stderr.write(text));
  const host = options.host ?? '127.0.0.1';
  const hosts = new AllowedHosts(host, options.allowedHosts);
  const store = Store.open({ ...(options.dataDir !== undefined && { dataDir: options.dataDir }), now: () => clock.now() });
  const taskTokens = new TaskTokens();
  const runner = new ExecutionRunner(store, {
    clock,
    taskTokens,
    ...(options.tasks && { tasks: options.tasks }),
    ...(options.services && { services: options.services }),
    ...(options.substitutions && { substitutions: options.substitutions }),
  });
  const context: EndpointContext = {
    scope: { region: options.region ?? 'us-east-1', account: options.account ?? '123456789012' },
    store,
    runner,
    clock,
    taskTokens,
  };

  const server = createServer((request, response) => void handleRequest(context, request, response, { hosts, log }));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8083, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`Port ${options.port ?? 8083} on ${host} is already in use: stop what listens there, or choose another port.`);
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // In-flight StartSyncExecution / StopExecution requests end once their executions stop.
        await runner.close();
        server.closeIdleConnections();
        await closed;
        store.close();
      })()),
  };
}
