import { jsonata, s3Objects, sub, workflow } from '@typestep/dsl';
import { z } from 'zod';

/**
 * Seed 001's S3 usage report written the modern way: one static machine instead of one generated
 * per run. A Distributed Map lists the bucket's objects itself (S3 ListObjectsV2 reader) and hands
 * them to child executions in batches of 1,000, so a bucket of millions of objects never meets one
 * Lambda's 15-minute limit. Each batch is summed by file extension; the partial sums are merged with
 * a JSONata group-by, stored in DynamoDB and summarised to SNS.
 */
const Input = z.object({ bucket: z.string() });

/** One batch's usage, per file extension (the sum-usage-batch handler's output). */
const BatchUsage = z.object({
  rows: z.array(z.object({ extension: z.string(), bytes: z.number(), objects: z.number() })),
});
const InvokeResult = z.object({ Payload: BatchUsage });

export default workflow('S3UsageReportModern', { queryLanguage: 'JSONata', input: Input, comment: 'S3 usage by file extension, one bucket per execution' })
  .map('Sum usage by extension', {
    distributed: ({ input }) => ({
      executionType: 'EXPRESS',
      itemReader: s3Objects({ bucket: input.bucket }),
      itemBatcher: { maxItemsPerBatch: 1000, batchInput: { bucket: input.bucket } },
      toleratedFailurePercentage: 0,
      label: 'usage',
    }),
    maxConcurrency: 100,
    itemProcessor: (batch) =>
      batch.task('Sum batch', {
        resource: 'arn:aws:states:::lambda:invoke',
        arguments: ({ input }) => ({ FunctionName: sub('SumUsageBatchFunctionArn'), Payload: input }),
        returns: InvokeResult,
        output: ({ result }) => result.Payload,
        retry: [{ errors: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'Lambda.SdkClientException'], intervalSeconds: 2, maxAttempts: 6, backoffRate: 2, jitterStrategy: 'FULL' }],
      }),
    // Group the batches' rows by extension: { ".jpg": { bytes, objects }, … }.
    assign: ({ input, result }) => ({
      bucket: input.bucket,
      usage: jsonata<Record<string, { bytes: number; objects: number }>>`${result}.rows{ extension: { "bytes": $sum(bytes), "objects": $sum(objects) } }`,
      objects: jsonata<number>`$sum(${result}.rows.objects)`,
    }),
  })
  .task('Store usage', {
    resource: 'arn:aws:states:::dynamodb:putItem',
    arguments: ({ context, vars }) => ({
      TableName: sub('UsageTable'),
      Item: {
        bucket: { S: vars.bucket },
        runId: { S: context.Execution.Name },
        objects: { N: jsonata<string>`$string(${vars.objects})` },
        usage: { S: jsonata<string>`$string(${vars.usage})` },
      },
    }),
    retry: [{ errors: ['States.ALL'], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2 }],
  })
  .task('Publish summary', {
    resource: 'arn:aws:states:::sns:publish',
    arguments: ({ vars }) => ({
      TopicArn: sub('ReportTopicArn'),
      Subject: 'S3 usage report',
      Message: jsonata<string>`'Bucket ' & ${vars.bucket} & ': ' & ${vars.objects} & ' objects. ' & $join($each(${vars.usage}, function($v, $k) { $k & ' ' & $v.bytes & ' bytes in ' & $v.objects & ' objects' }), '; ')`,
    }),
  });
