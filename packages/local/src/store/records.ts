/**
 * What the local endpoint keeps: state machines, executions with their history, and the journal
 * records that persist them. The zod schemas read records back from disk (dates are ISO strings
 * there) and reject lines this version does not understand.
 */
import { z } from 'zod';
import type { ExecutionStatus, HistoryEvent } from '../engine/types.js';

export type StateMachineType = 'STANDARD' | 'EXPRESS';

const tag = z.object({ key: z.string(), value: z.string() });
export type Tag = z.infer<typeof tag>;

export const loggingConfiguration = z.object({
  level: z.enum(['ALL', 'ERROR', 'FATAL', 'OFF']).optional(),
  includeExecutionData: z.boolean().optional(),
  destinations: z.array(z.object({ cloudWatchLogsLogGroup: z.object({ logGroupArn: z.string().optional() }).optional() })).optional(),
});
export const tracingConfiguration = z.object({ enabled: z.boolean().optional() });

const stateMachine = z.object({
  arn: z.string(),
  name: z.string(),
  type: z.enum(['STANDARD', 'EXPRESS']),
  definition: z.string(),
  roleArn: z.string(),
  creationDate: z.coerce.date(),
  /** Changes with every UpdateStateMachine that changes the definition or role. */
  revisionId: z.string(),
  updateDate: z.coerce.date(),
  tags: z.array(tag),
  /** As given on create/update, returned as they are (the local endpoint writes no logs or traces). */
  loggingConfiguration: loggingConfiguration.optional(),
  tracingConfiguration: tracingConfiguration.optional(),
});
export type StoredStateMachine = z.infer<typeof stateMachine>;

const executionStatus = z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']) satisfies z.ZodType<ExecutionStatus>;

/** How an execution ended. */
const executionEnd = z.object({
  status: executionStatus.exclude(['RUNNING']),
  stopDate: z.coerce.date(),
  /** JSON text, on SUCCEEDED. */
  output: z.string().optional(),
  error: z.string().optional(),
  cause: z.string().optional(),
});
export type ExecutionEnd = z.infer<typeof executionEnd>;

const executionStart = z.object({
  arn: z.string(),
  stateMachineArn: z.string(),
  name: z.string(),
  /** JSON text, as given to StartExecution. */
  input: z.string(),
  startDate: z.coerce.date(),
  traceHeader: z.string().optional(),
});

export interface StoredExecution extends z.infer<typeof executionStart> {
  status: ExecutionStatus;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  events: HistoryEvent[];
}

/** A history event as the engine recorded it; only its timestamp needs reviving. */
const historyEvent = z.looseObject({ id: z.number(), type: z.string(), timestamp: z.coerce.date() }).transform((event) => event as HistoryEvent);

/** One line of the journal. Every change to the store is one record, appended as it happens. */
export const journalRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('journal'), version: z.literal(1) }),
  z.object({ kind: z.literal('stateMachineSaved'), stateMachine }),
  z.object({ kind: z.literal('stateMachineDeleted'), arn: z.string() }),
  z.object({ kind: z.literal('executionStarted'), execution: executionStart }),
  z.object({ kind: z.literal('event'), executionArn: z.string(), event: historyEvent }),
  z.object({ kind: z.literal('executionEnded'), executionArn: z.string(), end: executionEnd }),
]);
export type JournalRecord = z.infer<typeof journalRecord>;
