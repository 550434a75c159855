import { eq, workflow, type Branch, type RetryOptions } from '@typestep/dsl';
import { z } from 'zod';
import { BucketName, BucketReport, CreateMessageResult, ListObjectsResult } from '../usage/contract.js';

/** Where the per-run machine's tasks go: the deployed functions and the report topic. */
export interface UsageReportTargets {
  readonly listObjectsArn: string;
  readonly putUsageArn: string;
  readonly createMessageArn: string;
  readonly topicArn: string;
}

/** The execution input, as seed 001 passes it: bucket names keyed by position, `{ "0": "logs", … }`. */
export const BucketList = z.record(z.string(), BucketName);

/** Transient Lambda service errors, retried as AWS advises; put-usage is idempotent, so a retry is safe. */
const lambdaRetry: RetryOptions = {
  errors: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
  intervalSeconds: 2,
  maxAttempts: 6,
  backoffRate: 2,
};

/**
 * The machine seed 001's controller creates for each run: one Parallel branch per bucket, then
 * one message to SNS. Each branch starts the listing with the run's id (the execution name) and
 * loops on list-objects while it returns `done: false` (it stops near its time limit with a
 * continuation token), then stores the usage.
 */
export function usageReportMachine(name: string, buckets: readonly string[], targets: UsageReportTargets) {
  return workflow(name, { input: BucketList, comment: `S3 usage by extension for ${buckets.length} bucket(s), made by create-state-machine` })
    .parallel('Parallel', {
      branches: buckets.map(
        (_bucket, i): Branch<z.infer<typeof BucketList>> =>
          (b) =>
            b
              .pass(`Start${i}`, { parameters: ($, $$) => ({ bucket: $[i], runId: $$.Execution.Name }) })
              .task(`ListObject${i}`, { resource: targets.listObjectsArn, returns: ListObjectsResult, retry: [lambdaRetry] })
              .choice(`Listed${i}`, (c) =>
                c
                  // Built at run time, so the loop's target is a name the type system cannot see.
                  .when(($) => eq($.done, false), (more) => more.unsafeGoto(`ListObject${i}`))
                  .otherwise((done) => done.task(`PutDynamoDB${i}`, { resource: targets.putUsageArn, returns: BucketReport, retry: [lambdaRetry] })),
              ),
      ),
    })
    .task('CreateMessage', { resource: targets.createMessageArn, returns: CreateMessageResult, retry: [lambdaRetry] })
    .task('Publish', {
      resource: 'arn:aws:states:::sns:publish',
      parameters: ($) => ({ TopicArn: targets.topicArn, Message: $.message }),
    });
}
