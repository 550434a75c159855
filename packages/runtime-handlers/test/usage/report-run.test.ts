import { CreateTableCommand, DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigurationError, InvalidRequest } from '../../src/errors.js';
import { putUsageContract, createMessageContract } from '../../src/usage/contract.js';
import { createMessageHandler } from '../../src/usage/create-message.js';
import { listObjectsHandler } from '../../src/usage/list-objects.js';
import { MAX_MESSAGE_BYTES } from '../../src/usage/message.js';
import { putUsageHandler } from '../../src/usage/put-usage.js';
import { usageTableDefinition } from '../../src/usage/usage-table.js';
import { useLocalAws } from '../support/aws-environment.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../support/dynamodb-local.js';
import { startS3AndSns, type Fauxqs } from '../support/fauxqs.js';
import { putObjects, sampleObjects } from '../support/put-objects.js';

const TABLE = 'S3Usage';
let fauxqs: Fauxqs;
let dynamo: DynamoDbLocal;
let dynamodb: DynamoDBClient;

beforeAll(async () => {
  [fauxqs, dynamo] = await Promise.all([startS3AndSns({ spy: true }), startDynamoDbLocal()]);
  useLocalAws({ s3: fauxqs.address, sns: fauxqs.address, dynamodb: dynamo.endpoint });
  process.env['USAGE_TABLE'] = TABLE;
  dynamodb = new DynamoDBClient({});
  await dynamodb.send(new CreateTableCommand(usageTableDefinition(TABLE)));
}, 120_000);
afterAll(async () => {
  dynamodb?.destroy();
  await Promise.all([fauxqs?.stop(), dynamo?.stop()]);
});

const usage = { objects: 3, bytes: 1_536, byExtension: { jpg: { objects: 2, bytes: 1_024 }, txt: { objects: 1, bytes: 512 } } };
const listing = { bucket: 'photos', runId: 'run-2024-01-01', done: true as const, usage };

describe('put-usage against DynamoDB Local', () => {
  test('stores one item per bucket and run, with the sums by extension', async () => {
    const report = await putUsageHandler(listing);
    expect(report).toEqual({
      bucket: 'photos',
      runId: 'run-2024-01-01',
      objects: 3,
      bytes: 1_536,
      topExtensions: [
        { extension: 'jpg', objects: 2, bytes: 1_024 },
        { extension: 'txt', objects: 1, bytes: 512 },
      ],
      stored: 'created',
    });
    expect(putUsageContract.output.parse(report)).toEqual(report);
    const { Item } = await dynamodb.send(new GetItemCommand({ TableName: TABLE, Key: { Bucket: { S: 'photos' }, RunId: { S: 'run-2024-01-01' } } }));
    expect(Item).toMatchObject({
      Objects: { N: '3' },
      Bytes: { N: '1536' },
      ByExtension: { M: { jpg: { M: { Objects: { N: '2' }, Bytes: { N: '1024' } } }, txt: { M: { Objects: { N: '1' }, Bytes: { N: '512' } } } } },
    });
  });

  test('a retry of the same run changes nothing: the write is conditional on the run id', async () => {
    const before = await dynamodb.send(new GetItemCommand({ TableName: TABLE, Key: { Bucket: { S: 'photos' }, RunId: { S: 'run-2024-01-01' } } }));
    const retried = await putUsageHandler({ ...listing, usage: { ...usage, objects: 999 } });
    expect(retried.stored).toBe('already-stored');
    const after = await dynamodb.send(new GetItemCommand({ TableName: TABLE, Key: { Bucket: { S: 'photos' }, RunId: { S: 'run-2024-01-01' } } }));
    expect(after.Item).toEqual(before.Item);
  });

  test('another run of the same bucket is a second item: earlier runs stay as history', async () => {
    await putUsageHandler({ ...listing, runId: 'run-2024-02-01' });
    const { Items } = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE,
        // "Bucket" is a DynamoDB reserved word.
        KeyConditionExpression: '#bucket = :bucket',
        ExpressionAttributeNames: { '#bucket': 'Bucket' },
        ExpressionAttributeValues: { ':bucket': { S: 'photos' } },
      }),
    );
    expect(Items?.map((item) => item['RunId']?.S)).toEqual(['run-2024-01-01', 'run-2024-02-01']);
  });

  test('an unfinished listing is InvalidRequest that says what to do', async () => {
    const error = (await putUsageHandler({ ...listing, done: false, continuationToken: 't' }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(InvalidRequest);
    expect(error.message).toContain('the listing is not finished: call list-objects with its result until done is true');
  });

  test('without USAGE_TABLE it is a ConfigurationError naming the variable', async () => {
    delete process.env['USAGE_TABLE'];
    try {
      const error = (await putUsageHandler(listing).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toMatch(/^USAGE_TABLE is not set/);
    } finally {
      process.env['USAGE_TABLE'] = TABLE;
    }
  });
});

describe('create-message', () => {
  const report = (bucket: string, objects: number, bytes: number) => ({
    bucket,
    runId: 'r',
    objects,
    bytes,
    topExtensions: [{ extension: 'jpg', objects, bytes }],
    stored: 'created' as const,
  });

  test('totals first, then each bucket largest first with its top extensions', async () => {
    const { message } = await createMessageHandler([report('small', 2, 100), report('large', 1_500, 3 * 1024 ** 3)]);
    expect(message).toBe(
      [
        'S3 usage by extension: 2 buckets, 1,502 objects, 3.0 GiB',
        '',
        'large: 1,500 objects, 3.0 GiB',
        '  jpg               1,500 objects     3.0 GiB',
        '',
        'small: 2 objects, 100 B',
        '  jpg                   2 objects       100 B',
      ].join('\n'),
    );
    expect(createMessageContract.output.parse({ message })).toEqual({ message });
  });

  test('stays under SNS\'s 256 KiB with thousands of buckets, saying how many it left out', async () => {
    const reports = Array.from({ length: 5_000 }, (_, i) => report(`bucket-${String(i).padStart(5, '0')}`, i, i * 1_000));
    const { message } = await createMessageHandler(reports);
    expect(Buffer.byteLength(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(message).toMatch(/\n… and [\d,]+ more buckets \(see the usage table\)$/);
  });

  test('no reports, or something else than the Parallel output, is InvalidRequest', async () => {
    await expect(createMessageHandler([])).rejects.toBeInstanceOf(InvalidRequest);
    await expect(createMessageHandler({ message: 'x' })).rejects.toBeInstanceOf(InvalidRequest);
  });
});

describe("seed 001's parallel machine, state by state against the real servers", () => {
  test('ListObject → PutDynamoDB per bucket, CreateMessage over the branch outputs, Publish to SNS', async () => {
    fauxqs.createBucket('bucket-a');
    fauxqs.createBucket('bucket-b');
    const s3 = new S3Client({});
    await putObjects(s3, 'bucket-a', sampleObjects(1_200));
    await putObjects(s3, 'bucket-b', sampleObjects(30, 'b/'));
    s3.destroy();
    const input: Record<string, string> = { '0': 'bucket-a', '1': 'bucket-b' };

    // Parallel: each branch's InputPath "$.<i>" gives list-objects the bucket name.
    const branchOutputs = await Promise.all(
      Object.keys(input).map(async (i) => {
        let listed = await listObjectsHandler(input[i]);
        while (!listed.done) listed = await listObjectsHandler(listed);
        return putUsageHandler(listed);
      }),
    );
    expect(branchOutputs.map((r) => [r.bucket, r.objects, r.stored])).toEqual([
      ['bucket-a', 1_200, 'created'],
      ['bucket-b', 30, 'created'],
    ]);
    const { message } = await createMessageHandler(branchOutputs);
    expect(message).toMatch(/^S3 usage by extension: 2 buckets, 1,230 objects/);

    // Publish: "Message.$": "$.message", to a real SNS topic.
    const { topicArn } = fauxqs.createTopic('usage-report');
    const sns = new SNSClient({});
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: message }));
    sns.destroy();
    const published = await fauxqs.spy.waitForMessage({ service: 'sns', topicName: 'usage-report' }, 'published', 5_000);
    expect(published).toMatchObject({ body: message });
  });
});
