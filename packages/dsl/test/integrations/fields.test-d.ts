import { describe, expectTypeOf, test } from 'vitest';
import { format, shape, sub, workflow, type Chain, type Path } from '../../src/index.js';
import { dynamodb, events, http, lambda, s3, sns, sqs, states, type LambdaInvokeResult, type StoredItem } from '../../src/integrations/index.js';
import type { SnsPublishResult } from '../../src/integrations/services/sns.js';

/** The data leaving a chain's open ends: what the next state's `$` reads. */
type OutOf<C> = C extends Chain<any, infer Out, any> ? Out : never;

interface Report {
  readonly summary: string;
  readonly total: number;
  readonly paid: boolean;
  readonly account: { readonly id: string; readonly topic: string };
}
const start = () => workflow('Fields', { input: shape<Report>() });

describe("a helper's callbacks read the chain's data through a typed `$`", () => {
  test('`$` is the state input, typed, in every field callback', () => {
    start().task(
      'Publish',
      sns.publish({
        topicArn: ($) => {
          expectTypeOf($).toEqualTypeOf<Path<Report>>();
          return $.account.topic;
        },
        message: ($, $$) => {
          expectTypeOf($.total).toEqualTypeOf<Path<number>>();
          expectTypeOf($$.Execution.Id).toEqualTypeOf<Path<string>>();
          return $.summary;
        },
      }),
    );
  });

  test('a misspelt field is an error, in any helper', () => {
    // @ts-expect-error — `summry` is not a field of Report
    start().task('Publish', sns.publish({ topicArn: sub('TopicArn'), message: ($) => $.summry }));
    // @ts-expect-error — `acount` is not a field of Report
    start().task('Queue', sqs.sendMessage({ queueUrl: sub('QueueUrl'), messageBody: ($) => $.acount }));
    // @ts-expect-error — `ttl` is not a field of Report
    start().task('Save', dynamodb.putItem({ tableName: 'reports', item: ($) => ({ Total: { N: $.ttl } }) }));
    // @ts-expect-error — `summry` is not a field of Report
    start().task('Call', lambda.invoke({ functionName: 'f', payload: ($) => ({ text: $.summry }) }));
  });

  test('`$` follows the helper\'s inputPath', () => {
    start().task(
      'Publish',
      sns.publish({
        inputPath: ($) => $.account,
        topicArn: ($) => $.topic,
        message: ($) => {
          expectTypeOf($).toEqualTypeOf<Path<{ readonly id: string; readonly topic: string }>>();
          // @ts-expect-error — after InputPath `$.account`, `summary` is out of reach
          void $.summary;
          return $.id;
        },
      }),
    );
  });

  test('a field that takes text refuses a number path, and takes placeholders and intrinsics', () => {
    // @ts-expect-error — Subject is text; `total` is a number
    start().task('Publish', sns.publish({ topicArn: sub('TopicArn'), message: 'm', subject: ($) => $.total }));
    // @ts-expect-error — the table name is text
    start().task('Save', dynamodb.putItem({ tableName: 42, item: {} }));
    start().task('Get', s3.getObject({ bucket: sub('ReportBucket'), key: ($) => format('reports/{}.json', $.account.id) }));
  });

  test('SNS takes exactly one destination', () => {
    // @ts-expect-error — a topic and a phone number at once
    start().task('Publish', sns.publish({ topicArn: sub('TopicArn'), phoneNumber: '+15555550100', message: 'm' }));
    // @ts-expect-error — no destination
    start().task('Publish', sns.publish({ message: 'm' }));
  });

  test('HTTP methods are the HTTP Task\'s', () => {
    start().task('Call', http.invoke({ apiEndpoint: 'https://example.com', method: 'PATCH', connectionArn: sub('ConnectionArn') }));
    // @ts-expect-error — the connection is required: it holds the credentials
    start().task('Call', http.invoke({ apiEndpoint: 'https://example.com', method: 'GET' }));
  });

  test('EventBridge needs at least one entry', () => {
    // @ts-expect-error — PutEvents with no entries
    start().task('Announce', events.putEvents({ entries: [] }));
  });
});

describe('DynamoDB attribute values are typed as the API takes them', () => {
  test('N is a string (DynamoDB takes numbers as text): a number path is an error, States.Format fixes it', () => {
    // @ts-expect-error — `total` is a number; { N } needs a string
    start().task('Save', dynamodb.putItem({ tableName: 'reports', item: ($) => ({ Total: { N: $.total } }) }));
    start().task('Save', dynamodb.putItem({ tableName: 'reports', item: ($) => ({ Total: { N: format('{}', $.total) } }) }));
  });

  test('BOOL takes booleans, S takes strings, M and L nest', () => {
    start().task(
      'Save',
      dynamodb.putItem({
        tableName: 'reports',
        item: ($) => ({ Paid: { BOOL: $.paid }, Account: { M: { Id: { S: $.account.id } } }, Tags: { L: [{ S: 'a' }, { NULL: true }] } }),
      }),
    );
    // @ts-expect-error — BOOL from a string field
    start().task('Save', dynamodb.putItem({ tableName: 'reports', item: ($) => ({ Paid: { BOOL: $.summary } }) }));
    // @ts-expect-error — S from a boolean field
    start().task('Save', dynamodb.putItem({ tableName: 'reports', item: ($) => ({ Paid: { S: $.paid } }) }));
    // @ts-expect-error — not an attribute value type
    start().task('Save', dynamodb.putItem({ tableName: 'reports', item: { Id: { STRING: 'x' } } }));
  });

  test('expression attribute names start with #, values with :', () => {
    start().task('Update', dynamodb.updateItem({ tableName: 't', key: { Id: { S: 'x' } }, updateExpression: 'SET #n = :v', expressionAttributeNames: { '#n': 'name' }, expressionAttributeValues: { ':v': { S: 'y' } } }));
    // @ts-expect-error — a value placeholder without its colon
    start().task('Update', dynamodb.updateItem({ tableName: 't', key: { Id: { S: 'x' } }, updateExpression: 'SET a = :v', expressionAttributeValues: { v: { S: 'y' } } }));
  });
});

describe("the result is the service's response, so the next state's `$` is typed", () => {
  test('sns.publish: `{ MessageId }`', () => {
    const chain = start().task('Publish', sns.publish({ topicArn: sub('TopicArn'), message: ($) => $.summary }));
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<SnsPublishResult>();
    chain.task('Next', sns.publish({ topicArn: sub('TopicArn'), message: ($) => $.MessageId }));
    // @ts-expect-error — the input's fields are gone after ResultPath "$"
    chain.task('Next', sns.publish({ topicArn: sub('TopicArn'), message: ($) => $.summary }));
  });

  test('spread with resultPath: the result lands beside the input', () => {
    const chain = start().task('Publish', { ...sns.publish({ topicArn: sub('TopicArn'), message: ($) => $.summary }), resultPath: '$.published' });
    expectTypeOf<OutOf<typeof chain>>().toEqualTypeOf<{ readonly summary: string; readonly total: number; readonly paid: boolean; readonly account: { readonly id: string; readonly topic: string }; published: SnsPublishResult }>();
  });

  test('lambda.invoke: the `{ Payload }` wrapper, or the payload alone with outputPayload', () => {
    const Scored = shape<{ score: number }>();
    const wrapped = start().task('Score', lambda.invoke({ functionName: 'score', returns: Scored }));
    expectTypeOf<OutOf<typeof wrapped>>().toEqualTypeOf<LambdaInvokeResult<{ score: number }>>();
    const unwrapped = start().task('Score', lambda.invoke({ functionName: 'score', returns: Scored, outputPayload: true }));
    expectTypeOf<OutOf<typeof unwrapped>>().toEqualTypeOf<{ score: number }>();
    unwrapped.task('Next', lambda.invoke({ functionName: 'next', payload: ($) => ({ score: $.score }) }));
  });

  test('dynamodb.getItem: `Item` of stored attribute values; s3.getObject: `Body` as text', () => {
    const got = start().task('Get', dynamodb.getItem({ tableName: 't', key: { Id: { S: 'x' } } }));
    expectTypeOf<OutOf<typeof got>['Item']>().toEqualTypeOf<StoredItem | undefined>();
    const read = start().task('Read', s3.getObject({ bucket: 'b', key: 'k' }));
    expectTypeOf<OutOf<typeof read>['Body']>().toEqualTypeOf<string>();
  });

  test('a spread `returns` overrides the result type (e.g. a known item shape)', () => {
    const got = start().task('Get', { ...dynamodb.getItem({ tableName: 't', key: { Id: { S: 'x' } } }), returns: shape<{ Item: { Name: { S: string } } }>() });
    expectTypeOf<OutOf<typeof got>>().toEqualTypeOf<{ Item: { Name: { S: string } } }>();
  });

  test('states.startExecution: started, finished with Output as text, finished with Output as JSON', () => {
    const arn = sub('ChildStateMachineArn');
    const started = start().task('Start', states.startExecution({ stateMachineArn: arn }));
    expectTypeOf<OutOf<typeof started>>().toEqualTypeOf<states.StartExecutionResult>();
    const synced = start().task('Run', states.startExecution.sync({ stateMachineArn: arn }));
    expectTypeOf<OutOf<typeof synced>['Output']>().toEqualTypeOf<string>();
    const synced2 = start().task('Run', states.startExecution.sync2({ stateMachineArn: arn, returns: shape<{ rows: number }>() }));
    expectTypeOf<OutOf<typeof synced2>['Output']>().toEqualTypeOf<{ rows: number }>();
    expectTypeOf<OutOf<typeof synced2>['Output']['rows']>().toEqualTypeOf<number>();
  });

  test('.waitForTaskToken: the result is what SendTaskSuccess sends, as `returns` says', () => {
    const Decision = shape<{ approved: boolean }>();
    const asked = start().task('Ask', sns.publish.waitForTaskToken({ topicArn: sub('TopicArn'), message: ($, $$) => ({ token: $$.Task.Token }), returns: Decision }));
    expectTypeOf<OutOf<typeof asked>>().toEqualTypeOf<{ approved: boolean }>();
    const untypedCallback = start().task('Ask', sqs.sendMessage.waitForTaskToken({ queueUrl: sub('QueueUrl'), messageBody: ($, $$) => ({ token: $$.Task.Token }) }));
    expectTypeOf<OutOf<typeof untypedCallback>>().toEqualTypeOf<unknown>();
  });

  test('http.invoke: `ResponseBody` as `responseBody` says', () => {
    const called = start().task('Call', http.invoke({ apiEndpoint: 'https://example.com', method: 'GET', connectionArn: sub('ConnectionArn'), responseBody: shape<{ id: string }>() }));
    expectTypeOf<OutOf<typeof called>['ResponseBody']>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<OutOf<typeof called>['StatusCode']>().toEqualTypeOf<number>();
  });
});
