import { Aborted } from './abort.js';
import { Execution } from './execution.js';
import { dataDetails } from './history.js';
import { checkedJson } from './data/payload-limit.js';
import { StatesError, States } from './errors.js';
import { loadDefinition } from './load-definition.js';
import { runStates } from './run-states.js';
import type { ExecutionResult, ExecutionStatus, RunOptions } from './types.js';
import { Variables } from './variables.js';

/** Why the states still running are stopped once the execution has its outcome (one shared value: an Error per run costs a stack trace). */
const EXECUTION_ENDED = new Aborted('execution ended');

type Ending = { status: Exclude<ExecutionStatus, 'RUNNING'>; output?: unknown; error?: string; cause?: string };

/**
 * Runs one execution to its end. Never throws for a failing workflow: the failure is in the result.
 * Throws only for a definition that does not load (error.name === 'InvalidDefinition', message says why).
 */
export async function runExecution(options: RunOptions): Promise<ExecutionResult> {
  const { definition, placeholders } = loadDefinition(options.definition, options.substitutions, options.stateMachineName);
  const input = options.input === undefined ? {} : options.input;
  const execution = new Execution(options, definition, input, placeholders);
  const { history, identity, clock } = execution;

  history.record({ lastEventId: 0 }, 'ExecutionStarted', { ...dataDetails('input', input), roleArn: identity.roleArn });
  // As in AWS's histories, the first state's event follows event 0, not ExecutionStarted.
  const thread = { lastEventId: 0 };
  const frame = {
    execution,
    queryLanguage: definition.QueryLanguage ?? 'JSONPath',
    variables: Variables.root(),
    signal: execution.signal,
    thread,
  } as const;

  let interrupt!: (ending: Ending) => void;
  const interrupted = new Promise<Ending>((resolve) => (interrupt = resolve));
  const onStop = () => interrupt({ status: 'ABORTED', ...stopReason(options.signal?.reason) });
  if (options.signal?.aborted) onStop();
  options.signal?.addEventListener('abort', onStop, { once: true });
  const timer = definition.TimeoutSeconds !== undefined ? new AbortController() : undefined;
  if (timer) {
    clock.sleep(definition.TimeoutSeconds! * 1000, timer.signal).then(
      () =>
        interrupt({
          status: 'TIMED_OUT',
          error: States.Timeout,
          cause: `The execution ran longer than the state machine's TimeoutSeconds (${definition.TimeoutSeconds}).`,
        }),
      () => undefined,
    );
  }

  const running = (async (): Promise<Ending> => {
    try {
      checkedJson(input, 'The execution input');
      const output = await runStates(frame, definition, input);
      return { status: 'SUCCEEDED', output };
    } catch (thrown) {
      if (thrown instanceof Aborted) return { status: 'ABORTED' };
      if (thrown instanceof StatesError) return { status: 'FAILED', error: thrown.error, cause: thrown.cause };
      const error = thrown as Error;
      return { status: 'FAILED', error: States.Runtime, cause: `Internal error of the local engine: ${error?.stack ?? String(thrown)}` };
    }
  })();

  const first = await Promise.race([
    running.then((ending) => ({ ending, stopped: false })),
    interrupted.then((ending) => ({ ending, stopped: true })),
  ]);
  let { ending } = first;
  if (first.stopped) {
    // Stopped or timed out: stop the states still running and let them record their *Aborted events.
    execution.controller.abort(new Aborted(ending.status));
    await running;
  } else if (ending.status === 'SUCCEEDED') {
    try {
      checkedJson(ending.output, 'The execution output');
    } catch (error) {
      ending = { status: 'FAILED', error: (error as StatesError).error, cause: (error as StatesError).cause };
    }
  }
  timer?.abort(EXECUTION_ENDED);
  options.signal?.removeEventListener('abort', onStop);

  switch (ending.status) {
    case 'SUCCEEDED':
      history.record(thread, 'ExecutionSucceeded', dataDetails('output', ending.output));
      break;
    case 'FAILED':
      history.record(thread, 'ExecutionFailed', { error: ending.error, cause: ending.cause });
      break;
    case 'TIMED_OUT':
      history.record(thread, 'ExecutionTimedOut', { error: ending.error, cause: ending.cause });
      break;
    case 'ABORTED':
      history.record(thread, 'ExecutionAborted', {
        ...(ending.error !== undefined ? { error: ending.error } : {}),
        ...(ending.cause !== undefined ? { cause: ending.cause } : {}),
      });
      break;
  }
  return {
    executionArn: identity.executionArn,
    name: identity.name,
    status: ending.status,
    ...(ending.status === 'SUCCEEDED' ? { output: ending.output } : { error: ending.error, cause: ending.cause }),
    startDate: identity.startTime,
    stopDate: clock.now(),
    events: history.events,
  };
}

/** StopExecution's error and cause, when the abort reason carries them. */
function stopReason(reason: unknown): { error?: string; cause?: string } {
  if (reason && typeof reason === 'object' && ('error' in reason || 'cause' in reason)) {
    const { error, cause } = reason as { error?: unknown; cause?: unknown };
    return { ...(typeof error === 'string' ? { error } : {}), ...(typeof cause === 'string' ? { cause } : {}) };
  }
  return {};
}
