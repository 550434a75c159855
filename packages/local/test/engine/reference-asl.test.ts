import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExecution, runWorkflow, TaskError, virtualClock, type ExecutionResult, type TaskHandler } from '../../src/index.js';
import { LOCAL_CREDENTIALS, startDynamoDbLocal, startFauxqsServer, type DynamoDbLocal, type Fauxqs } from './support/local-servers.js';
import { readReferenceAsl, referenceAslFiles } from './support/shared-files.js';

/**
 * Every seed state machine (../shared/reference-asl) runs on the engine with small handlers that
 * do what the seed's Lambda functions do, against real local servers: S3 and SNS from fauxqs,
 * DynamoDB from AWS's DynamoDB Local.
 */

let fauxqs: Fauxqs & { endpoint: string };
let dynamodb: DynamoDbLocal;
let s3: S3Client;
let sns: SNSClient;
let ddb: DynamoDBClient;

beforeAll(async () => {
  [fauxqs, dynamodb] = await Promise.all([startFauxqsServer(), startDynamoDbLocal()]);
  s3 = new S3Client({ endpoint: fauxqs.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
  sns = new SNSClient({ endpoint: fauxqs.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  ddb = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
}, 120_000);

afterAll(async () => {
  s3?.destroy();
  sns?.destroy();
  ddb?.destroy();
  await Promise.all([fauxqs?.stop(), dynamodb?.stop()]);
});

const services = () => ({
  endpoints: { s3: fauxqs.endpoint, sns: fauxqs.endpoint, dynamodb: dynamodb.endpoint },
  credentials: LOCAL_CREDENTIALS,
});

async function objectKeys(bucket: string, prefix = ''): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

/**
 * The reference machines name an SNS topic in account 123456789000; fauxqs serves one account, so
 * sns:publish is bound to a handler that publishes to the topic of that name on fauxqs.
 */
function snsPublishHandler(): TaskHandler {
  return async (input) => {
    const { TopicArn, Message } = input as { TopicArn: string; Message: unknown };
    const topic = fauxqs.createTopic(TopicArn.split(':').at(-1)!, { region: 'us-east-1' });
    const published = await sns.send(
      new PublishCommand({ TopicArn: topic.topicArn, Message: typeof Message === 'string' ? Message : JSON.stringify(Message) }),
    );
    return {
      MessageId: published.MessageId,
      SdkHttpMetadata: { HttpStatusCode: 200 },
      SdkResponseMetadata: { RequestId: published.$metadata.requestId },
    };
  };
}

it('covers every reference machine', () => {
  expect(referenceAslFiles()).toEqual([
    '000-1.asl.json',
    '001-1.asl.json',
    '001-2-dynamic-3-buckets.asl.json',
    '002-1.asl.json',
    '003-1.asl.json',
    '003-2.asl.json',
    '003-3.asl.json',
    '003-4.asl.json',
    '004-1.asl.json',
  ]);
});

describe('000-1: the image pipeline', () => {
  it('runs the seven image tasks on the uploaded object through ${LambdaFunction}', async () => {
    fauxqs.createBucket('images');
    await s3.send(new PutObjectCommand({ Bucket: 'images', Key: '20240101/photo.png', Body: 'PNG-BYTES' }));
    const requests: unknown[] = [];
    // Seed 000's image function: reads `key`, writes the converted / icon / thumbnail object, returns { Key, OutputKeys }.
    const image: TaskHandler = async (input) => {
      requests.push(input);
      const request = input as {
        action: string;
        key: string;
        type?: string;
        icon?: { diameter: string };
        thumbnail?: { width: string; height: string };
      };
      const source = await s3.send(new GetObjectCommand({ Bucket: 'images', Key: request.key }));
      const bytes = await source.Body!.transformToString();
      const name = request.key
        .split('/')
        .at(-1)!
        .replace(/\.\w+$/, '');
      const outputKey =
        request.action === 'convert'
          ? `converted/${name}.${request.type}`
          : request.action === 'icon'
            ? `icon/${request.icon!.diameter}/${name}.png`
            : `thumbnail/${request.thumbnail!.width}x${request.thumbnail!.height}/${name}.png`;
      await s3.send(new PutObjectCommand({ Bucket: 'images', Key: outputKey, Body: `${request.action}:${bytes}` }));
      return { Key: request.key, OutputKeys: [outputKey] };
    };

    const result = await runWorkflow(readReferenceAsl('000-1.asl.json'), {
      input: { Key: '20240101/photo.png' },
      tasks: { LambdaFunction: image },
    });

    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ Key: '20240101/photo.png', OutputKeys: ['thumbnail/480x270/photo.png'] });
    expect(requests).toHaveLength(7);
    expect(requests[2]).toEqual({ action: 'icon', key: '20240101/photo.png', icon: { diameter: '200', bgcolor: 'f0ff' } });
    expect(await objectKeys('images')).toEqual([
      '20240101/photo.png',
      'converted/photo.jpg',
      'converted/photo.png',
      'icon/200/photo.png',
      'icon/300/photo.png',
      'thumbnail/1440x810/photo.png',
      'thumbnail/480x270/photo.png',
      'thumbnail/960x540/photo.png',
    ]);
  });
});

describe('001: the S3 usage report', () => {
  const FUNCTION = 'arn:aws:lambda:ap-northeast-1:123456789000:function:';

  /** The usage machine's functions: list a bucket's objects, store its usage in DynamoDB, write the message. */
  function usageHandlers(): Record<string, TaskHandler> {
    return {
      [`${FUNCTION}list-objects`]: async (bucket) => {
        const listed = await s3.send(new ListObjectsV2Command({ Bucket: String(bucket) }));
        return {
          bucket,
          objects: listed.KeyCount ?? 0,
          bytes: (listed.Contents ?? []).reduce((sum, object) => sum + (object.Size ?? 0), 0),
        };
      },
      [`${FUNCTION}put-dynamodb`]: async (usage) => {
        const { bucket, objects, bytes } = usage as { bucket: string; objects: number; bytes: number };
        await ddb.send(
          new PutItemCommand({
            TableName: 'Usage',
            Item: { Bucket: { S: bucket }, Objects: { N: String(objects) }, Bytes: { N: String(bytes) } },
          }),
        );
        return usage;
      },
      [`${FUNCTION}create-message`]: (usages) => ({
        message: (usages as { bucket: string; objects: number; bytes: number }[])
          .map((u) => `${u.bucket}: ${u.objects} objects, ${u.bytes} bytes`)
          .join('\n'),
      }),
    };
  }

  beforeAll(async () => {
    await ddb.send(
      new CreateTableCommand({
        TableName: 'Usage',
        KeySchema: [{ AttributeName: 'Bucket', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'Bucket', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    for (const [bucket, files] of [
      ['logs', 2],
      ['media', 3],
      ['backups', 1],
    ] as const) {
      fauxqs.createBucket(bucket);
      for (let i = 0; i < files; i++)
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `file-${i}`, Body: 'x'.repeat(10 * (i + 1)) }));
    }
  });

  it('001-2: the generated machine reports three buckets in parallel and publishes the message', async () => {
    const topic = fauxqs.createTopic('xxxxxxxxxx', { region: 'us-east-1' });
    const result = await runWorkflow(readReferenceAsl('001-2-dynamic-3-buckets.asl.json'), {
      input: { 0: 'logs', 1: 'media', 2: 'backups' },
      tasks: { ...usageHandlers(), 'arn:aws:states:::sns:publish': snsPublishHandler() },
    });

    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({ MessageId: expect.any(String), SdkHttpMetadata: { HttpStatusCode: 200 } });
    const message = 'logs: 2 objects, 30 bytes\nmedia: 3 objects, 60 bytes\nbackups: 1 objects, 10 bytes';
    await fauxqs.spy.waitForMessage(
      (m) => m.service === 'sns' && 'topicArn' in m && m.topicArn === topic.topicArn && 'body' in m && m.body === message,
    );
    const stored = await ddb.send(new ScanCommand({ TableName: 'Usage' }));
    expect(stored.Items?.map((item) => [item.Bucket?.S, item.Objects?.N]).sort()).toEqual([
      ['backups', '1'],
      ['logs', '2'],
      ['media', '3'],
    ]);
  });

  it('001-1: the controller creates the machine, polls it through the Wait loop and deletes it', async () => {
    const generated = readReferenceAsl('001-2-dynamic-3-buckets.asl.json');
    const executions = new Map<string, Promise<ExecutionResult>>();
    const finished = new Map<string, ExecutionResult>();
    const deleted: string[] = [];
    const clock = virtualClock(new Date('2024-04-01T00:00:00Z'));
    const controller: Record<string, TaskHandler> = {
      // create-state-machine: builds the usage machine and starts it with the bucket list.
      [`${FUNCTION}create-state-machine`]: () => {
        const run = runExecution({
          definition: generated,
          input: { 0: 'logs', 1: 'media', 2: 'backups' },
          stateMachineName: 'blog_stepfunctions',
          name: 'start',
          clock,
          tasks: { ...usageHandlers(), 'arn:aws:states:::sns:publish': snsPublishHandler() },
        });
        const exeArn = 'arn:aws:states:ap-northeast-1:123456789000:execution:blog_stepfunctions:start';
        executions.set(exeArn, run);
        void run.then((outcome) => finished.set(exeArn, outcome));
        return { exeArn };
      },
      // describe-execution: the execution's status (RUNNING until it ended).
      [`${FUNCTION}describe-execution`]: (input) => {
        const { exeArn } = input as { exeArn: string };
        const outcome = finished.get(exeArn);
        return {
          exeArn,
          status: outcome?.status ?? 'RUNNING',
          stateArn: 'arn:aws:states:ap-northeast-1:123456789000:stateMachine:blog_stepfunctions',
        };
      },
      // delete-state-machine: deletes it and returns nothing (the seed only prints).
      [`${FUNCTION}delete-state-machine`]: (input) => {
        deleted.push((input as { stateArn: string }).stateArn);
        return null;
      },
    };

    const result = await runExecution({ definition: readReferenceAsl('001-1.asl.json'), clock, tasks: controller });

    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toBeNull();
    expect(deleted).toEqual(['arn:aws:states:ap-northeast-1:123456789000:stateMachine:blog_stepfunctions']);
    expect(finished.get('arn:aws:states:ap-northeast-1:123456789000:execution:blog_stepfunctions:start')?.status).toBe('SUCCEEDED');
  });

  it('001-1: a report that fails takes the Default branch and publishes "Error"', async () => {
    fauxqs.createTopic('xxxxxxxxxx', { region: 'us-east-1' });
    const result = await runWorkflow(readReferenceAsl('001-1.asl.json'), {
      tasks: {
        [`${FUNCTION}create-state-machine`]: () => ({
          exeArn: 'arn:aws:states:ap-northeast-1:123456789000:execution:blog_stepfunctions:start',
        }),
        [`${FUNCTION}describe-execution`]: (input) => ({ ...(input as object), status: 'FAILED', stateArn: 'arn' }),
        'arn:aws:states:::sns:publish': snsPublishHandler(),
      },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.events.map((e) => e.stateEnteredEventDetails?.name).filter(Boolean)).toEqual([
      'CreateStateMachine',
      'DescribeExecution',
      'Choice',
      'Error',
    ]);
    await fauxqs.spy.waitForMessage((m) => m.service === 'sns' && 'body' in m && m.body === 'Error');
  });
});

describe('002-1: the SAM stock trader', () => {
  const substitutions = {
    StockCheckerFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:StockChecker',
    StockSellerFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:StockSeller',
    StockBuyerFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:StockBuyer',
    DDBPutItem: 'arn:aws:states:::dynamodb:putItem',
    DDBTable: 'StockTransactions',
  };
  /** The sample app's functions: a price, then a buy or sell transaction with string numbers. */
  const trader = (price: number, failuresFirst = 0): Record<string, TaskHandler> => {
    let calls = 0;
    const transaction = (type: string) => () => ({
      id: `${type}-1`,
      price: String(price),
      type,
      qty: '7',
      timestamp: '2024-01-01T00:00:00Z',
    });
    return {
      StockCheckerFunctionArn: () => {
        if (calls++ < failuresFirst) throw new TaskError('Lambda.ServiceException', 'throttled');
        return { stock_price: price };
      },
      StockBuyerFunctionArn: transaction('buy'),
      StockSellerFunctionArn: transaction('sell'),
    };
  };

  beforeAll(async () => {
    await ddb.send(
      new CreateTableCommand({
        TableName: 'StockTransactions',
        KeySchema: [{ AttributeName: 'Id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'Id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  });

  it('buys at 50 or less and records the transaction in DynamoDB Local through dynamodb:putItem', async () => {
    const result = await runWorkflow(readReferenceAsl('002-1.asl.json'), { substitutions, tasks: trader(42), services: services() });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({
      SdkHttpMetadata: { HttpStatusCode: 200 },
      SdkResponseMetadata: { RequestId: expect.any(String) },
    });
    const item = await ddb.send(new GetItemCommand({ TableName: 'StockTransactions', Key: { Id: { S: 'buy-1' } } }));
    expect(item.Item).toEqual({
      Id: { S: 'buy-1' },
      Type: { S: 'buy' },
      Price: { N: '42' },
      Quantity: { N: '7' },
      Timestamp: { S: '2024-01-01T00:00:00Z' },
    });
  });

  it('sells above 50, after retrying the checker on States.TaskFailed with 15 s then 22.5 s', async () => {
    const result = await runWorkflow(readReferenceAsl('002-1.asl.json'), { substitutions, tasks: trader(75, 2), services: services() });
    expect(result.status).toBe('SUCCEEDED');
    const item = await ddb.send(new GetItemCommand({ TableName: 'StockTransactions', Key: { Id: { S: 'sell-1' } } }));
    expect(item.Item?.Type).toEqual({ S: 'sell' });
    const scheduled = result.events.filter(
      (e) => e.type === 'LambdaFunctionScheduled' && e.lambdaFunctionScheduledEventDetails?.resource?.endsWith('StockChecker'),
    );
    expect(scheduled.map((e) => e.timestamp!.getTime() - result.startDate.getTime())).toEqual([0, 15_000, 37_500]);
  });
});

describe('003: lambda:invoke machines', () => {
  const echo: TaskHandler = (event) => event;

  it('003-1 returns the function payload (OutputPath $.Payload)', async () => {
    const result = await runWorkflow(readReferenceAsl('003-1.asl.json'), { input: { hello: 'world' }, tasks: { test001: echo } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { hello: 'world' } });
  });

  it.each([
    ['HOGE 200', { FUGA: 'FUGA 100' }],
    ['other', { FUGA: 'FUGA 200' }],
  ])('003-2 chooses on $.HOGE = %s', async (hoge, expected) => {
    const result = await runWorkflow(readReferenceAsl('003-2.asl.json'), { input: { HOGE: hoge }, tasks: { test001: echo } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: expected });
  });

  it('003-3 loads the JSON from S3 and maps each item one at a time, writing a file per item', async () => {
    fauxqs.createBucket('tmp-hokdvhvwzw');
    const shipped = [1, 2, 3, 4, 5].map((n) => ({ prod: `E0${n}`, 'dest-code': 1000 + n, note: 'ABCDE'[n - 1]!.repeat(3) }));
    await s3.send(new PutObjectCommand({ Bucket: 'tmp-hokdvhvwzw', Key: 'data/shipped.json', Body: JSON.stringify(shipped) }));
    let running = 0;
    let mostAtOnce = 0;
    const result = await runWorkflow(readReferenceAsl('003-3.asl.json'), {
      input: { bucketName: 'tmp-hokdvhvwzw', prefix: 'data', json: 'shipped.json' },
      tasks: {
        // testLoadJSONfromS3: returns the object's JSON.
        testLoadJSONfromS3: async (event) => {
          const { bucketName, prefix, json } = event as Record<string, string>;
          const object = await s3.send(new GetObjectCommand({ Bucket: bucketName, Key: `${prefix}/${json}` }));
          return JSON.parse(await object.Body!.transformToString());
        },
        // test001: writes the item to S3 and returns it.
        test001: async (item) => {
          running++;
          mostAtOnce = Math.max(mostAtOnce, running);
          await s3.send(
            new PutObjectCommand({
              Bucket: 'tmp-hokdvhvwzw',
              Key: `out/test_${(item as { prod: string }).prod}.txt`,
              Body: JSON.stringify(item),
            }),
          );
          running--;
          return item;
        },
      },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: shipped });
    expect(mostAtOnce).toBe(1);
    expect(await objectKeys('tmp-hokdvhvwzw', 'out/')).toEqual(shipped.map((item) => `out/test_${item.prod}.txt`));
    // Five 5-second Waits one after the other (MaxConcurrency 1), on the virtual clock.
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(25_000);
  });

  describe('003-4: the RunCommand polling loop', () => {
    const runCommand = (statuses: string[]): Record<string, TaskHandler> => ({
      testRunCommand: (event) => ({ command_id: `cmd-for-${(event as { command: string }).command}` }),
      testRunCommand2: (event) => ({
        command_id: (event as { command_id: string }).command_id,
        com_status: statuses.shift(),
        output: 'output=eth0',
      }),
      testRunCommand3: () => ({ statusCode: 200 }),
    });

    it('waits while InProgress and finishes on Success', async () => {
      const result = await runWorkflow(readReferenceAsl('003-4.asl.json'), {
        input: { command: 'ifconfig', instance_id: 'i-1' },
        tasks: runCommand(['InProgress', 'InProgress', 'Success']),
      });
      expect(result).toMatchObject({ status: 'SUCCEEDED', output: { statusCode: 200 } });
      expect(result.events.filter((e) => e.type === 'WaitStateEntered')).toHaveLength(3);
    });

    it('fails through the Fail state when the command failed', async () => {
      const result = await runWorkflow(readReferenceAsl('003-4.asl.json'), {
        input: { command: 'false', instance_id: 'i-1' },
        tasks: runCommand(['Failed']),
      });
      expect(result.status).toBe('FAILED');
      expect(result.events.at(-2)?.type).toBe('FailStateEntered');
    });
  });
});

describe('004-1: two functions in sequence', () => {
  it("returns the second function's payload", async () => {
    const hello: TaskHandler = () => ({ statusCode: 200, body: JSON.stringify('Hello from Lambda!') });
    const result = await runWorkflow(readReferenceAsl('004-1.asl.json'), {
      tasks: { 'lambda-function-1': hello, 'lambda-function-2': hello },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { statusCode: 200, body: '"Hello from Lambda!"' } });
    expect(result.events.filter((e) => e.type === 'TaskScheduled').map((e) => e.taskScheduledEventDetails?.resourceType)).toEqual([
      'lambda',
      'lambda',
    ]);
  });
});
