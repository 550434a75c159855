import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { runExecution, runWorkflow, type ChildExecution, type ExecutionResult, type ServiceOptions } from '@typestep/local';
import { sumUsageBatchHandler } from '@typestep/runtime-handlers/handlers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import usageReportModern from '../../../examples/001-s3-usage-report/usage-report-modern.workflow.js';
import { putObjects } from '../../../packages/runtime-handlers/test/support/put-objects.js';
import { eventsOf, statesEntered } from './support/history.js';
import { lambdaTask } from './support/lambda-task.js';
import { clientConfig, localAws, startDynamoDbLocal, startS3AndSns, type DynamoDbLocal, type Fauxqs } from './support/local-aws.js';
import { snsNotifications } from './support/sns-inbox.js';

/**
 * The modern usage report end to end in the local engine: a Distributed Map reads the bucket's
 * listing from fauxqs's S3 (ListObjectsV2) and hands it to child executions in batches of 1,000,
 * each calling the real sum-usage-batch handler through lambda:invoke (bound by its FunctionName
 * placeholder); the merged sums go to DynamoDB Local (dynamodb:putItem) and a summary to an SNS
 * topic (sns:publish), through the engine's SDK integrations.
 */

const BUCKET = 'usage-modern';
const TABLE = 'S3UsageModern';

/** 2,600 objects of known content: [key, size, how many]. ListObjectsV2 returns them in key order. */
const OBJECTS = [
  ['data/%/part.csv.gz', 300, 150],
  ['images/photo-%.jpg', 1_000, 1_200],
  ['images/raw/shot-%.PNG', 2_500, 800],
  ['logs/%.log', 50, 400],
  ['misc/%/LICENSE', 7, 50],
] as const;

/**
 * The sums, worked out by hand. The group-by keeps extensions in the order the batches first
 * name them: batch 1 (keys 1–1,000) has gz and jpg, batch 2 jpg and png, batch 3 png, log and
 * (none) — each batch's rows in alphabetical order.
 */
const EXPECTED_USAGE = {
  gz: { bytes: 45_000, objects: 150 },
  jpg: { bytes: 1_200_000, objects: 1_200 },
  png: { bytes: 2_000_000, objects: 800 },
  '(none)': { bytes: 350, objects: 50 },
  log: { bytes: 20_000, objects: 400 },
};
const EXPECTED_MESSAGE =
  'Bucket usage-modern: 2600 objects. gz 45000 bytes in 150 objects; jpg 1200000 bytes in 1200 objects; ' +
  'png 2000000 bytes in 800 objects; (none) 350 bytes in 50 objects; log 20000 bytes in 400 objects';

let fauxqs: Fauxqs;
let dynamo: DynamoDbLocal;
let dynamodb: DynamoDBClient;
let sqs: SQSClient;
let services: ServiceOptions;
let reportTopic: string;
let reportQueueUrl: string;

beforeAll(async () => {
  [fauxqs, dynamo] = await Promise.all([startS3AndSns(), startDynamoDbLocal()]);
  services = localAws({ s3: fauxqs.address, sns: fauxqs.address, dynamodb: dynamo.endpoint });
  reportTopic = fauxqs.createTopic('usage-report').topicArn;
  reportQueueUrl = fauxqs.createQueue('usage-report-inbox').queueUrl;
  fauxqs.subscribe({ topic: 'usage-report', queue: 'usage-report-inbox' });
  fauxqs.createBucket(BUCKET);

  dynamodb = new DynamoDBClient(clientConfig(dynamo.endpoint));
  sqs = new SQSClient(clientConfig(fauxqs.address));
  // The keys the workflow's putItem writes.
  await dynamodb.send(
    new CreateTableCommand({
      TableName: TABLE,
      KeySchema: [
        { AttributeName: 'bucket', KeyType: 'HASH' },
        { AttributeName: 'runId', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'bucket', AttributeType: 'S' },
        { AttributeName: 'runId', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  const s3 = new S3Client(clientConfig(fauxqs.address));
  const objects = OBJECTS.flatMap(([pattern, size, count]) => Array.from({ length: count }, (_, i) => ({ key: pattern.replace('%', String(i)), size })));
  await putObjects(s3, BUCKET, objects);
  s3.destroy();
}, 120_000);

afterAll(async () => {
  dynamodb?.destroy();
  sqs?.destroy();
  await Promise.all([fauxqs?.stop(), dynamo?.stop()]);
});

/** Runs the report; the Distributed Map's children are recorded as they start. */
async function report(options: { bucket: string; name: string; table?: string }): Promise<{ result: ExecutionResult; children: ChildExecution[] }> {
  const children: ChildExecution[] = [];
  const result = await runWorkflow(usageReportModern, {
    input: { bucket: options.bucket },
    name: options.name,
    substitutions: {
      SumUsageBatchFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:sum-usage-batch',
      UsageTable: options.table ?? TABLE,
      ReportTopicArn: reportTopic,
    },
    tasks: { SumUsageBatchFunctionArn: lambdaTask(sumUsageBatchHandler) },
    services,
    startExecution: (child) => (children.push(child), runExecution({ ...child, definition: child.definition! })),
  });
  return { result, children };
}

const published = () => snsNotifications(sqs, reportQueueUrl);

describe('the modern usage report (JSONata, Distributed Map, DynamoDB, SNS)', () => {
  it('sums 2,600 objects in three batches of at most 1,000 and stores and publishes the exact sums', async () => {
    const { result, children } = await report({ bucket: BUCKET, name: 'report-2024-01' });

    expect({ error: result.error, cause: result.cause }).toEqual({ error: undefined, cause: undefined });
    expect(result.status).toBe('SUCCEEDED');
    // One child execution per batch, each with the bucket in BatchInput.
    expect(children.map((child) => (child.input as { Items: unknown[] }).Items.length)).toEqual([1_000, 1_000, 600]);
    expect(children.map((child) => (child.input as { BatchInput: unknown }).BatchInput)).toEqual([{ bucket: BUCKET }, { bucket: BUCKET }, { bucket: BUCKET }]);
    expect((children[0]!.input as { Items: unknown[] }).Items[0]).toEqual({
      Etag: expect.any(String),
      Key: 'data/0/part.csv.gz',
      LastModified: expect.any(Number),
      Size: 300,
      StorageClass: 'STANDARD',
    });
    expect(eventsOf(result, 'MapStateStarted')[0]?.mapStateStartedEventDetails).toEqual({ length: 3 });

    const { Items = [] } = await dynamodb.send(new ScanCommand({ TableName: TABLE }));
    expect(Items).toHaveLength(1);
    const [item] = Items;
    expect(item).toEqual({ bucket: { S: BUCKET }, runId: { S: 'report-2024-01' }, objects: { N: '2600' }, usage: { S: expect.any(String) } });
    expect(JSON.parse(item!['usage']!.S!)).toEqual(EXPECTED_USAGE);
    expect(Object.keys(JSON.parse(item!['usage']!.S!))).toEqual(Object.keys(EXPECTED_USAGE));

    expect(await published()).toEqual([expect.objectContaining({ Subject: 'S3 usage report', Message: EXPECTED_MESSAGE, TopicArn: reportTopic })]);
  });

  it('a usage table that does not exist: putItem is retried as the workflow says, then the execution fails and nothing is published', async () => {
    const { result, children } = await report({ bucket: BUCKET, name: 'report-no-table', table: 'no-such-table' });

    expect(children).toHaveLength(3);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('DynamoDB.ResourceNotFoundException');
    // maxAttempts 3: the first try and three retries.
    expect(eventsOf(result, 'TaskFailed').map((event) => event.taskFailedEventDetails?.error)).toEqual(
      Array(4).fill('DynamoDB.ResourceNotFoundException'),
    );
    expect(statesEntered(result)).toEqual(['Sum usage by extension', 'Store usage']);
    expect(await published()).toEqual([]);
    const { Items = [] } = await dynamodb.send(new ScanCommand({ TableName: TABLE }));
    expect(Items.map((item) => item['runId']!.S)).not.toContain('report-no-table');
  });

  it('a bucket that does not exist: the item reader fails and no batch runs', async () => {
    const { result, children } = await report({ bucket: 'no-such-bucket', name: 'report-no-bucket' });

    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.ItemReaderFailed');
    expect(result.cause).toMatch(/^The ItemReader of Map state 'Sum usage by extension' could not read its items: S3\.NoSuchBucketException: .*no-such-bucket/);
    expect(children).toEqual([]);
    expect(await published()).toEqual([]);
    const { Items = [] } = await dynamodb.send(new ScanCommand({ TableName: TABLE }));
    expect(Items.map((item) => item['runId']!.S)).not.toContain('report-no-bucket');
  });
});
