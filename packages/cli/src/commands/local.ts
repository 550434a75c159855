import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LocalEndpoint, TaskHandler } from '@typestep/local';
import { Option, type Command } from 'commander';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { plural } from '../report.js';

interface LocalCommandOptions {
  port: string;
  host: string;
  allowedHost: string[];
  data?: string;
  clock: 'real' | 'virtual';
  region: string;
  account: string;
  handlers: string[];
  substitution: string[];
  substitutions?: string;
  serviceEndpoint: string[];
  serviceRegion?: string;
}

const DESCRIPTION = `Runs a Step Functions–compatible endpoint (AWS JSON 1.0 protocol) on the local engine, until SIGINT (Ctrl+C) or SIGTERM. Point the AWS SDK (endpoint) or the AWS CLI (--endpoint-url) at the URL it prints:

  aws stepfunctions list-state-machines --endpoint-url http://127.0.0.1:8083

State machines and executions persist in the --data folder: a restart loses nothing, and an execution that was running when the endpoint stopped is reported FAILED (States.Runtime) with a cause saying so. Without --data, everything is kept in memory.

Tasks: --handlers loads modules (TypeScript or JavaScript) whose default export, or export named "tasks", maps a resource ARN or a \${Placeholder} name to a handler function (input, context) => output. Service integrations (sns:publish, dynamodb:*, s3:*, aws-sdk:*) call the AWS SDK against --service-endpoint URLs, with fixed local test credentials.

StartSyncExecution: AWS clients send it to the host "sync-<host>", which does not exist locally. Turn that off: in the AWS SDK for JavaScript, disableHostPrefix: true; in the AWS CLI, AWS_DISABLE_HOST_PREFIX_INJECTION=true (recent versions only).`;

const collect = (value: string, previous: string[]) => [...previous, value];

/** Registers `typestep local`; the endpoint (and the AWS SDK it loads) is imported only when it runs. */
export function registerLocalCommand(program: Command, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('local')
    .summary('run a Step Functions–compatible endpoint on the local engine')
    .description(DESCRIPTION)
    .option('--port <number>', 'the port to listen on (0: any free port)', '8083')
    .option('--host <address>', 'the address to listen on; the default accepts connections from this machine only. Requests must name this address, localhost or 127.0.0.1 in their Host header (a guard against DNS rebinding)', '127.0.0.1')
    .option('--allowed-host <name[:port]>', 'also accept requests naming this host (e.g. a Docker service name; repeatable)', collect, [])
    .option('--data <dir>', 'the folder where state machines and executions persist (created if missing)')
    .addOption(new Option('--clock <kind>', 'virtual: Wait states, retries and timeouts pass at once while timestamps advance as if they had waited').choices(['real', 'virtual']).default('real'))
    .option('--region <region>', 'the region in ARNs', 'us-east-1')
    .option('--account <id>', 'the 12-digit account id in ARNs', '123456789012')
    .option('--handlers <module>', 'a module exporting task handlers keyed by resource ARN or placeholder name (repeatable)', collect, [])
    .option('--substitution <name=value>', 'a value for ${name} placeholders left in definitions (repeatable)', collect, [])
    .option('--substitutions <file>', 'a JSON object of placeholder values (SAM DefinitionSubstitutions)')
    .option('--service-endpoint <service=url>', 'the endpoint of an AWS service for SDK integrations, e.g. s3=http://127.0.0.1:4566; "default=URL" for every service (repeatable)', collect, [])
    .option('--service-region <region>', 'the region SDK integrations use (default: --region)')
    .action(async (options: LocalCommandOptions) => setExitCode(await local(options, io)));
}

async function local(options: LocalCommandOptions, io: Io): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${options.port}"`);
  if (!/^\d{12}$/.test(options.account)) throw new UsageError(`--account must be 12 digits, not "${options.account}"`);
  const substitutions = { ...(options.substitutions !== undefined && (await readSubstitutions(options.substitutions, io.cwd))), ...pairs(options.substitution, '--substitution', 'name=value') };
  const endpoints = pairs(options.serviceEndpoint, '--service-endpoint', 'service=url');
  for (const [service, url] of Object.entries(endpoints)) {
    if (!URL.canParse(url)) throw new UsageError(`--service-endpoint ${service}=${url}: "${url}" is not a URL (e.g. http://127.0.0.1:4566)`);
  }
  const { tasks, release } = await loadHandlers(options.handlers, io.cwd);

  const { startLocalEndpoint } = await import('@typestep/local');
  let endpoint: LocalEndpoint;
  try {
    endpoint = await startLocalEndpoint({
      port,
      host: options.host,
      ...(options.allowedHost.length > 0 && { allowedHosts: options.allowedHost }),
      ...(options.data !== undefined && { dataDir: resolve(io.cwd, options.data) }),
      clock: options.clock,
      region: options.region,
      account: options.account,
      tasks,
      substitutions,
      services: { region: options.serviceRegion ?? options.region, endpoints },
      log: io.stderr,
    });
  } catch (error) {
    // A port in use, a data folder locked by another endpoint, a damaged journal: the message says what to do.
    await release();
    io.stderr(`typestep local: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_PROBLEMS;
  }
  const storage = options.data === undefined ? 'in memory' : `data folder ${options.data}`;
  io.stdout(`typestep local: Step Functions endpoint at ${endpoint.url} (${storage}, ${options.clock} clock, ${plural(Object.keys(tasks).length, 'task handler')})\n`);

  const signal = await stopSignal();
  io.stderr(`typestep local: ${signal} received, stopping\n`);
  await endpoint.close();
  await release();
  return EXIT_OK;
}

/** Resolves on the first SIGINT or SIGTERM; a second one ends the process at once, as usual. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const stop = (received: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveSignal(received);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `["a=1", "b=2"]` → `{ a: "1", b: "2" }`. */
function pairs(values: readonly string[], flag: string, shape: string): Record<string, string> {
  const entries = values.map((value) => {
    const at = value.indexOf('=');
    if (at <= 0) throw new UsageError(`${flag} takes ${shape}, not "${value}"`);
    return [value.slice(0, at), value.slice(at + 1)] as const;
  });
  return Object.fromEntries(entries);
}

async function readSubstitutions(file: string, cwd: string): Promise<Record<string, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the substitutions file ${file}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`the substitutions file ${file} must be a JSON object of placeholder values, e.g. { "TableName": "orders" }`);
  }
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw new UsageError(`the substitutions file ${file}: "${name}" must be a string, not ${JSON.stringify(value)}`);
  }
  return parsed as Record<string, string>;
}

/**
 * The handler modules' maps, merged (a later module's handler for the same key wins). `release`
 * deletes the modules' bundles: only once the endpoint has stopped, as handlers may import more of them.
 */
async function loadHandlers(files: readonly string[], cwd: string): Promise<{ tasks: Record<string, TaskHandler>; release: () => Promise<void> }> {
  if (files.length === 0) return { tasks: {}, release: async () => {} };
  const { loadModules } = await import('../load-modules.js');
  const loaded = await loadModules(files.map((file) => resolve(cwd, file)));
  try {
    const tasks: Record<string, TaskHandler> = {};
    for (const [index, module] of loaded.modules.entries()) {
      const file = files[index]!;
      if (!module.ok) throw new UsageError(`the handler module ${file} failed to load: ${module.error instanceof Error ? module.error.message : String(module.error)}`);
      const map = module.exports.tasks ?? module.exports.default;
      if (typeof map !== 'object' || map === null) {
        throw new UsageError(`the handler module ${file} must export (as default, or as "tasks") an object mapping resource ARNs or placeholder names to handler functions`);
      }
      for (const [key, handler] of Object.entries(map)) {
        if (typeof handler !== 'function') throw new UsageError(`the handler module ${file}: "${key}" must be a function (input, context) => output, not ${typeof handler}`);
        tasks[key] = handler as TaskHandler;
      }
    }
    return { tasks, release: loaded.release };
  } catch (error) {
    await loaded.release();
    throw error;
  }
}
