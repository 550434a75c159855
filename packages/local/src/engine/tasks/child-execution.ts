import type { Execution } from '../execution.js';
import { runExecution } from '../run-execution.js';
import { StatesError, States } from '../errors.js';
import type { ChildExecution, ExecutionResult, RunOptions } from '../types.js';

/**
 * Starts an execution on behalf of a running one (states:startExecution, Distributed Map children):
 * through `options.startExecution` when the caller keeps executions (the endpoint), otherwise in
 * this process. The child shares the parent's clock, task wiring and services.
 */
export function startChildExecution(parent: Execution, child: ChildExecution): Promise<ExecutionResult> {
  const { options } = parent;
  const inherited: ChildExecution = {
    ...child,
    clock: parent.clock,
    taskTokens: parent.taskTokens,
    tasks: tasksUnderResolvedNames(options.tasks, parent.placeholders),
    services: options.services,
    startExecution: options.startExecution,
    mocks: options.mocks,
  };
  if (options.startExecution) return options.startExecution(inherited);
  const { definition } = inherited;
  if (definition === undefined) {
    return Promise.reject(
      new StatesError(
        'StepFunctions.StateMachineDoesNotExistException',
        `State Machine Does Not Exist: '${child.stateMachineArn}'. Without an endpoint, give options.startExecution to start executions of other state machines.`,
      ),
    );
  }
  return runExecution({ ...inherited, definition });
}

/**
 * A Distributed Map child runs a part of its parent's definition, placeholders already resolved
 * (its `${SumFn}` is now the function's ARN): a task bound by placeholder name is also bound under
 * the value it resolved to, so the child finds it as the parent does.
 */
function tasksUnderResolvedNames(tasks: RunOptions['tasks'], placeholders: ReadonlyMap<string, string>): RunOptions['tasks'] {
  if (!tasks) return tasks;
  const resolved = [...placeholders].filter(([, name]) => tasks[name]).map(([value, name]) => [value, tasks[name]!] as const);
  // A binding under the value itself wins.
  return resolved.length === 0 ? tasks : { ...Object.fromEntries(resolved), ...tasks };
}
