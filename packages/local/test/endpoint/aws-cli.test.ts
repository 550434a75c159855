import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsJson, awsStepFunctions } from './support/aws-cli.js';
import { cleanup, referenceDefinition, ROLE_ARN, startTestEndpoint, tempDir, type TestEndpoint } from './support/endpoint.js';
import { STOCK_TRADER_SUBSTITUTIONS, stockTraderTasks } from './support/seed-handlers.js';

// The AWS CLI (Debian's `awscli` package; CI installs it) against the endpoint, as a user would
// drive it: every command parses the endpoint's answers with botocore, errors included. Each `aws`
// process takes a second or two to start, hence the longer timeout. (start-sync-execution is left
// to the SDK tests: the CLI sends it to "sync-<host>", which only CLIs recent enough to honour
// AWS_DISABLE_HOST_PREFIX_INJECTION=true can be told not to do; Debian's 2.9 cannot.)

let test: TestEndpoint;
let home: string;
let url: string;
const aws = <T = Record<string, unknown>>(...args: string[]) => awsJson<T>(url, home, args);

beforeAll(async () => {
  test = await startTestEndpoint({ tasks: stockTraderTasks().tasks });
  url = test.endpoint.url;
  home = await tempDir();
});
afterAll(async () => {
  await test.close();
  await cleanup();
});

async function definitionFile(name: string, text: string): Promise<string> {
  const file = join(home, name);
  await writeFile(file, text);
  return `file://${file}`;
}

describe('the AWS CLI', { timeout: 180_000 }, () => {
  it('creates the stock trader seed machine, runs it, and reads its history', async () => {
    const definition = await definitionFile('stock-trader.asl.json', await referenceDefinition('002-1.asl.json', STOCK_TRADER_SUBSTITUTIONS));
    const created = await aws<{ stateMachineArn: string; creationDate: number | string }>('create-state-machine', '--name', 'StockTrader', '--definition', definition, '--role-arn', ROLE_ARN);
    expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:StockTrader');

    const listed = await aws<{ stateMachines: { name: string; type: string }[] }>('list-state-machines');
    expect(listed.stateMachines).toContainEqual(expect.objectContaining({ name: 'StockTrader', type: 'STANDARD' }));

    const { executionArn } = await aws<{ executionArn: string }>('start-execution', '--state-machine-arn', created.stateMachineArn, '--name', 'trade-1', '--input', '{"symbol":"AMZN"}');
    let execution: { status: string; output?: string };
    do execution = await aws('describe-execution', '--execution-arn', executionArn);
    while (execution.status === 'RUNNING');
    expect(execution.status).toBe('SUCCEEDED');

    const { events } = await aws<{ events: { type: string; id: number }[] }>('get-execution-history', '--execution-arn', executionArn);
    expect(events[0]!.type).toBe('ExecutionStarted');
    expect(events.at(-1)!.type).toBe('ExecutionSucceeded');
    expect(events.map((event) => event.type)).toContain('ChoiceStateEntered');
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));

    // The CLI pages through everything itself (--page-size sets maxResults): the endpoint's tokens must work for botocore.
    const paged = await aws<{ events: { id: number }[] }>('get-execution-history', '--execution-arn', executionArn, '--reverse-order', '--page-size', '2');
    expect(paged.events.map((event) => event.id)).toEqual(events.map((event) => event.id).reverse());
  });

  it('lists executions with a status filter, stops one, and deletes the machine', async () => {
    const definition = await definitionFile('wait.asl.json', JSON.stringify({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 3600, End: true } } }));
    const { stateMachineArn } = await aws<{ stateMachineArn: string }>('create-state-machine', '--name', 'Waiter', '--definition', definition, '--role-arn', ROLE_ARN);
    const { executionArn } = await aws<{ executionArn: string }>('start-execution', '--state-machine-arn', stateMachineArn, '--input', '{}');

    const running = await aws<{ executions: { executionArn: string; status: string }[] }>('list-executions', '--state-machine-arn', stateMachineArn, '--status-filter', 'RUNNING');
    expect(running.executions.map((e) => e.executionArn)).toEqual([executionArn]);

    const stopped = await aws<{ stopDate: unknown }>('stop-execution', '--execution-arn', executionArn, '--error', 'Cli.Stop', '--cause', 'from the AWS CLI');
    expect(stopped.stopDate).toBeDefined();
    expect(await aws('describe-execution', '--execution-arn', executionArn)).toMatchObject({ status: 'ABORTED', error: 'Cli.Stop', cause: 'from the AWS CLI' });

    await aws('delete-state-machine', '--state-machine-arn', stateMachineArn);
    const listed = await aws<{ stateMachines: { name: string }[] }>('list-state-machines');
    expect(listed.stateMachines.map((machine) => machine.name)).not.toContain('Waiter');
  });

  it("prints the endpoint's errors as AWS's named errors and exits non-zero", async () => {
    const result = await awsStepFunctions(url, home, ['describe-state-machine', '--state-machine-arn', 'arn:aws:states:us-east-1:123456789012:stateMachine:Missing']);
    expect(result.code).not.toBe(0);
    // (CLI v2 adds "(reached max retries: 0)" before the colon.)
    expect(result.stderr).toMatch(/An error occurred \(StateMachineDoesNotExist\) when calling the DescribeStateMachine operation( \(reached max retries: \d+\))?: State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Missing'/);

    const invalid = await awsStepFunctions(url, home, ['create-state-machine', '--name', 'Broken', '--definition', '{"StartAt":"A","States":{}}', '--role-arn', ROLE_ARN]);
    expect(invalid.code).not.toBe(0);
    expect(invalid.stderr).toMatch(/An error occurred \(InvalidDefinition\) when calling the CreateStateMachine operation.*: Invalid State Machine Definition: /);

    const name = await awsStepFunctions(url, home, ['create-state-machine', '--name', 'bad name', '--definition', '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}', '--role-arn', ROLE_ARN]);
    expect(name.stderr).toContain('An error occurred (InvalidName) when calling the CreateStateMachine operation');
  });
});
