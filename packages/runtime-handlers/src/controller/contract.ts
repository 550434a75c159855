import { z } from 'zod';
import { contract } from '../contract.js';
import { ExecutionStatus } from '../execution-status.js';

const ExecutionArn = z.string().regex(/^arn:aws[a-z-]*:states:[^:]*:\d*:execution:[^:]+:[^:]+$/, 'expected a Step Functions execution ARN');
const StateMachineArn = z.string().regex(/^arn:aws[a-z-]*:states:[^:]*:\d*:stateMachine:[^:]+$/, 'expected a Step Functions state machine ARN');

/** Seed 001's create-state-machine takes any object (the console's default input is fine). */
export const CreateStateMachineRequest = z.looseObject({});
export const CreateStateMachineResult = z.object({ exeArn: ExecutionArn });

export const DescribeExecutionRequest = z.looseObject({ exeArn: ExecutionArn });
export const DescribeExecutionResult = z.object({ exeArn: ExecutionArn, status: ExecutionStatus, stateArn: StateMachineArn });

/** delete-state-machine receives describe-execution's result; it reads `stateArn`. */
export const DeleteStateMachineRequest = z.looseObject({ stateArn: StateMachineArn });
export const DeleteStateMachineResult = z.object({ deleted: StateMachineArn });

export const createStateMachineContract = contract(CreateStateMachineRequest, CreateStateMachineResult);
export const describeExecutionContract = contract(DescribeExecutionRequest, DescribeExecutionResult);
export const deleteStateMachineContract = contract(DeleteStateMachineRequest, DeleteStateMachineResult);
