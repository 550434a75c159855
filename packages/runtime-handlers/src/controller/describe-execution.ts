import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { sfnClient } from '../aws-clients.js';
import { defineHandler } from '../define-handler.js';
import { describeExecutionContract } from './contract.js';

/** Seed 001's describe-execution: `{ exeArn }` in, `{ exeArn, status, stateArn }` out for the controller's Choice. */
export const describeExecutionHandler = defineHandler('describe-execution', describeExecutionContract, async ({ exeArn }) => {
  const execution = await sfnClient().send(new DescribeExecutionCommand({ executionArn: exeArn }));
  return { exeArn: execution.executionArn!, status: execution.status!, stateArn: execution.stateMachineArn! };
});
