import type { ExecutionStatus as SdkExecutionStatus } from '@aws-sdk/client-sfn';
import { z } from 'zod';

/**
 * A Step Functions execution's status. Listed here rather than taken from the SDK's value so
 * that importing the contracts does not load the SFN client; `satisfies` keeps the two in step.
 */
export const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] as const satisfies readonly SdkExecutionStatus[];

export const ExecutionStatus = z.enum(EXECUTION_STATUSES);
