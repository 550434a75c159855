import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, DescribeStateMachineCommand, GetExecutionHistoryCommand, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { validateDefinitionText } from '@typestep/compiler';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createStateMachineContract, describeExecutionContract } from '../../src/controller/contract.js';
import { createStateMachineHandler } from '../../src/controller/create-state-machine.js';
import { deleteStateMachineHandler } from '../../src/controller/delete-state-machine.js';
import { describeExecutionHandler } from '../../src/controller/describe-execution.js';
import { ConfigurationError, InvalidRequest, NoBuckets } from '../../src/errors.js';
import { createMessageHandler } from '../../src/usage/create-message.js';
import { listObjectsHandler } from '../../src/usage/list-objects.js';
import { putUsageHandler } from '../../src/usage/put-usage.js';
import { usageTableDefinition } from '../../src/usage/usage-table.js';
import { useLocalAws } from '../support/aws-environment.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../support/dynamodb-local.js';
import { startS3AndSns, type Fauxqs } from '../support/fauxqs.js';
import { gate, pollUntil, startLocalStepFunctions, type LocalStepFunctions } from '../support/local-step-functions.js';
import { putObjects } from '../support/put-objects.js';

const FUNCTION = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const TABLE = 'S3Usage';
const ENVIRONMENT = {
  LIST_OBJECTS_FUNCTION_ARN: FUNCTION('list-objects'),
  PUT_USAGE_FUNCTION_ARN: FUNCTION('put-dynamodb'),
  CREATE_MESSAGE_FUNCTION_ARN: FUNCTION('create-message'),
  REPORT_TOPIC_ARN: '',
  STATE_MACHINE_ROLE_ARN: 'arn:aws:iam::123456789012:role/usage-report-machine',
  USAGE_TABLE: TABLE,
};

/** The machine seed 001 generates for three buckets. */
const seedMachine = JSON.parse(readFileSync(new URL('../../../../../shared/reference-asl/001-2-dynamic-3-buckets.asl.json', import.meta.url), 'utf8'));

/** Holds every list-objects call until the test opens it, so the run is seen RUNNING first. */
const listing = gate();

let aws: Fauxqs;
let dynamo: DynamoDbLocal;
let stepFunctions: LocalStepFunctions;
beforeAll(async () => {
  [aws, dynamo] = await Promise.all([startS3AndSns({ spy: true }), startDynamoDbLocal()]);
  ENVIRONMENT.REPORT_TOPIC_ARN = aws.createTopic('usage-report').topicArn;
  // The per-run machine's tasks, bound to the functions they name (as Lambda would run them);
  // its SNS Publish goes to fauxqs.
  stepFunctions = await startLocalStepFunctions({
    tasks: {
      [ENVIRONMENT.LIST_OBJECTS_FUNCTION_ARN]: async (input) => {
        await listing.wait();
        return listObjectsHandler(input);
      },
      [ENVIRONMENT.PUT_USAGE_FUNCTION_ARN]: (input) => putUsageHandler(input),
      [ENVIRONMENT.CREATE_MESSAGE_FUNCTION_ARN]: (input) => createMessageHandler(input),
    },
    services: { endpoints: { sns: aws.address } },
  });
  useLocalAws({ s3: aws.address, sns: aws.address, dynamodb: dynamo.endpoint, sfn: stepFunctions.endpoint.url });
  Object.assign(process.env, ENVIRONMENT);
  const dynamodb = new DynamoDBClient({});
  await dynamodb.send(new CreateTableCommand(usageTableDefinition(TABLE)));
  dynamodb.destroy();
  const s3 = new S3Client({});
  for (const bucket of ['bucket-a', 'bucket-b', 'bucket-c']) aws.createBucket(bucket);
  await putObjects(s3, 'bucket-a', [
    { key: 'a.jpg', size: 100 },
    { key: 'b.jpg', size: 50 },
    { key: 'notes.txt', size: 7 },
  ]);
  await putObjects(s3, 'bucket-b', [{ key: 'c.png', size: 10 }]);
  s3.destroy();
}, 120_000);
afterAll(() => Promise.all([aws?.stop(), dynamo?.stop(), stepFunctions?.stop()]));

describe("seed 001's controller, as its workflow calls it, against @typestep/local's Step Functions", () => {
  let exeArn: string;

  test('create-state-machine builds, compiles, creates and starts the per-run Parallel machine', async () => {
    // The console's default execution input.
    const result = await createStateMachineHandler({ Comment: 'Insert your JSON here' });
    expect(createStateMachineContract.output.parse(result)).toEqual(result);
    exeArn = result.exeArn;

    const { sfn } = stepFunctions;
    const { stateMachines } = await sfn.send(new ListStateMachinesCommand({}));
    expect(stateMachines).toHaveLength(1);
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: exeArn }));
    const machine = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: execution.stateMachineArn }));
    expect(execution.status).toBe('RUNNING');
    expect(machine.name).toBe(`S3UsageReport-${execution.name}`);
    expect(execution.name).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/);
    expect(machine.roleArn).toBe(ENVIRONMENT.STATE_MACHINE_ROLE_ARN);
    expect(JSON.parse(execution.input!)).toEqual({ '0': 'bucket-a', '1': 'bucket-b', '2': 'bucket-c' });

    // Valid by the same rules `typestep validate` applies, read back from what the API received.
    expect(validateDefinitionText(machine.definition!, { workflow: machine.name! })).toEqual([]);
    const definition = JSON.parse(machine.definition!);
    // The seed's skeleton: Parallel → CreateMessage → Publish, a ListObject<i> → PutDynamoDB<i> branch per bucket.
    const states = (d: { States: Record<string, unknown> }) => Object.keys(d.States);
    expect(definition.States.Parallel.Branches).toHaveLength(seedMachine.States.Parallel.Branches.length);
    expect(states(definition)).toEqual(states(seedMachine).filter((name) => name !== 'Pass'));
    definition.States.Parallel.Branches.forEach((branch: { States: Record<string, { Resource?: string; Parameters?: object }> }, i: number) => {
      expect(Object.keys(branch.States)).toEqual([`Start${i}`, `ListObject${i}`, `Listed${i}`, `PutDynamoDB${i}`]);
      expect(branch.States[`Start${i}`]!.Parameters).toEqual({ 'bucket.$': `$.${i}`, 'runId.$': '$$.Execution.Name' });
      expect(branch.States[`ListObject${i}`]!.Resource).toBe(ENVIRONMENT.LIST_OBJECTS_FUNCTION_ARN);
      expect(branch.States[`PutDynamoDB${i}`]!.Resource).toBe(ENVIRONMENT.PUT_USAGE_FUNCTION_ARN);
    });
    expect(definition.States.CreateMessage.Resource).toBe(ENVIRONMENT.CREATE_MESSAGE_FUNCTION_ARN);
    expect(definition.States.Publish.Parameters).toEqual({ TopicArn: ENVIRONMENT.REPORT_TOPIC_ARN, 'Message.$': '$.message' });
  });

  test('the run really runs: describe-execution reports RUNNING, then SUCCEEDED, with the usage stored and the report published', async () => {
    const running = await describeExecutionHandler({ exeArn });
    expect(running).toEqual({ exeArn, status: 'RUNNING', stateArn: expect.stringContaining(':stateMachine:S3UsageReport-') });
    expect(describeExecutionContract.output.parse(running)).toEqual(running);

    listing.open();
    // What the controller's Wait → describe-execution → Choice loop does, without the Wait.
    const ended = await pollUntil(() => describeExecutionHandler(running), (result) => result.status !== 'RUNNING');
    const execution = await stepFunctions.sfn.send(new DescribeExecutionCommand({ executionArn: exeArn }));
    expect({ status: ended.status, error: execution.error, cause: execution.cause }).toEqual({ status: 'SUCCEEDED', error: undefined, cause: undefined });

    // Every task ran its handler: one list-objects and one put-usage per bucket, then the message.
    const { events } = await stepFunctions.sfn.send(new GetExecutionHistoryCommand({ executionArn: exeArn, maxResults: 1000 }));
    const exited = events!.filter((event) => event.type === 'TaskStateExited').map((event) => event.stateExitedEventDetails!.name);
    expect(exited.sort()).toEqual(['CreateMessage', 'ListObject0', 'ListObject1', 'ListObject2', 'Publish', 'PutDynamoDB0', 'PutDynamoDB1', 'PutDynamoDB2']);

    // put-usage stored one item per bucket under the run id (the execution's name) in DynamoDB Local.
    const dynamodb = new DynamoDBClient({});
    const runId = execution.name!;
    const stored = await Promise.all(
      ['bucket-a', 'bucket-b', 'bucket-c'].map(async (bucket) => {
        const { Item } = await dynamodb.send(new GetItemCommand({ TableName: TABLE, Key: { Bucket: { S: bucket }, RunId: { S: runId } } }));
        return [bucket, Item?.['Objects']?.N, Item?.['Bytes']?.N];
      }),
    );
    dynamodb.destroy();
    expect(stored).toEqual([
      ['bucket-a', '3', '157'],
      ['bucket-b', '1', '10'],
      ['bucket-c', '0', '0'],
    ]);

    // create-message's text reached the topic through the Publish state.
    const published = await aws.spy.waitForMessage({ service: 'sns', topicName: 'usage-report' }, 'published', 5_000);
    expect(published).toMatchObject({ body: expect.stringMatching(/^S3 usage by extension: 3 buckets, 4 objects/) });
    expect(JSON.parse(execution.output!)).toMatchObject({ MessageId: expect.any(String) });

    // The controller's Choice passes describe-execution's whole result on.
    expect(await deleteStateMachineHandler(ended)).toEqual({ deleted: ended.stateArn });
    expect((await stepFunctions.sfn.send(new ListStateMachinesCommand({}))).stateMachines).toEqual([]);
  });

  test("an execution that does not exist is the API's own ExecutionDoesNotExist error", async () => {
    const exeArn = 'arn:aws:states:us-east-1:123456789012:execution:S3UsageReport-x:missing';
    await expect(describeExecutionHandler({ exeArn })).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });
});

describe('what the controller refuses', () => {
  test.each([
    ['create-state-machine given a string', () => createStateMachineHandler('go')],
    ['describe-execution without exeArn', () => describeExecutionHandler({})],
    ['describe-execution given a state machine ARN', () => describeExecutionHandler({ exeArn: 'arn:aws:states:us-east-1:1:stateMachine:M' })],
    ['delete-state-machine without stateArn', () => deleteStateMachineHandler({ exeArn: 'x' })],
  ])('%s is InvalidRequest', async (_what, run) => {
    await expect(run()).rejects.toBeInstanceOf(InvalidRequest);
  });

  test('a missing function ARN is a ConfigurationError naming the variable', async () => {
    delete process.env['PUT_USAGE_FUNCTION_ARN'];
    try {
      const error = (await createStateMachineHandler({}).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toMatch(/^PUT_USAGE_FUNCTION_ARN is not set: it names the put-usage function/);
    } finally {
      Object.assign(process.env, ENVIRONMENT);
    }
  });

  test('an account without buckets is NoBuckets, and nothing is created', async () => {
    const machines = async () => (await stepFunctions.sfn.send(new ListStateMachinesCommand({}))).stateMachines!.length;
    const machinesBefore = await machines();
    aws.purgeAll();
    await expect(createStateMachineHandler({})).rejects.toBeInstanceOf(NoBuckets);
    expect(await machines()).toBe(machinesBefore);
  });
});
