/**
 * The contract between the engine (src/engine/**) and its users: the local endpoint (src/endpoint/**,
 * src/store/**), the test API and the CLI. Names and meanings here are stable; implementations live
 * in the files next to this one.
 */
import type { HistoryEvent as SfnHistoryEvent } from '@aws-sdk/client-sfn';

/** AWS's history event, same shape as @aws-sdk/client-sfn's HistoryEvent (type, id, previousEventId,
 *  timestamp: Date, and one `<camelType>EventDetails` field), so GetExecutionHistory returns them as they are. */
export type HistoryEvent = SfnHistoryEvent;

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** Time for Wait states, retry intervals, timeouts and event timestamps. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` of this clock's time; rejects with signal.reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Marks real work in progress (a task handler running). A virtual clock does not advance while any
   *  is in flight, so a Wait in one Parallel branch cannot overtake a task running in another. */
  track<T>(work: Promise<T>): Promise<T>;
}

/** What a task handler receives besides its input. */
export interface TaskContext {
  /** The Task state's Resource, after substitutions (e.g. "arn:aws:states:::lambda:invoke"). */
  resource: string;
  stateName: string;
  /** Set for `.waitForTaskToken` tasks: the token to give to SendTaskSuccess/Failure/Heartbeat. */
  taskToken?: string;
  /** Aborted when the task times out, the execution stops, or a sibling branch fails. */
  signal: AbortSignal;
  /** Resets the HeartbeatSeconds timer, like SendTaskHeartbeat. */
  heartbeat(): void;
  /** The execution's context object ($$): Execution, State, StateMachine, Task, Map. */
  contextObject: unknown;
}

/** A task implementation: gets the effective input (after Parameters/Arguments) and returns the result. */
export type TaskHandler = (input: unknown, context: TaskContext) => unknown | Promise<unknown>;

/** Endpoints and credentials for the AWS SDK service integrations (sns:publish, dynamodb:*, s3, aws-sdk:*). */
export interface ServiceOptions {
  /** Default "us-east-1". */
  region?: string;
  /** Default: fixed local test credentials (never the machine's real ones). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Endpoint URL per service ("s3", "sns", "sqs", "dynamodb", "sfn"), or `default` for all of them. */
  endpoints?: Partial<Record<string, string>>;
  /** S3 path-style addressing (default true: local S3 servers rarely resolve bucket subdomains). */
  forcePathStyle?: boolean;
}

export interface RunOptions {
  /** ASL JSON text or the parsed object. */
  definition: string | object;
  /** Default {}. */
  input?: unknown;
  /** Resolves ${Name} placeholders before running. */
  substitutions?: Record<string, string>;
  name?: string;
  executionArn?: string;
  stateMachineArn?: string;
  stateMachineName?: string;
  roleArn?: string;
  /** Keyed by resource ARN, or by placeholder name (e.g. "ImageFunctionArn"). */
  tasks?: Record<string, TaskHandler>;
  /** AWS SDK integrations: endpoints per service, region, credentials. */
  services?: ServiceOptions;
  /** Default realClock(). */
  clock?: Clock;
  /** Default: a private registry. */
  taskTokens?: import('./task-tokens.js').TaskTokens;
  /** Abort = StopExecution (status ABORTED, ExecutionAborted event). The reason, if a TaskError-like
   *  `{ error, cause }`, becomes the ExecutionAborted details. */
  signal?: AbortSignal;
  /** Called synchronously for every event as it is recorded. */
  onEvent?: (event: HistoryEvent) => void;
  /** Test stand-ins for tasks, keyed by state name or resource (see runWorkflow, which types the keys). */
  mocks?: Readonly<Record<string, import('./tasks/mocks.js').TaskMock>>;
  /** Nested states:startExecution / Distributed Map children. Default: Distributed Map children run
   *  in this process; states:startExecution needs it (only the caller knows other state machines). */
  startExecution?: (child: ChildExecution) => Promise<ExecutionResult>;
}

/** A nested execution the engine asks its caller to start: a Distributed Map child carries its
 *  definition (the ItemProcessor); a states:startExecution task names only `stateMachineArn`. */
export type ChildExecution = Omit<RunOptions, 'definition'> & { definition?: RunOptions['definition'] };

export interface ExecutionResult {
  executionArn: string;
  name: string;
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  /** On SUCCEEDED. */
  output?: unknown;
  /** On FAILED / TIMED_OUT / ABORTED. */
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate: Date;
  events: HistoryEvent[];
}
