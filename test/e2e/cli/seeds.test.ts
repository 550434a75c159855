import { existsSync } from 'node:fs';
/**
 * End to end: typestep push / start / executions / describe / history / stop / delete against the
 * local endpoint (in this process), with every seed state machine, and the AWS CLI reading back
 * what typestep pushed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compile } from '@typestep/compiler';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stubAwsEnvironment } from '../../../packages/cli/test/aws/support/aws-environment.js';
import { startEndpoint } from '../../../packages/cli/test/aws/support/local-endpoint.js';
import { personAtTerminal, typestep } from '../../../packages/cli/test/aws/support/typestep.js';
import { examples, readReference, repoRoot } from '../../support/examples.js';

/** Debian's awscli (what .ci/run installs) before any other `aws` on the PATH; TYPESTEP_AWS_CLI overrides. */
const AWS_CLI = process.env.TYPESTEP_AWS_CLI ?? (existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws');

const exec = promisify(execFile);
const ROLE = 'arn:aws:iam::123456789012:role/StatesExecutionRole';
const arnOf = (name: string) => `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`;
const lambda = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** What SAM's DefinitionSubstitutions give seeds 000 and 002. */
const SUBSTITUTIONS: Record<string, string> = {
  LambdaFunction: lambda('StepFunctionsMain'),
  StockCheckerFunctionArn: lambda('StockChecker'),
  StockBuyerFunctionArn: lambda('StockBuyer'),
  StockSellerFunctionArn: lambda('StockSeller'),
  DDBPutItem: 'arn:aws:states:::dynamodb:putItem',
  DDBTable: 'StockTradingTransactions',
};
const SUB_FLAGS = Object.entries(SUBSTITUTIONS).flatMap(([name, value]) => ['--sub', `${name}=${value}`]);

/** Every seed machine: its workflow's name and its reference ASL in ../shared/reference-asl. */
const seeds = examples.map(({ reference, workflow }) => ({ name: compile(workflow).name, reference }));

/** Fills placeholders by plain text replacement: independent of typestep's own implementation. */
function filled(text: string, values: Record<string, string>): string {
  return Object.entries(values).reduce((result, [name, value]) => result.split(`\${${name}}`).join(value), text);
}

/** The tasks the seeds call, run locally. */
const putItems: unknown[] = [];
const tasks = {
  'lambda-function-1': (input: unknown) => ({ ...(input as object), hello: 'from lambda-function-1' }),
  'lambda-function-2': (input: unknown) => ({ ...(input as object), world: 'from lambda-function-2' }),
  StockChecker: (input: unknown) => ({ stock_price: (input as { price: number }).price }),
  StockBuyer: (input: unknown) => ({ id: 'trade-1', type: 'buy', price: String((input as { stock_price: number }).stock_price), qty: '10', timestamp: '2024-01-01T00:00:00Z' }),
  StockSeller: () => {
    throw new RangeError('the market is closed');
  },
  'arn:aws:states:::dynamodb:putItem': (input: unknown) => (putItems.push(input), {}),
  // Seed 003's S3 loader never answers: its executions run until stopped.
  testLoadJSONfromS3: (_input: unknown, context: { signal: AbortSignal }) =>
    new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(context.signal.reason as Error))),
};

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let out: string;
const cli = (argv: readonly string[], terminal?: ReturnType<typeof personAtTerminal>) =>
  typestep([...argv, '--endpoint-url', endpoint.url], { cwd: repoRoot, ...(terminal && { terminal }) });

/** `aws stepfunctions …` (the AWS CLI) against the endpoint, with the test's credentials; its JSON output parsed. */
async function awsCli(args: readonly string[]): Promise<Record<string, unknown>> {
  const { stdout } = await exec(AWS_CLI, ['stepfunctions', ...args, '--endpoint-url', endpoint.url, '--output', 'json'], {
    env: { ...process.env, AWS_PAGER: '' },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

beforeAll(async () => {
  try {
    await exec(AWS_CLI, ['--version']);
  } catch {
    throw new Error('The AWS CLI is not installed: apt-get install -y awscli (these tests read back through it what typestep pushed)');
  }
  stubAwsEnvironment();
  // Virtual clock: the seeds' retry intervals pass at once.
  endpoint = await startEndpoint({ clock: 'virtual', tasks });
  out = await mkdtemp(join(tmpdir(), 'typestep-e2e-'));
}, 60_000);
afterAll(async () => {
  await endpoint.close();
  await rm(out, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('typestep push with every seed machine', () => {
  it('refuses to push with a placeholder unfilled, listing each, and creates nothing', async () => {
    const result = await cli(['push', 'StockTrader', 'ImagePipeline', '--out', out, '--role-arn', ROLE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('  StockTrader (');
    expect(result.stderr).toContain('): ${StockCheckerFunctionArn}, ${StockBuyerFunctionArn}, ${StockSellerFunctionArn}, ${DDBPutItem}, ${DDBTable}\n');
    expect(result.stderr).toContain('): ${LambdaFunction}\n');
    expect(await awsCli(['list-state-machines'])).toEqual({ stateMachines: [] });
  });

  it('creates each, and the AWS CLI reads back the compiled ASL with the substitutions filled', async () => {
    const result = await cli(['push', ...seeds.map((seed) => seed.name), '--out', out, ...SUB_FLAGS, '--role-arn', ROLE]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean).sort()).toEqual(seeds.map((seed) => `${seed.name}: created ${arnOf(seed.name)}`).sort());

    const listed = (await awsCli(['list-state-machines'])) as { stateMachines: { name: string }[] };
    expect(listed.stateMachines.map((machine) => machine.name).sort()).toEqual(seeds.map((seed) => seed.name).sort());
    for (const { name, reference } of seeds) {
      const described = (await awsCli(['describe-state-machine', '--state-machine-arn', arnOf(name)])) as { definition: string; roleArn: string; type: string };
      // The text typestep built, filled; and, as JSON, the seed's own machine, filled.
      expect(described.definition, name).toBe(filled(await readFile(join(out, `${name}.asl.json`), 'utf8'), SUBSTITUTIONS));
      expect(JSON.parse(described.definition), name).toStrictEqual(JSON.parse(filled(JSON.stringify(readReference(reference)), SUBSTITUTIONS)));
      expect(described.definition).not.toMatch(/\$\{/);
      expect(described).toMatchObject({ roleArn: ROLE, type: 'STANDARD' });
    }
  }, 120_000);

  it('pushed again, every one is unchanged and none is updated', async () => {
    // Every UpdateStateMachine gives a state machine a new revision id.
    const revisions = async () => Promise.all(seeds.map(async ({ name }) => (JSON.parse((await cli(['describe', name, '--output', 'json'])).stdout) as { revisionId: string }).revisionId));
    const before = await revisions();
    const result = await cli(['push', ...seeds.map((seed) => seed.name), '--out', out, ...SUB_FLAGS]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.split('\n').filter(Boolean).sort()).toEqual(seeds.map((seed) => `${seed.name}: unchanged ${arnOf(seed.name)}`).sort());
    expect(await revisions()).toEqual(before);
  }, 120_000);

  it('changed, one shows its diff and is updated', async () => {
    const moved = lambda('StepFunctionsMainV2');
    const result = await cli(['push', 'ImagePipeline', '--out', out, '--sub', `LambdaFunction=${moved}`, '--yes']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`--- deployed ImagePipeline\n+++ new ImagePipeline\n`);
    expect(result.stdout).toContain(`-      "Resource": "${SUBSTITUTIONS.LambdaFunction}",\n+      "Resource": "${moved}",\n`);
    expect(result.stdout).toMatch(new RegExp(`ImagePipeline: updated ${arnOf('ImagePipeline')}\\n$`));
    const described = (await awsCli(['describe-state-machine', '--state-machine-arn', arnOf('ImagePipeline')])) as { definition: string };
    expect(described.definition).toBe(filled(await readFile(join(out, 'ImagePipeline.asl.json'), 'utf8'), { ...SUBSTITUTIONS, LambdaFunction: moved }));
  }, 60_000);
});

describe('typestep start, executions, describe, history, stop, delete', () => {
  let failedArn = '';

  it('seed 004: start --wait shows each state entered and exited, then prints the output', async () => {
    const result = await cli(['start', 'HelloWorldLambdas', '--input', '{"Comment": "Insert your JSON here"}', '--name', 'first-run', '--wait']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ Comment: 'Insert your JSON here', hello: 'from lambda-function-1', world: 'from lambda-function-2' });
    expect(result.stderr).toBe(
      [
        `started ${arnOf('HelloWorldLambdas').replace(':stateMachine:', ':execution:')}:first-run`,
        'entered  hellow-lambda',
        'exited   hellow-lambda',
        'entered  world-lambda',
        'exited   world-lambda',
        '',
      ].join('\n'),
    );
  });

  it('seed 002: start --wait exits 0 only on SUCCEEDED; a failed execution prints its error and cause and exits 1', async () => {
    const bought = await cli(['start', 'StockTrader', '--input', '{"price": 30}', '--wait', '--output', 'json']);
    expect(bought.code).toBe(0);
    expect(JSON.parse(bought.stdout)).toMatchObject({ status: 'SUCCEEDED', output: '{}' });
    expect(putItems).toEqual([{ TableName: 'StockTradingTransactions', Item: { Id: { S: 'trade-1' }, Type: { S: 'buy' }, Price: { N: '30' }, Quantity: { N: '10' }, Timestamp: { S: '2024-01-01T00:00:00Z' } } }]);

    const sold = await cli(['start', 'StockTrader', '--input', '{"price": 80}', '--wait']);
    expect(sold).toMatchObject({ code: 1, stdout: '' });
    expect(sold.stderr).toContain('entered  Sell Stock\n');
    expect(sold.stderr).toContain('failed   LambdaFunctionFailed: RangeError: ');
    const last = sold.stderr.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^typestep start: execution arn:aws:states:us-east-1:123456789012:execution:StockTrader:[\w-]+ FAILED: RangeError: \{.*"errorMessage":"the market is closed"/);
    failedArn = /execution (\S+) FAILED/.exec(last)![1]!;
  });

  it('on a terminal, progress is drawn with marks, colour and a status line', async () => {
    const result = await cli(['start', 'HelloWorldLambdas', '--wait'], personAtTerminal());
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('▶');
    expect(result.stderr).toContain('✔');
    expect(result.stderr).toContain('\r\x1b[2K');
    expect(result.stderr).toContain('events, last entered world-lambda');
    expect(result.stderr).not.toContain('entered  ');
  });

  it('executions lists them newest first, filtered by --status', async () => {
    const all = await cli(['executions', 'StockTrader']);
    expect(all.code).toBe(0);
    const rows = all.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^STATUS\s+STARTED\s+STOPPED\s+NAME\s+ARN$/);
    expect(rows.slice(1).map((row) => row.split(/\s+/)[0])).toEqual(['FAILED', 'SUCCEEDED']);
    const failed = JSON.parse((await cli(['executions', 'StockTrader', '--status', 'FAILED', '--output', 'json'])).stdout) as { executions: { executionArn: string }[] };
    expect(failed.executions.map((e) => e.executionArn)).toEqual([failedArn]);
    expect((await cli(['executions', 'StockTrader', '--status', 'ABORTED'])).stdout).toBe(`no ABORTED executions of ${arnOf('StockTrader')}\n`);
  });

  it('describe shows an execution (by ARN) and a state machine (by name)', async () => {
    const execution = await cli(['describe', failedArn]);
    expect(execution.code).toBe(0);
    expect(execution.stdout).toMatch(/^status:\s+FAILED$/m);
    expect(execution.stdout).toMatch(/^error:\s+RangeError$/m);
    expect(execution.stdout).toContain('input:\n{\n  "price": 80\n}\n');
    const machine = await cli(['describe', 'StockTrader']);
    expect(machine.stdout).toMatch(/^type:\s+STANDARD$/m);
    expect(machine.stdout).toContain(`"Resource": "${SUBSTITUTIONS.StockSellerFunctionArn}"`);
    const json = JSON.parse((await cli(['describe', 'StockTrader', '--output', 'json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ name: 'StockTrader', stateMachineArn: arnOf('StockTrader'), roleArn: ROLE });
    expect(json).not.toHaveProperty('$metadata');
  });

  it('history lists every event of an execution', async () => {
    const result = await cli(['history', failedArn]);
    expect(result.code).toBe(0);
    const types = result.stdout.trimEnd().split('\n').slice(1).map((row) => row.split(/\s+/)[2]);
    expect(types[0]).toBe('ExecutionStarted');
    expect(types).toContain('TaskStateEntered');
    expect(types.at(-1)).toBe('ExecutionFailed');
    expect(result.stdout).toMatch(/TaskStateEntered\s+Check Stock Value/);
    // The AWS CLI sees the same history.
    const events = ((await awsCli(['get-execution-history', '--execution-arn', failedArn])) as { events: { type: string }[] }).events;
    expect(events.map((event) => event.type)).toEqual(types);
  });

  it('stop ends a running execution ABORTED with the error and cause given', async () => {
    const started = await cli(['start', 'LoadJsonMap']);
    expect(started.code).toBe(0);
    const executionArn = started.stdout.trim();
    expect(executionArn).toMatch(/:execution:LoadJsonMap:/);
    const stopped = await cli(['stop', executionArn, '--error', 'Operator.Stop', '--cause', 'stopped by the test']);
    expect(stopped).toMatchObject({ code: 0, stderr: '' });
    expect(stopped.stdout).toMatch(new RegExp(`^stopped ${executionArn} at \\d{4}-\\d\\d-\\d\\dT`));
    const described = await awsCli(['describe-execution', '--execution-arn', executionArn]);
    expect(described).toMatchObject({ status: 'ABORTED' });
    const history = (await awsCli(['get-execution-history', '--execution-arn', executionArn])) as { events: { type: string; executionAbortedEventDetails?: unknown }[] };
    expect(history.events.at(-1)).toMatchObject({ type: 'ExecutionAborted', executionAbortedEventDetails: { error: 'Operator.Stop', cause: 'stopped by the test' } });
  });

  it('delete needs --yes or a yes at the terminal', async () => {
    const refused = await cli(['delete', 'LoadJsonMap']);
    expect(refused).toMatchObject({ code: 2, stderr: `typestep: deleting "LoadJsonMap" (${arnOf('LoadJsonMap')}) needs --yes when no one is at a terminal to confirm it; nothing was deleted\n` });
    const person = personAtTerminal('n', 'y');
    expect((await cli(['delete', 'LoadJsonMap'], person)).code).toBe(1);
    expect((await cli(['describe', 'LoadJsonMap'])).code).toBe(0);
    const deleted = await cli(['delete', 'LoadJsonMap'], person);
    expect(deleted).toMatchObject({ code: 0, stdout: `deleted LoadJsonMap ${arnOf('LoadJsonMap')}\n` });
    expect(person.questions).toEqual([
      `Delete the state machine "LoadJsonMap" at ${endpoint.url}, stopping its running executions? [y/N] `,
      `Delete the state machine "LoadJsonMap" at ${endpoint.url}, stopping its running executions? [y/N] `,
    ]);
    const listed = (await awsCli(['list-state-machines'])) as { stateMachines: { name: string }[] };
    expect(listed.stateMachines.map((machine) => machine.name)).not.toContain('LoadJsonMap');
  });

  it('an unknown state machine or execution is a clear failure', async () => {
    const byName = await cli(['start', 'LoadJsonMap', '--wait']);
    expect(byName.code).toBe(1);
    expect(byName.stderr).toMatch(/^typestep start: no state machine is named "LoadJsonMap" at http:\/\/127\.0\.0\.1:\d+ \(there are: "HelloWorldLambdas", .*"StockTrader"\); push it with "typestep push LoadJsonMap", or check --region and --profile\n$/);
    const byArn = await cli(['describe', arnOf('LoadJsonMap')]);
    expect(byArn).toMatchObject({ code: 1, stderr: `typestep describe: StateMachineDoesNotExist: State Machine Does Not Exist: '${arnOf('LoadJsonMap')}'\n` });
    const execution = await cli(['history', `${arnOf('StockTrader').replace(':stateMachine:', ':execution:')}:nope`]);
    expect(execution.code).toBe(1);
    expect(execution.stderr).toContain('typestep history: ExecutionDoesNotExist: ');
  });
}, 60_000);
