import type { TemplateValue } from '../../payload/template.js';
import type { CallbackOptions, CallOptions } from '../request/call-options.js';
import { apiFields } from '../request/api-fields.js';
import type { Field, Text } from '../request/field.js';
import { serviceCall, type IntegrationPattern } from '../request/service-call.js';
import { integrationTask, type IntegrationTask } from '../render/integration-task.js';

/** What Publish returns. */
export interface SnsPublishResult {
  readonly MessageId: string;
  /** FIFO topics only. */
  readonly SequenceNumber?: string;
}

/** A message attribute, as the Publish API takes it. */
export interface SnsMessageAttribute {
  readonly DataType: 'String' | 'String.Array' | 'Number' | 'Binary';
  readonly StringValue?: Text;
  readonly BinaryValue?: Text;
}

/** Where the message goes: exactly one of a topic, a target (endpoint) ARN, or a phone number. */
type Destination<Selected> =
  | { readonly topicArn: Field<Selected, Text>; readonly targetArn?: never; readonly phoneNumber?: never }
  | { readonly targetArn: Field<Selected, Text>; readonly topicArn?: never; readonly phoneNumber?: never }
  | { readonly phoneNumber: Field<Selected, Text>; readonly topicArn?: never; readonly targetArn?: never };

export type PublishOptions<In, Selected> = CallOptions<In, Selected> &
  Destination<Selected> & {
    /** The message: text, or JSON (a template or a path) that Step Functions sends as its JSON text. */
    readonly message: Field<Selected, TemplateValue>;
    readonly subject?: Field<Selected, Text>;
    /** `'json'`: the message is a JSON object with one message per protocol. */
    readonly messageStructure?: 'json';
    readonly messageAttributes?: Field<Selected, { readonly [name: string]: SnsMessageAttribute }>;
    /** FIFO topics. */
    readonly messageGroupId?: Field<Selected, Text>;
    readonly messageDeduplicationId?: Field<Selected, Text>;
  };

const NAMES = ['topicArn', 'targetArn', 'phoneNumber', 'message', 'subject', 'messageStructure', 'messageAttributes', 'messageGroupId', 'messageDeduplicationId'] as const;

const publishTask = <In, Selected, Result>(pattern: IntegrationPattern, options: PublishOptions<In, Selected>) =>
  integrationTask<In, Selected, Result>(serviceCall('sns', 'publish', pattern, ($, $$) => apiFields(options, NAMES, $, $$), 'the message'), options.inputPath);

/**
 * `arn:aws:states:::sns:publish`: `.task('Notify', sns.publish({ topicArn: sub('TopicArn'), message: ($) => $.summary }))`.
 * SNS supports request-response and `.waitForTaskToken` (not `.sync`).
 */
export const publish = Object.assign(
  <In, Selected = In>(options: PublishOptions<In, Selected>): IntegrationTask<In, Selected, SnsPublishResult> => publishTask('requestResponse', options),
  {
    /** Publishes a message that carries the task token, and waits for SendTaskSuccess with it. */
    waitForTaskToken: <In, Selected = In, Result = unknown>(
      options: PublishOptions<In, Selected> & CallbackOptions<Result>,
    ): IntegrationTask<In, Selected, Result> => publishTask('waitForTaskToken', options),
  },
);
