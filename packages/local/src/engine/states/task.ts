import type { TaskState } from '../asl.js';
import { evaluateJsonata, isJsonataExpression } from '../data/jsonata.js';
import { checkedJson } from '../data/payload-limit.js';
import { evaluatePath } from '../data/path-scope.js';
import { runtimeError } from '../errors.js';
import type { StateRun, Transition } from '../state-run.js';
import { invokeTask, type TaskLimits } from '../tasks/invoke-task.js';
import { parseResource } from '../tasks/resource.js';
import { TokenWait } from '../tasks/token-wait.js';
import { withErrorHandling } from './error-handling.js';
import { effectiveInput, resultTransition, selectedInput } from './state-io.js';

/** Task: effective input → the resource's work (handler, mock or integration) → result → output. */
export async function runTask(run: StateRun<TaskState>): Promise<Transition> {
  const parsed = parseResource(run.state.Resource);
  return withErrorHandling(run, async () => {
    const wait = parsed.pattern === 'waitForTaskToken' ? new TokenWait(run.execution.taskTokens) : undefined;
    run.taskToken = wait?.token;
    try {
      const input = await effectiveInput(run);
      checkedJson(input, `The input of the task in state '${run.name}'`);
      const result = await invokeTask(run, parsed, input, await taskLimits(run), wait);
      return await resultTransition(run, result);
    } finally {
      wait?.close('done');
    }
  });
}

async function taskLimits(run: StateRun<TaskState>): Promise<TaskLimits> {
  const { TimeoutSeconds, TimeoutSecondsPath, HeartbeatSeconds, HeartbeatSecondsPath, Credentials } = run.state;
  const seconds = async (field: string, value: number | string | undefined, path: string | undefined): Promise<number | undefined> => {
    let resolved: unknown = value;
    if (path !== undefined) {
      const found = evaluatePath(path, run.pathScope(selectedInput(run)));
      resolved = found.found ? found.value : undefined;
    } else if (run.language === 'JSONata' && isJsonataExpression(value)) {
      resolved = await evaluateJsonata(value, run.jsonataScope(), field);
    }
    if (resolved === undefined) return undefined;
    if (typeof resolved !== 'number' || !Number.isInteger(resolved) || resolved < 1) {
      throw runtimeError(run.name, `${field} must be a positive integer, but is ${JSON.stringify(resolved)}.`);
    }
    return resolved;
  };
  const timeoutSeconds = await seconds('TimeoutSeconds', TimeoutSeconds, TimeoutSecondsPath);
  const heartbeatSeconds = await seconds('HeartbeatSeconds', HeartbeatSeconds, HeartbeatSecondsPath);
  return {
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(heartbeatSeconds !== undefined ? { heartbeatSeconds } : {}),
    ...(Credentials ? { credentials: Credentials } : {}),
  };
}
