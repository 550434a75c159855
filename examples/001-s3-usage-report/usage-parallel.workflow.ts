import { untyped, workflow, type Branch } from '@typestep/dsl';
import { z } from 'zod';
import { lambdaArn, SNS_PUBLISH, topicArn } from './arns.js';

/** The execution input: bucket names keyed by position, `{ "0": "logs", "1": "media", … }`. */
const Buckets = z.record(z.string(), z.string());
const Message = z.object({ message: z.string() });
type BucketList = z.infer<typeof Buckets>;

/**
 * Seed 001, the machine generated at run time: one Parallel branch per bucket (list its
 * objects, store the usage), then one message to SNS. Called by the create-state-machine
 * handler with the account's bucket list, so the definition is ordinary code.
 */
export function usageReportMachine(buckets: readonly string[], name = 'S3UsageReportByBucket') {
  return workflow(name, { input: Buckets })
    .pass('Pass')
    .parallel('Parallel', {
      branches: buckets.map(
        (_bucket, i): Branch<BucketList> =>
          (b) =>
            b
              .task(`ListObject${i}`, { resource: lambdaArn('list-objects'), inputPath: ($) => $[i], returns: untyped })
              .task(`PutDynamoDB${i}`, { resource: lambdaArn('put-dynamodb'), returns: untyped }),
      ),
    })
    .task('CreateMessage', { resource: lambdaArn('create-message'), returns: Message })
    .task('Publish', {
      resource: SNS_PUBLISH,
      parameters: ($) => ({ TopicArn: topicArn, Message: $.message }),
    });
}

/** The instance seed 001 shows: an account with three buckets. */
export const threeBuckets = usageReportMachine(['bucket-a', 'bucket-b', 'bucket-c'], 'S3UsageReportByBucket3');
