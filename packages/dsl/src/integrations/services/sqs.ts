import type { TemplateValue } from '../../payload/template.js';
import { apiFields } from '../request/api-fields.js';
import type { CallbackOptions, CallOptions } from '../request/call-options.js';
import type { Field, Num, Text } from '../request/field.js';
import { serviceCall, type IntegrationPattern } from '../request/service-call.js';
import { integrationTask, type IntegrationTask } from '../render/integration-task.js';

/** What SendMessage returns. */
export interface SqsSendMessageResult {
  readonly MessageId: string;
  readonly MD5OfMessageBody: string;
  readonly MD5OfMessageAttributes?: string;
  /** FIFO queues only. */
  readonly SequenceNumber?: string;
}

/** A message attribute, as the SendMessage API takes it. */
export interface SqsMessageAttribute {
  readonly DataType: string;
  readonly StringValue?: Text;
  readonly BinaryValue?: Text;
}

export interface SendMessageOptions<In, Selected> extends CallOptions<In, Selected> {
  /** The queue's URL (or `sub('…')`, or a path to one). */
  readonly queueUrl: Field<Selected, Text>;
  /** The message: text, or JSON (a template or a path) that Step Functions sends as its JSON text. */
  readonly messageBody: Field<Selected, TemplateValue>;
  readonly delaySeconds?: Field<Selected, Num>;
  readonly messageAttributes?: Field<Selected, { readonly [name: string]: SqsMessageAttribute }>;
  /** FIFO queues. */
  readonly messageGroupId?: Field<Selected, Text>;
  readonly messageDeduplicationId?: Field<Selected, Text>;
}

const NAMES = ['queueUrl', 'messageBody', 'delaySeconds', 'messageAttributes', 'messageGroupId', 'messageDeduplicationId'] as const;

const sendMessageTask = <In, Selected, Result>(pattern: IntegrationPattern, options: SendMessageOptions<In, Selected>) =>
  integrationTask<In, Selected, Result>(
    serviceCall('sqs', 'sendMessage', pattern, ($, $$) => apiFields(options, NAMES, $, $$), 'the message body'),
    options.inputPath,
  );

/**
 * `arn:aws:states:::sqs:sendMessage`; SQS supports request-response and `.waitForTaskToken`
 * (the usual callback: a worker reads the token from the message and calls SendTaskSuccess).
 */
export const sendMessage = Object.assign(
  <In, Selected = In>(options: SendMessageOptions<In, Selected>): IntegrationTask<In, Selected, SqsSendMessageResult> =>
    sendMessageTask('requestResponse', options),
  {
    /** Sends a message carrying the task token and waits for SendTaskSuccess with it. */
    waitForTaskToken: <In, Selected = In, Result = unknown>(
      options: SendMessageOptions<In, Selected> & CallbackOptions<Result>,
    ): IntegrationTask<In, Selected, Result> => sendMessageTask('waitForTaskToken', options),
  },
);
