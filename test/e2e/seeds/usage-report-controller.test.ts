import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { compile } from '@typestep/compiler';
import { runWorkflow, startLocalEndpoint, virtualClock, type ExecutionResult, type LocalEndpoint, type ServiceOptions } from '@typestep/local';
import { usageTableDefinition } from '@typestep/runtime-handlers';
import {
  createMessageHandler,
  createStateMachineHandler,
  deleteStateMachineHandler,
  describeExecutionHandler,
  listObjectsHandler,
  putUsageHandler,
} from '@typestep/runtime-handlers/handlers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import controller from '../../../examples/001-s3-usage-report/controller.workflow.js';
import { putObjects } from '../../../packages/runtime-handlers/test/support/put-objects.js';
import { statesEntered } from './support/history.js';
import { lambdaTask } from './support/lambda-task.js';
import { clientConfig, localAws, startDynamoDbLocal, startS3AndSns, type DynamoDbLocal, type Fauxqs } from './support/local-aws.js';
import { snsNotifications } from './support/sns-inbox.js';

/**
 * Seed 001 end to end: the controller workflow runs in the local engine with its tasks bound to
 * the controller handlers. create-state-machine lists the buckets (fauxqs), builds the per-run
 * Parallel machine with the DSL and creates and starts it on a Step Functions endpoint
 * (@typestep/local's, in this process, whose tasks are the usage handlers); the controller polls
 * it with describe-execution and deletes it once it succeeded. The usage lands in DynamoDB Local
 * and the report in an SNS topic, read through an SQS queue subscribed to it.
 */

const FUNCTION = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const TABLE = 'S3Usage';
/** The seed's own error topic (its account is a placeholder); fauxqs keeps every topic in account 000000000000. */
const SEED_ERROR_TOPIC = 'arn:aws:sns:ap-northeast-1:123456789000:xxxxxxxxxx';
const LOCAL_ERROR_TOPIC = 'arn:aws:sns:ap-northeast-1:000000000000:xxxxxxxxxx';

/** Three buckets of known content: [key, size, how many]. */
const BUCKETS = {
  'seed-logs': [
    ['logs/2024/day-%.log', 100, 250],
    ['logs/archive/day-%.log.gz', 40, 50],
  ],
  'seed-media': [
    ['photos/IMG_%.JPG', 2_048, 120],
    ['photos/scan-%.png', 1_024, 80],
    ['videos/clip-%.mp4', 4_096, 40],
  ],
  'seed-docs': [
    ['docs/report-%.pdf', 500, 100],
    ['docs/%/README', 10, 30],
    ['docs/table-%.csv', 250, 20],
  ],
} as const;

/** The sums, worked out by hand from the table above. */
const EXPECTED_USAGE = {
  'seed-logs': { objects: 300, bytes: 27_000, byExtension: { log: [250, 25_000], gz: [50, 2_000] } },
  'seed-media': { objects: 240, bytes: 491_520, byExtension: { jpg: [120, 245_760], png: [80, 81_920], mp4: [40, 163_840] } },
  'seed-docs': { objects: 150, bytes: 55_300, byExtension: { pdf: [100, 50_000], '(none)': [30, 300], csv: [20, 5_000] } },
};

const EXPECTED_MESSAGE = [
  'S3 usage by extension: 3 buckets, 690 objects, 560.4 KiB',
  '',
  'seed-media: 240 objects, 480.0 KiB',
  '  jpg                 120 objects   240.0 KiB',
  '  mp4                  40 objects   160.0 KiB',
  '  png                  80 objects    80.0 KiB',
  '',
  'seed-docs: 150 objects, 54.0 KiB',
  '  pdf                 100 objects    48.8 KiB',
  '  csv                  20 objects     4.9 KiB',
  '  (none)               30 objects       300 B',
  '',
  'seed-logs: 300 objects, 26.4 KiB',
  '  log                 250 objects    24.4 KiB',
  '  gz                   50 objects     2.0 KiB',
].join('\n');

let fauxqs: Fauxqs;
let dynamo: DynamoDbLocal;
let endpoint: LocalEndpoint;
let dynamodb: DynamoDBClient;
let sfn: SFNClient;
let sqs: SQSClient;
let sqsTokyo: SQSClient;
let reportQueueUrl: string;
let errorQueueUrl: string;
let services: ServiceOptions;
const endpointLog: string[] = [];
/**
 * One virtual clock for the controller and the endpoint: its 30-second Wait passes at once, but
 * not while a handler of the per-run machine is at work, so time moves as if both ran together.
 */
const clock = virtualClock();

/** The controller as deployed here: the seed's definition (ASL text), its error topic moved to the local account. */
const definition = JSON.stringify(compile(controller).definition).replaceAll(SEED_ERROR_TOPIC, LOCAL_ERROR_TOPIC);
const controllerTasks = {
  'create-state-machine': lambdaTask(createStateMachineHandler),
  'describe-execution': lambdaTask(describeExecutionHandler),
  'delete-state-machine': lambdaTask(deleteStateMachineHandler),
};

beforeAll(async () => {
  [fauxqs, dynamo] = await Promise.all([startS3AndSns(), startDynamoDbLocal()]);
  const { topicArn: reportTopic } = fauxqs.createTopic('usage-report');
  reportQueueUrl = fauxqs.createQueue('usage-report-inbox').queueUrl;
  fauxqs.subscribe({ topic: 'usage-report', queue: 'usage-report-inbox' });
  fauxqs.createTopic('xxxxxxxxxx', { region: 'ap-northeast-1' });
  errorQueueUrl = fauxqs.createQueue('controller-errors', { region: 'ap-northeast-1' }).queueUrl;
  fauxqs.subscribe({ topic: 'xxxxxxxxxx', queue: 'controller-errors', region: 'ap-northeast-1' });

  const usageFunctions = {
    'list-objects': lambdaTask(listObjectsHandler),
    'put-dynamodb': lambdaTask(putUsageHandler),
    'create-message': lambdaTask(createMessageHandler),
  };
  endpoint = await startLocalEndpoint({
    port: 0,
    clock,
    tasks: usageFunctions,
    services: localAws({ s3: fauxqs.address, sns: fauxqs.address, dynamodb: dynamo.endpoint }),
    log: (text) => void endpointLog.push(text),
  });
  services = localAws({ s3: fauxqs.address, sns: fauxqs.address, dynamodb: dynamo.endpoint, sfn: endpoint.url });
  Object.assign(process.env, {
    USAGE_TABLE: TABLE,
    LIST_OBJECTS_FUNCTION_ARN: FUNCTION('list-objects'),
    PUT_USAGE_FUNCTION_ARN: FUNCTION('put-dynamodb'),
    CREATE_MESSAGE_FUNCTION_ARN: FUNCTION('create-message'),
    REPORT_TOPIC_ARN: reportTopic,
    STATE_MACHINE_ROLE_ARN: 'arn:aws:iam::123456789012:role/usage-report-machine',
  });

  dynamodb = new DynamoDBClient(clientConfig(dynamo.endpoint));
  sfn = new SFNClient(clientConfig(endpoint.url));
  sqs = new SQSClient(clientConfig(fauxqs.address));
  sqsTokyo = new SQSClient({ ...clientConfig(fauxqs.address), region: 'ap-northeast-1' });
  await dynamodb.send(new CreateTableCommand(usageTableDefinition(TABLE)));
  const s3 = new S3Client(clientConfig(fauxqs.address));
  for (const [bucket, groups] of Object.entries(BUCKETS)) {
    fauxqs.createBucket(bucket);
    const objects = groups.flatMap(([pattern, size, count]) => Array.from({ length: count }, (_, i) => ({ key: pattern.replace('%', String(i)), size })));
    await putObjects(s3, bucket, objects);
  }
  s3.destroy();
}, 120_000);

afterAll(async () => {
  for (const client of [dynamodb, sfn, sqs, sqsTokyo]) client?.destroy();
  await endpoint?.close();
  await Promise.all([fauxqs?.stop(), dynamo?.stop()]);
});

const runController = () => runWorkflow(definition, { tasks: controllerTasks, services, clock });

/** What a state of the controller passed on, each time it ran. */
function outputsOf(result: ExecutionResult, state: string): Record<string, string>[] {
  return result.events
    .filter((event) => event.type === 'TaskStateExited' && event.stateExitedEventDetails!.name === state)
    .map((event) => JSON.parse(event.stateExitedEventDetails!.output!) as Record<string, string>);
}

async function usageItems() {
  const { Items = [] } = await dynamodb.send(new ScanCommand({ TableName: TABLE }));
  return Items;
}

describe("seed 001's controller, with the per-run machine on the local Step Functions endpoint", () => {
  it('reports each bucket\'s usage by extension into DynamoDB and the summary to SNS, then deletes the machine', async () => {
    const result = await runController();

    expect({ error: result.error, cause: result.cause }).toEqual({ error: undefined, cause: undefined });
    expect(result.status).toBe('SUCCEEDED');
    const states = statesEntered(result);
    expect(states.slice(0, 3)).toEqual(['CreateStateMachine', 'DescribeExecution', 'Choice']);
    expect(states.at(-1)).toBe('DeleteStateMachine');
    // Every poll that found it RUNNING waited and described it again.
    expect(states.slice(3, -1).join()).toMatch(/^(Wait,DescribeExecution,Choice,?)*$/);

    // What describe-execution read from the endpoint last: the per-run execution, finished.
    const [{ exeArn }] = outputsOf(result, 'CreateStateMachine') as [{ exeArn: string }];
    const runId = exeArn.split(':').at(-1)!;
    const machineArn = `arn:aws:states:us-east-1:123456789012:stateMachine:S3UsageReport-${runId}`;
    expect(runId).toMatch(/^\d{8}T\d{6}Z-[0-9a-f]{8}$/);
    expect(outputsOf(result, 'DescribeExecution').at(-1)).toEqual({ exeArn, status: 'SUCCEEDED', stateArn: machineArn });
    expect(result.output).toEqual({ deleted: machineArn });
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machineArn }))).rejects.toMatchObject({
      name: 'StateMachineDoesNotExist',
    });

    // One item per bucket, keyed by the run (the per-run execution's name).
    const items = (await usageItems()).filter((item) => item['RunId']!.S === runId);
    const byBucket = (a: { Bucket?: { S?: string } }, b: { Bucket?: { S?: string } }) => a.Bucket!.S!.localeCompare(b.Bucket!.S!);
    expect(items.sort(byBucket)).toEqual(
      Object.entries(EXPECTED_USAGE)
        .map(([bucket, usage]) => ({
          Bucket: { S: bucket },
          RunId: { S: runId },
          Objects: { N: String(usage.objects) },
          Bytes: { N: String(usage.bytes) },
          ByExtension: {
            M: Object.fromEntries(
              Object.entries(usage.byExtension).map(([extension, [objects, bytes]]) => [extension, { M: { Objects: { N: String(objects) }, Bytes: { N: String(bytes) } } }]),
            ),
          },
          StoredAt: { S: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) },
        }))
        .sort(byBucket),
    );

    expect(await snsNotifications(sqs, reportQueueUrl)).toEqual([expect.objectContaining({ Message: EXPECTED_MESSAGE, TopicArn: process.env['REPORT_TOPIC_ARN'] })]);
    expect(await snsNotifications(sqsTokyo, errorQueueUrl)).toEqual([]);
    expect(endpointLog).toEqual([]);
  });

  it('a per-run machine that fails (the usage table is missing) takes the Error path: "Error" to SNS, the machine kept', async () => {
    process.env['USAGE_TABLE'] = 'no-such-table';
    let result: ExecutionResult;
    try {
      result = await runController();
    } finally {
      process.env['USAGE_TABLE'] = TABLE;
    }

    // The seed's controller ends with its Error task (an SNS Publish), so the controller itself succeeds.
    expect({ error: result.error, cause: result.cause }).toEqual({ error: undefined, cause: undefined });
    expect(result.status).toBe('SUCCEEDED');
    expect(statesEntered(result).at(-1)).toBe('Error');
    expect(statesEntered(result)).not.toContain('DeleteStateMachine');

    const [{ exeArn }] = outputsOf(result, 'CreateStateMachine') as [{ exeArn: string }];
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: exeArn }));
    expect(execution.status).toBe('FAILED');
    // put-usage's DynamoDB error, by the name Lambda reports it under.
    expect(execution.error).toBe('ResourceNotFoundException');
    // Kept for a person to look at.
    expect((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: execution.stateMachineArn }))).stateMachineArn).toBe(
      execution.stateMachineArn,
    );

    expect(await snsNotifications(sqsTokyo, errorQueueUrl)).toEqual([expect.objectContaining({ Message: 'Error', TopicArn: LOCAL_ERROR_TOPIC })]);
    expect(await snsNotifications(sqs, reportQueueUrl)).toEqual([]);
    // Nothing stored for the failed run.
    expect((await usageItems()).map((item) => item['RunId']!.S)).not.toContain(execution.name);
  });
});
