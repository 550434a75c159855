import { CreateStateMachineCommand, GetExecutionHistoryCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { TaskHandler } from '@typestep/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, referenceDefinition, ROLE_ARN, startTestEndpoint, waitForEnd, type TestEndpoint } from './support/endpoint.js';
import { STOCK_TRADER_SUBSTITUTIONS, stockTraderTasks } from './support/seed-handlers.js';

// The seed state machines (../shared/reference-asl), created through the endpoint with their
// placeholders substituted and run with local handlers, on the virtual clock (their Wait states and
// polling loops pass at once).

const SEED_001 = 'arn:aws:lambda:ap-northeast-1:123456789000:function';
const published: unknown[] = [];

/** Seed 001's controller: it polls the status of the job it started until it is no longer RUNNING. */
const controllerTasks: Record<string, TaskHandler> = {
  [`${SEED_001}:create-state-machine`]: (input) => ({ outcome: (input as { outcome: string }).outcome, polls: 0 }),
  [`${SEED_001}:describe-execution`]: (input) => {
    const { outcome, polls } = input as { outcome: string; polls: number };
    return { outcome, polls: polls + 1, status: polls + 1 < 3 ? 'RUNNING' : outcome };
  },
  [`${SEED_001}:delete-state-machine`]: (input) => ({ deleted: true, polls: (input as { polls: number }).polls }),
  'arn:aws:states:::sns:publish': (input) => {
    published.push(input);
    return { MessageId: `message-${published.length}` };
  },
};

/** Seed 003's functions, called through lambda:invoke (bound by function name). */
const mapTasks: Record<string, TaskHandler> = {
  testLoadJSONfromS3: () => [{ n: 1 }, { n: 2 }, { n: 3 }],
  test001: (input) => ({ doubled: (input as { n: number }).n * 2 }),
};

const stockTrader = stockTraderTasks();
let test: TestEndpoint;
let sfn: SFNClient;
beforeAll(async () => {
  test = await startTestEndpoint({ clock: 'virtual', tasks: { ...stockTrader.tasks, ...controllerTasks, ...mapTasks } });
  sfn = test.sfn;
});
afterAll(async () => {
  await test.close();
  await cleanup();
});

async function run(file: string, name: string, input: unknown, substitutions: Record<string, string> = {}) {
  const definition = await referenceDefinition(file, substitutions);
  const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN }));
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
  const execution = await waitForEnd(sfn, executionArn!);
  const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
  return { execution, events: events!, output: execution.output === undefined ? undefined : JSON.parse(execution.output) };
}

describe('the seed state machines through the endpoint', () => {
  it('002 stock trader: buys at 50 or below, sells above, and records the trade in DynamoDB', async () => {
    const buy = await run('002-1.asl.json', 'StockTrader', { price: 30 }, STOCK_TRADER_SUBSTITUTIONS);
    expect(buy.execution.status).toBe('SUCCEEDED');
    expect(buy.events.filter((event) => event.type === 'TaskStateEntered').map((event) => event.stateEnteredEventDetails!.name)).toEqual([
      'Check Stock Value',
      'Buy Stock',
      'Record Transaction',
    ]);
    const sell = await run('002-1.asl.json', 'StockTrader', { price: 70 }, STOCK_TRADER_SUBSTITUTIONS);
    expect(sell.execution.status).toBe('SUCCEEDED');
    expect(stockTrader.items).toEqual([
      { TableName: 'StockTransactions', Item: { Id: { S: 'buy-1' }, Type: { S: 'buy' }, Price: { N: '30' }, Quantity: { N: '10' }, Timestamp: { S: '2024-01-01T00:00:00Z' } } },
      { TableName: 'StockTransactions', Item: { Id: { S: 'sell-1' }, Type: { S: 'sell' }, Price: { N: '70' }, Quantity: { N: '10' }, Timestamp: { S: '2024-01-01T00:00:00Z' } } },
    ]);
  });

  it('001 report controller: polls every 30 s until done, or publishes the error to SNS', async () => {
    const done = await run('001-1.asl.json', 'ReportController', { outcome: 'SUCCEEDED' });
    expect(done.output).toEqual({ deleted: true, polls: 3 });
    const waits = done.events.filter((event) => event.type === 'WaitStateEntered' || event.type === 'WaitStateExited');
    expect(waits).toHaveLength(4);
    expect(waits[1]!.timestamp!.getTime() - waits[0]!.timestamp!.getTime()).toBe(30_000);

    const failed = await run('001-1.asl.json', 'ReportControllerOnError', { outcome: 'FAILED' });
    expect(failed.output).toEqual({ MessageId: 'message-1' });
    expect(published).toEqual([{ TopicArn: 'arn:aws:sns:ap-northeast-1:123456789000:xxxxxxxxxx', Message: 'Error' }]);
  });

  it('003 map: loads a list, then calls a function for each item, one at a time', async () => {
    const { execution, output, events } = await run('003-3.asl.json', 'LoadAndMap', {});
    expect(execution.status).toBe('SUCCEEDED');
    expect(output).toEqual([{ doubled: 2 }, { doubled: 4 }, { doubled: 6 }]);
    expect(events.filter((event) => event.type === 'MapIterationSucceeded')).toHaveLength(3);
  });
});
