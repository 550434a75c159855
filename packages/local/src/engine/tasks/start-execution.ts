import { randomUUID } from 'node:crypto';
import { StatesError, States } from '../errors.js';
import type { StateRun } from '../state-run.js';
import type { ExecutionResult } from '../types.js';
import { startChildExecution } from './child-execution.js';
import type { ParsedResource } from './resource.js';

/**
 * `arn:aws:states:::states:startExecution` (answers once the child started), `.sync` (waits; the
 * child's Input and Output as JSON text) and `.sync:2` (as JSON). The caller's `startExecution`
 * finds the child's definition by `StateMachineArn`.
 */
export async function startExecutionTask(run: StateRun, parsed: ParsedResource, input: unknown): Promise<unknown> {
  const { StateMachineArn, Input, Name } = (input ?? {}) as { StateMachineArn?: unknown; Input?: unknown; Name?: unknown };
  if (typeof StateMachineArn !== 'string') {
    throw new StatesError(States.Runtime, `states:startExecution in state '${run.name}' needs a StateMachineArn string parameter.`);
  }
  const childInput = typeof Input === 'string' ? JSON.parse(Input) : (Input ?? {});
  const name = typeof Name === 'string' ? Name : randomUUID();
  const executionArn = `${StateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  const startDate = run.execution.clock.now();
  const started = startChildExecution(run.execution, {
    stateMachineArn: StateMachineArn,
    stateMachineName: StateMachineArn.split(':').at(-1),
    name,
    executionArn,
    input: childInput,
  });

  if (parsed.pattern === 'request') {
    // The parent does not wait for the child's end; a child that cannot start (an unknown state
    // machine, which the caller reports at once) still fails the task.
    const notStarted = await Promise.race([
      started.then(
        () => undefined,
        (error: unknown) => error,
      ),
      new Promise((resolve) => setImmediate(resolve)),
    ]);
    if (notStarted !== undefined) throw notStarted;
    started.catch(() => undefined);
    return { ExecutionArn: executionArn, StartDate: startDate.toISOString() };
  }
  const result = await started;
  const described = describe(result, StateMachineArn, childInput, parsed.pattern === 'sync:2');
  if (result.status !== 'SUCCEEDED') {
    throw new StatesError(States.TaskFailed, JSON.stringify({ ...described, Error: result.error, Cause: result.cause }));
  }
  return described;
}

/** DescribeExecution's answer, as the .sync integrations return it. */
function describe(result: ExecutionResult, stateMachineArn: string, input: unknown, asJson: boolean): Record<string, unknown> {
  return {
    ExecutionArn: result.executionArn,
    Input: asJson ? input : JSON.stringify(input),
    InputDetails: { Included: true },
    Name: result.name,
    ...(result.status === 'SUCCEEDED'
      ? { Output: asJson ? result.output : JSON.stringify(result.output), OutputDetails: { Included: true } }
      : {}),
    StartDate: result.startDate.getTime(),
    StateMachineArn: stateMachineArn,
    Status: result.status,
    StopDate: result.stopDate.getTime(),
  };
}
