import { describe, expect, it } from 'vitest';
import { shape, sub, workflow } from '@typestep/dsl';
import { sqs } from '@typestep/dsl';
import { onlyState } from './support.js';

const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/myQueue';

describe('sqs.sendMessage (arn:aws:states:::sqs:sendMessage)', () => {
  it('writes the example of AWS\'s "Send messages to an Amazon SQS queue" page', () => {
    const state = onlyState(
      workflow('SqsExample', { input: shape<{ input: { message: string } }>() }).task(
        'Send message to SQS',
        sqs.sendMessage({
          queueUrl: QUEUE,
          messageBody: ($) => $.input.message,
          messageAttributes: {
            my_attribute_no_1: { DataType: 'String', StringValue: 'attribute1' },
            my_attribute_no_2: { DataType: 'String', StringValue: 'attribute2' },
          },
        }),
      ),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage',
      Parameters: {
        QueueUrl: QUEUE,
        'MessageBody.$': '$.input.message',
        MessageAttributes: {
          my_attribute_no_1: { DataType: 'String', StringValue: 'attribute1' },
          my_attribute_no_2: { DataType: 'String', StringValue: 'attribute2' },
        },
      },
      End: true,
    });
  });

  it('.waitForTaskToken: the callback sample\'s message body, the input and the token', () => {
    const state = onlyState(
      workflow('SqsCallback').task(
        'Send message to SQS',
        sqs.sendMessage.waitForTaskToken({ queueUrl: sub('WorkQueueUrl'), messageBody: ($, $$) => ({ Input: $, TaskToken: $$.Task.Token }), delaySeconds: 5 }),
      ),
      ['WorkQueueUrl'],
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { QueueUrl: '${WorkQueueUrl}', MessageBody: { 'Input.$': '$', 'TaskToken.$': '$$.Task.Token' }, DelaySeconds: 5 },
      End: true,
    });
  });

  it('FIFO fields are written with their API names', () => {
    const state = onlyState(
      workflow('SqsFifo', { input: shape<{ customer: string; id: string }>() }).task(
        'Enqueue',
        sqs.sendMessage({ queueUrl: sub('OrdersQueueUrl'), messageBody: 'new order', messageGroupId: ($) => $.customer, messageDeduplicationId: ($) => $.id }),
      ),
      ['OrdersQueueUrl'],
    );
    expect(state.Parameters).toStrictEqual({
      QueueUrl: '${OrdersQueueUrl}',
      MessageBody: 'new order',
      'MessageGroupId.$': '$.customer',
      'MessageDeduplicationId.$': '$.id',
    });
  });

  it('.waitForTaskToken without the token is refused', () => {
    expect(() => workflow('SqsNoToken').task('Send', sqs.sendMessage.waitForTaskToken({ queueUrl: QUEUE, messageBody: ($) => $ }))).toThrow(
      /Put \$\$\.Task\.Token in the message body/,
    );
  });
});
