import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExecution, runWorkflow, type ChildExecution, type ServiceOptions } from '../../src/index.js';
import { LOCAL_CREDENTIALS, startDynamoDbLocal, startFauxqsServer, type DynamoDbLocal, type Fauxqs } from './support/local-servers.js';

/**
 * Service integrations through the AWS SDK against real local servers (S3, SNS, SQS from fauxqs;
 * DynamoDB Local), Lambda handlers behind lambda:invoke, and nested executions.
 */

let fauxqs: Fauxqs & { endpoint: string };
let dynamodb: DynamoDbLocal;
let services: ServiceOptions;

beforeAll(async () => {
  [fauxqs, dynamodb] = await Promise.all([startFauxqsServer(), startDynamoDbLocal()]);
  services = {
    endpoints: { s3: fauxqs.endpoint, sns: fauxqs.endpoint, sqs: fauxqs.endpoint, dynamodb: dynamodb.endpoint },
    credentials: LOCAL_CREDENTIALS,
  };
  const ddb = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  await ddb.send(
    new CreateTableCommand({
      TableName: 'Orders',
      KeySchema: [{ AttributeName: 'Id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'Id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  ddb.destroy();
}, 120_000);

afterAll(async () => {
  await Promise.all([fauxqs?.stop(), dynamodb?.stop()]);
});

const task = (Resource: string, Parameters: unknown, extra: Record<string, unknown> = {}) => ({
  StartAt: 'T',
  States: {
    T: { Type: 'Task', Resource, Parameters, ...extra, End: true },
    ...('Catch' in extra ? { Caught: { Type: 'Pass', End: true } } : {}),
  },
});

describe('SNS and SQS (fauxqs)', () => {
  it('sns:publish sends the message (JSON given as a message is sent as its text)', async () => {
    const { topicArn } = fauxqs.createTopic('orders', { region: 'us-east-1' });
    const result = await runWorkflow(task('arn:aws:states:::sns:publish', { TopicArn: topicArn, 'Message.$': '$.order' }), {
      input: { order: { id: 7 } },
      services,
    });
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { MessageId: expect.any(String), SdkHttpMetadata: { HttpStatusCode: 200 } },
    });
    await fauxqs.spy.waitForMessage((m) => m.service === 'sns' && 'body' in m && m.body === '{"id":7}');
  });

  it('sqs:sendMessage puts the body on the queue', async () => {
    const { queueUrl } = fauxqs.createQueue('work');
    const result = await runWorkflow(task('arn:aws:states:::sqs:sendMessage', { QueueUrl: queueUrl, MessageBody: 'hello' }), { services });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { MessageId: expect.any(String), MD5OfMessageBody: expect.any(String) } });
    const sqs = new SQSClient({ endpoint: fauxqs.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl }));
    sqs.destroy();
    expect(received.Messages?.[0]?.Body).toBe('hello');
  });

  it('names an SDK failure <Service>.<Name>Exception, catchable', async () => {
    const result = await runWorkflow(
      task(
        'arn:aws:states:::sns:publish',
        { TopicArn: 'arn:aws:sns:us-east-1:000000000000:none', Message: 'x' },
        { Catch: [{ ErrorEquals: ['SNS.NotFoundException'], Next: 'Caught' }] },
      ),
      { services },
    );
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { Error: 'SNS.NotFoundException', Cause: expect.stringContaining('Service: sns, Action: publish') },
    });
  });
});

describe('S3 through aws-sdk:s3:* (fauxqs)', () => {
  it("puts, lists and gets objects with the SDK's PascalCase parameters", async () => {
    fauxqs.createBucket('docs');
    const definition = {
      StartAt: 'Put',
      States: {
        Put: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:s3:putObject',
          Parameters: { Bucket: 'docs', Key: 'a.json', 'Body.$': '$.doc' },
          ResultPath: null,
          Next: 'List',
        },
        List: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2',
          Parameters: { Bucket: 'docs' },
          ResultSelector: { 'keys.$': '$.Contents[*].Key', 'modified.$': '$.Contents[0].LastModified' },
          ResultPath: '$.listed',
          Next: 'Get',
        },
        Get: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
          Parameters: { Bucket: 'docs', Key: 'a.json' },
          ResultSelector: { 'doc.$': 'States.StringToJson($.Body)' },
          ResultPath: '$.read',
          End: true,
        },
      },
    };
    const result = await runWorkflow(definition, { input: { doc: { title: 'T' } }, services });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { listed: { keys: ['a.json'] }, read: { doc: { title: 'T' } } } });
    expect((result.output as { listed: { modified: string } }).listed.modified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('fails a missing object with S3.NoSuchKeyException', async () => {
    fauxqs.createBucket('empty');
    const result = await runWorkflow(task('arn:aws:states:::aws-sdk:s3:getObject', { Bucket: 'empty', Key: 'none' }), { services });
    expect(result).toMatchObject({ status: 'FAILED', error: 'S3.NoSuchKeyException' });
  });

  it('reports a service with no endpoint configured, saying how to give one', async () => {
    const result = await runWorkflow(task('arn:aws:states:::aws-sdk:s3:listBuckets', {}));
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toContain("services: { endpoints: { s3: 'http://127.0.0.1:PORT' } }");
  });
});

describe('DynamoDB (DynamoDB Local)', () => {
  it('puts, updates, gets and deletes an item through the optimized integrations', async () => {
    const definition = {
      StartAt: 'Put',
      States: {
        Put: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: 'Orders', Item: { Id: { 'S.$': '$.id' }, Qty: { N: '1' } } },
          ResultPath: null,
          Next: 'Update',
        },
        Update: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:updateItem',
          Parameters: {
            TableName: 'Orders',
            Key: { Id: { 'S.$': '$.id' } },
            UpdateExpression: 'SET Qty = Qty + :n',
            ExpressionAttributeValues: { ':n': { N: '4' } },
            ReturnValues: 'ALL_NEW',
          },
          ResultSelector: { 'qty.$': '$.Attributes.Qty.N' },
          ResultPath: '$.updated',
          Next: 'Get',
        },
        Get: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Parameters: { TableName: 'Orders', Key: { Id: { 'S.$': '$.id' } } },
          ResultSelector: { 'item.$': '$.Item' },
          ResultPath: '$.got',
          Next: 'Delete',
        },
        Delete: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:deleteItem',
          Parameters: { TableName: 'Orders', Key: { Id: { 'S.$': '$.id' } } },
          ResultPath: null,
          End: true,
        },
      },
    };
    const result = await runWorkflow(definition, { input: { id: 'o-1' }, services });
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { id: 'o-1', updated: { qty: '5' }, got: { item: { Id: { S: 'o-1' }, Qty: { N: '5' } } } },
    });
    const ddb = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
    expect((await ddb.send(new GetItemCommand({ TableName: 'Orders', Key: { Id: { S: 'o-1' } } }))).Item).toBeUndefined();
    ddb.destroy();
  });

  it('names a failed condition DynamoDB.ConditionalCheckFailedException, and aws-sdk errors DynamoDb.…', async () => {
    const put = task('arn:aws:states:::dynamodb:putItem', {
      TableName: 'Orders',
      Item: { Id: { S: 'x' } },
      ConditionExpression: 'attribute_exists(Id)',
    });
    expect(await runWorkflow(put, { services })).toMatchObject({ status: 'FAILED', error: 'DynamoDB.ConditionalCheckFailedException' });
    const describe = task('arn:aws:states:::aws-sdk:dynamodb:describeTable', { TableName: 'Missing' });
    expect(await runWorkflow(describe, { services })).toMatchObject({ status: 'FAILED', error: 'DynamoDb.ResourceNotFoundException' });
  });
});

describe('Lambda', () => {
  it('binds lambda:invoke to a handler by the placeholder name of its FunctionName', async () => {
    const definition = task(
      'arn:aws:states:::lambda:invoke',
      { FunctionName: '${ResizeFunction}', 'Payload.$': '$' },
      { OutputPath: '$.Payload' },
    );
    const result = await runWorkflow(definition, {
      input: { width: 10 },
      substitutions: { ResizeFunction: 'arn:aws:lambda:us-east-1:123456789012:function:resize' },
      tasks: { ResizeFunction: (event) => ({ width: (event as { width: number }).width * 2 }) },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { width: 20 } });
  });

  it('passes the task context: resource, state name, signal and context object', async () => {
    let seen: unknown;
    await runWorkflow(task('arn:aws:lambda:us-east-1:123456789012:function:ctx', undefined), {
      tasks: {
        ctx: (_input, context) => (
          (seen = {
            resource: context.resource,
            state: context.stateName,
            aborted: context.signal.aborted,
            name: (context.contextObject as { State: { Name: string } }).State.Name,
          }),
          null
        ),
      },
    });
    expect(seen).toEqual({ resource: 'arn:aws:lambda:us-east-1:123456789012:function:ctx', state: 'T', aborted: false, name: 'T' });
  });
});

describe('states:startExecution', () => {
  const child = { StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, $.n)' }, End: true } } };
  const started: ChildExecution[] = [];
  const startExecution = (request: ChildExecution) => {
    started.push(request);
    return runExecution({ ...request, definition: child });
  };
  const parent = (resource: string) =>
    task(resource, {
      StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Doubler',
      Input: { 'n.$': '$.n' },
      Name: 'child-1',
    });

  it(".sync waits for the child and returns DescribeExecution's answer with JSON text", async () => {
    const result = await runWorkflow(parent('arn:aws:states:::states:startExecution.sync'), { input: { n: 21 }, startExecution });
    expect(result.output).toMatchObject({
      ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Doubler:child-1',
      Status: 'SUCCEEDED',
      Output: '{"n":42}',
      Input: '{"n":21}',
      Name: 'child-1',
    });
    expect(started.at(-1)).toMatchObject({
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Doubler',
      name: 'child-1',
      input: { n: 21 },
    });
  });

  it(".sync:2 returns the child's Output as JSON", async () => {
    const result = await runWorkflow(parent('arn:aws:states:::states:startExecution.sync:2'), { input: { n: 2 }, startExecution });
    expect(result.output).toMatchObject({ Output: { n: 4 }, Input: { n: 2 }, Status: 'SUCCEEDED' });
  });

  it('without .sync answers once the child started', async () => {
    const result = await runWorkflow(parent('arn:aws:states:::states:startExecution'), { input: { n: 1 }, startExecution });
    expect(result.output).toEqual({
      ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Doubler:child-1',
      StartDate: result.startDate.toISOString(),
    });
  });

  it('fails with StepFunctions.StateMachineDoesNotExistException when no startExecution is given', async () => {
    const result = await runWorkflow(parent('arn:aws:states:::states:startExecution.sync'), { input: { n: 1 } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'StepFunctions.StateMachineDoesNotExistException' });
  });
});
