import { describe, expect, it } from 'vitest';
import { shape, sub, workflow } from '@typestep/dsl';
import { sns } from '@typestep/dsl';
import { onlyState } from './support.js';

describe('sns.publish (arn:aws:states:::sns:publish)', () => {
  it('writes the request-response example of AWS\'s "Service integration patterns" page', () => {
    const state = onlyState(
      workflow('SnsExample').task('Send message to SNS', sns.publish({ topicArn: 'arn:aws:sns:us-east-1:123456789012:myTopic', message: 'Hello from Step Functions!' })),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish',
      Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:myTopic', Message: 'Hello from Step Functions!' },
      End: true,
    });
  });

  it('takes the topic from a placeholder, the message from the input, and the optional fields in API order', () => {
    const state = onlyState(
      workflow('SnsFields', { input: shape<{ summary: string; orderId: string }>() }).task(
        'Publish',
        sns.publish({
          topicArn: sub('ReportTopicArn'),
          message: ($) => $.summary,
          subject: 'Usage report',
          messageAttributes: ($) => ({ order: { DataType: 'String', StringValue: $.orderId } }),
        }),
      ),
      ['ReportTopicArn'],
    );
    expect(state.Parameters).toStrictEqual({
      TopicArn: '${ReportTopicArn}',
      'Message.$': '$.summary',
      Subject: 'Usage report',
      MessageAttributes: { order: { DataType: 'String', 'StringValue.$': '$.orderId' } },
    });
  });

  it('sends a JSON message built from a template, to a phone number', () => {
    const state = onlyState(
      workflow('SnsJson', { input: shape<{ total: number }>() }).task('Text', sns.publish({ phoneNumber: '+15555550100', message: ($) => ({ total: $.total }) })),
    );
    expect(state.Parameters).toStrictEqual({ PhoneNumber: '+15555550100', Message: { 'total.$': '$.total' } });
  });

  it('.waitForTaskToken puts the token in the message', () => {
    const state = onlyState(
      workflow('SnsCallback', { input: shape<{ id: string }>() }).task(
        'Ask for approval',
        sns.publish.waitForTaskToken({ topicArn: sub('ApprovalTopicArn'), message: ($, $$) => ({ id: $.id, taskToken: $$.Task.Token }) }),
      ),
      ['ApprovalTopicArn'],
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
      Parameters: { TopicArn: '${ApprovalTopicArn}', Message: { 'id.$': '$.id', 'taskToken.$': '$$.Task.Token' } },
      End: true,
    });
  });

  it('.waitForTaskToken without the token is refused, saying where it goes', () => {
    const build = () => workflow('SnsNoToken').task('Ask', sns.publish.waitForTaskToken({ topicArn: sub('ApprovalTopicArn'), message: 'approve?' }));
    expect(build).toThrow(/^sns:publish\.waitForTaskToken: .* Put \$\$\.Task\.Token in the message/);
  });
});
