import { eq, workflow } from '@typestep/dsl';
import { z } from 'zod';
import { lambdaArn, SNS_PUBLISH, topicArn } from './arns.js';

/**
 * Seed 001, the controller: create the per-run Parallel machine (see usage-parallel.workflow.ts),
 * poll its execution every 30 s until it leaves RUNNING, then delete it — or report by SNS.
 */
const Started = z.object({ exeArn: z.string() });
const Described = z.object({
  exeArn: z.string(),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']),
  stateArn: z.string(),
});

export default workflow('S3UsageReportController')
  .task('CreateStateMachine', { resource: lambdaArn('create-state-machine'), returns: Started })
  .task('DescribeExecution', { resource: lambdaArn('describe-execution'), returns: Described })
  .choice('Choice', (c) =>
    c
      .when(($) => eq($.status, 'SUCCEEDED'), (b) => b.task('DeleteStateMachine', { resource: lambdaArn('delete-state-machine') }))
      // The poll loop: wait, then describe the execution again.
      .when(($) => eq($.status, 'RUNNING'), (b) => b.wait('Wait', { seconds: 30 }).goto('DescribeExecution'))
      .otherwise((b) =>
        b.task('Error', { resource: SNS_PUBLISH, parameters: { TopicArn: topicArn, Message: 'Error' } }),
      ),
  );
