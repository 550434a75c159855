import { describe, expectTypeOf, test } from 'vitest';
import { awsSdk, dynamodb, events, http, lambda, s3, sns, sqs, states } from '../../src/integrations/index.js';

/**
 * Integration patterns are part of the type: each helper offers exactly the patterns AWS supports
 * for its service ("Integrating optimized services with Step Functions", the pattern table).
 */
describe('each helper offers only the patterns AWS supports', () => {
  test('Lambda, SNS, SQS, EventBridge and AWS SDK calls: request-response and .waitForTaskToken, never .sync', () => {
    expectTypeOf(lambda.invoke.waitForTaskToken).toBeFunction();
    expectTypeOf(sns.publish.waitForTaskToken).toBeFunction();
    expectTypeOf(sqs.sendMessage.waitForTaskToken).toBeFunction();
    expectTypeOf(events.putEvents.waitForTaskToken).toBeFunction();
    expectTypeOf(awsSdk.waitForTaskToken).toBeFunction();
    // @ts-expect-error — Lambda has no .sync
    void lambda.invoke.sync;
    // @ts-expect-error — SNS has no .sync
    void sns.publish.sync;
    // @ts-expect-error — SQS has no .sync
    void sqs.sendMessage.sync;
    // @ts-expect-error — EventBridge has no .sync
    void events.putEvents.sync;
    // @ts-expect-error — AWS SDK integrations never offer .sync
    void awsSdk.sync;
  });

  test('DynamoDB and the HTTP Task: request-response only', () => {
    // @ts-expect-error — DynamoDB has no callback pattern
    void dynamodb.putItem.waitForTaskToken;
    // @ts-expect-error — nor .sync
    void dynamodb.getItem.sync;
    // @ts-expect-error — the HTTP Task is request-response only
    void http.invoke.waitForTaskToken;
    // @ts-expect-error — the HTTP Task is request-response only
    void http.invoke.sync;
  });

  test('S3 (through the AWS SDK) is offered request-response', () => {
    // @ts-expect-error — not offered for S3 objects
    void s3.getObject.waitForTaskToken;
    // @ts-expect-error — AWS SDK integrations never offer .sync
    void s3.putObject.sync;
  });

  test('Step Functions offers all three: .sync, .sync:2 and .waitForTaskToken', () => {
    expectTypeOf(states.startExecution).toBeFunction();
    expectTypeOf(states.startExecution.sync).toBeFunction();
    expectTypeOf(states.startExecution.sync2).toBeFunction();
    expectTypeOf(states.startExecution.waitForTaskToken).toBeFunction();
  });
});
