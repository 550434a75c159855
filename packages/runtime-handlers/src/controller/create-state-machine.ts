import { paginateListBuckets } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { compile, formatDiagnostic } from '@typestep/compiler';
import { s3Client, sfnClient } from '../aws-clients.js';
import { defineHandler } from '../define-handler.js';
import { requireEnv } from '../environment.js';
import { NoBuckets } from '../errors.js';
import { createStateMachineContract } from './contract.js';
import { newRunId } from './run-id.js';
import { usageReportMachine, type UsageReportTargets } from './usage-report-machine.js';

/**
 * Seed 001's create-state-machine: lists the account's buckets, builds the per-run Parallel
 * machine with the DSL and compiles it (so the definition is checked like any workflow), creates
 * it with STATE_MACHINE_ROLE_ARN, and starts it with the bucket list. Returns `{ exeArn }`.
 */
export const createStateMachineHandler = defineHandler('create-state-machine', createStateMachineContract, async () => {
  const targets = targetsFromEnvironment();
  const roleArn = requireEnv('STATE_MACHINE_ROLE_ARN', 'the role the per-run state machine runs as');
  const buckets = await bucketNames();
  if (buckets.length === 0) throw new NoBuckets('create-state-machine: the account has no S3 bucket to report on');

  const runId = newRunId(new Date());
  const compiled = compile(usageReportMachine(`S3UsageReport-${runId}`, buckets, targets));
  if (compiled.diagnostics.length > 0) {
    throw new Error(`create-state-machine: the generated machine does not compile:\n${compiled.diagnostics.map(formatDiagnostic).join('\n')}`);
  }
  const sfn = sfnClient();
  const { stateMachineArn } = await sfn.send(
    new CreateStateMachineCommand({ name: compiled.name, definition: JSON.stringify(compiled.definition), roleArn }),
  );
  const input = Object.fromEntries(buckets.map((bucket, i) => [String(i), bucket]));
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: runId, input: JSON.stringify(input) }));
  return { exeArn: executionArn! };
});

function targetsFromEnvironment(): UsageReportTargets {
  return {
    listObjectsArn: requireEnv('LIST_OBJECTS_FUNCTION_ARN', 'the list-objects function'),
    putUsageArn: requireEnv('PUT_USAGE_FUNCTION_ARN', 'the put-usage function'),
    createMessageArn: requireEnv('CREATE_MESSAGE_FUNCTION_ARN', 'the create-message function'),
    topicArn: requireEnv('REPORT_TOPIC_ARN', 'the SNS topic the report is published to'),
  };
}

async function bucketNames(): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListBuckets({ client: s3Client() }, {})) {
    for (const bucket of page.Buckets ?? []) if (bucket.Name) names.push(bucket.Name);
  }
  return names;
}
