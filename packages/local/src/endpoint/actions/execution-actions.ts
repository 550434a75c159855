import type * as Sfn from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import type { HistoryEvent } from '../../engine/types.js';
import type { StoredExecution } from '../../store/records.js';
import { ApiError } from '../api-error.js';
import { executionArn, expressExecutionArn } from '../arns.js';
import type { EndpointContext } from '../endpoint-context.js';
import { findExecution, findStateMachine } from '../lookups.js';
import { checkName } from '../names.js';
import { paginate } from '../pagination.js';
import type { RequestOf } from '../request-schemas.js';

function parseInput(input: string): unknown {
  try {
    return JSON.parse(input);
  } catch (error) {
    throw new ApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${(error as Error).message}'. The input must be JSON text, such as "{}".`);
  }
}

/**
 * STANDARD executions are recorded and run in the background. The name is unique per state machine:
 * starting one again with the same name and input while it runs returns it (idempotent, as in AWS);
 * a different input, or a name whose execution has ended, is ExecutionAlreadyExists. EXPRESS
 * executions run in the background unrecorded, under a unique express ARN.
 */
export function startExecution(context: EndpointContext, request: RequestOf<'StartExecution'>): Sfn.StartExecutionOutput {
  const stateMachine = findStateMachine(context, request.stateMachineArn);
  const name = request.name ?? randomUUID();
  checkName(name, 'execution');
  const inputText = request.input ?? '{}';
  const input = parseInput(inputText);

  if (stateMachine.type === 'EXPRESS') {
    const arn = expressExecutionArn(stateMachine.arn, name);
    const startDate = context.clock.now();
    void context.runner.runExpress(stateMachine, { arn, name, input });
    return { executionArn: arn, startDate };
  }

  const arn = executionArn(stateMachine.arn, name);
  const existing = context.store.execution(arn);
  if (existing) {
    if (existing.status === 'RUNNING' && existing.input === inputText) return { executionArn: arn, startDate: existing.startDate };
    throw new ApiError(
      'ExecutionAlreadyExists',
      `Execution Already Exists: '${arn}'${existing.status === 'RUNNING' ? ' (running, with another input)' : ` (it has ended: ${existing.status})`}. Execution names are unique per state machine: choose another name.`,
    );
  }
  const execution = context.store.startExecution({
    arn,
    stateMachineArn: stateMachine.arn,
    name,
    input: inputText,
    startDate: context.clock.now(),
    ...(request.traceHeader !== undefined && { traceHeader: request.traceHeader }),
  });
  void context.runner.start(stateMachine, execution, input);
  return { executionArn: arn, startDate: execution.startDate };
}

/** Runs an EXPRESS execution to its end and returns its result; STANDARD machines are refused, as in AWS. */
export async function startSyncExecution(context: EndpointContext, request: RequestOf<'StartSyncExecution'>): Promise<Sfn.StartSyncExecutionOutput> {
  const stateMachine = findStateMachine(context, request.stateMachineArn);
  if (stateMachine.type !== 'EXPRESS') {
    throw new ApiError('StateMachineTypeNotSupported', `This operation is not supported by this type of state machine: '${stateMachine.arn}' is STANDARD. StartSyncExecution runs EXPRESS state machines; use StartExecution.`);
  }
  const name = request.name ?? randomUUID();
  checkName(name, 'execution');
  const inputText = request.input ?? '{}';
  const input = parseInput(inputText);
  const arn = expressExecutionArn(stateMachine.arn, name);
  const result = await context.runner.runExpress(stateMachine, { arn, name, input });
  const elapsed = result.stopDate.getTime() - result.startDate.getTime();
  return {
    executionArn: arn,
    stateMachineArn: stateMachine.arn,
    name,
    startDate: result.startDate,
    stopDate: result.stopDate,
    // A sync execution ends SUCCEEDED, FAILED or TIMED_OUT; one cut short by the endpoint closing failed.
    status: result.status === 'ABORTED' ? 'FAILED' : result.status,
    ...(result.error !== undefined && { error: result.error }),
    ...(result.cause !== undefined && { cause: result.cause }),
    input: inputText,
    inputDetails: { included: true },
    ...(result.status === 'SUCCEEDED' && { output: JSON.stringify(result.output ?? null), outputDetails: { included: true } }),
    ...(request.traceHeader !== undefined && { traceHeader: request.traceHeader }),
    // Billed as AWS bills Express workflows: in 100 ms steps, 64 MB.
    billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.max(100, Math.ceil(elapsed / 100) * 100) },
  };
}

export function describeExecution(context: EndpointContext, request: RequestOf<'DescribeExecution'>): Sfn.DescribeExecutionOutput {
  const execution = findExecution(context, request.executionArn);
  return {
    ...listItem(execution),
    input: execution.input,
    inputDetails: { included: true },
    ...(execution.output !== undefined && { output: execution.output, outputDetails: { included: true } }),
    ...(execution.error !== undefined && { error: execution.error }),
    ...(execution.cause !== undefined && { cause: execution.cause }),
    ...(execution.traceHeader !== undefined && { traceHeader: execution.traceHeader }),
  };
}

/** Newest first, as AWS lists them. */
export function listExecutions(context: EndpointContext, request: RequestOf<'ListExecutions'>): Sfn.ListExecutionsOutput {
  if (request.mapRunArn !== undefined) {
    throw new ApiError('ValidationException', 'The local endpoint keeps no Map Runs (Distributed Map children run inside their parent execution): list by stateMachineArn instead of mapRunArn.');
  }
  if (request.stateMachineArn === undefined) throw new ApiError('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN.');
  const stateMachine = findStateMachine(context, request.stateMachineArn);
  if (stateMachine.type === 'EXPRESS') {
    throw new ApiError('StateMachineTypeNotSupported', `This operation is not supported by this type of state machine: '${stateMachine.arn}' is EXPRESS, whose executions are not recorded.`);
  }
  const { statusFilter } = request;
  const executions = context.store.executionsOf(stateMachine.arn).filter((execution) => statusFilter === undefined || execution.status === statusFilter);
  const page = paginate(executions, request, `ListExecutions ${stateMachine.arn} ${statusFilter ?? ''}`, (execution) => execution.arn);
  return { executions: page.items.map(listItem), ...(page.nextToken !== undefined && { nextToken: page.nextToken }) };
}

export function getExecutionHistory(context: EndpointContext, request: RequestOf<'GetExecutionHistory'>): Sfn.GetExecutionHistoryOutput {
  const execution = findExecution(context, request.executionArn);
  const events = request.reverseOrder ? [...execution.events].reverse() : execution.events;
  const page = paginate(events, request, `GetExecutionHistory ${execution.arn} ${request.reverseOrder ? 'reverse' : 'forward'}`, (event) => String(event.id));
  const items = request.includeExecutionData === false ? page.items.map(withoutData) : page.items;
  return { events: items, ...(page.nextToken !== undefined && { nextToken: page.nextToken }) };
}

/**
 * Stops a running execution (ABORTED, with an ExecutionAborted event carrying `error` and `cause`)
 * and returns when it has stopped. An execution that has already ended is left as it is and its
 * stop date returned.
 */
export async function stopExecution(context: EndpointContext, request: RequestOf<'StopExecution'>): Promise<Sfn.StopExecutionOutput> {
  const execution = findExecution(context, request.executionArn);
  await context.runner.stop(execution.arn, {
    ...(request.error !== undefined && { error: request.error }),
    ...(request.cause !== undefined && { cause: request.cause }),
  });
  return { stopDate: execution.stopDate ?? context.clock.now() };
}

function listItem(execution: StoredExecution): Sfn.ExecutionListItem & Sfn.DescribeExecutionOutput {
  return {
    executionArn: execution.arn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: execution.startDate,
    ...(execution.stopDate !== undefined && { stopDate: execution.stopDate }),
  };
}

/** includeExecutionData: false leaves out every event's input and output, as in AWS. */
function withoutData(event: HistoryEvent): HistoryEvent {
  return Object.fromEntries(
    Object.entries(event).map(([key, value]) => {
      if (!key.endsWith('EventDetails') || typeof value !== 'object' || value === null) return [key, value];
      return [key, Object.fromEntries(Object.entries(value).filter(([field]) => field !== 'input' && field !== 'output'))];
    }),
  ) as HistoryEvent;
}
