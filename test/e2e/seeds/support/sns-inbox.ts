import { ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** What SNS delivers to a subscribed SQS queue (raw delivery off): the notification envelope. */
export interface SnsNotification {
  readonly TopicArn: string;
  readonly Subject: string | null;
  readonly Message: string;
}

/** The SNS notifications waiting in a queue subscribed to a topic (it does not wait for more). */
export async function snsNotifications(sqs: SQSClient, queueUrl: string): Promise<SnsNotification[]> {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
  return Messages.map((message) => JSON.parse(message.Body!) as SnsNotification);
}
