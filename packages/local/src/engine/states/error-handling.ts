import { Aborted } from '../abort.js';
import type { Catcher, MapState, ParallelState, Retrier, TaskState } from '../asl.js';
import { applyResultPath } from '../data/json-path-io.js';
import { evaluateJsonataTemplate } from '../data/jsonata.js';
import { errorMatches, StatesError } from '../errors.js';
import type { StateRun, Transition } from '../state-run.js';
import { jsonataAssign, jsonPathAssign } from './state-io.js';

/** The states that have Retry and Catch. */
type Handling = TaskState | ParallelState | MapState;

/**
 * Runs `attempt` under the state's Retry and Catch. The first retrier whose ErrorEquals matches
 * decides: it retries after IntervalSeconds × BackoffRate^n (capped by MaxDelaySeconds, randomised
 * by JitterStrategy FULL) until its MaxAttempts are used up. Then the first matching catcher
 * turns the error into the state's output and next state; otherwise the error propagates.
 */
export async function withErrorHandling(run: StateRun<Handling>, attempt: () => Promise<Transition>): Promise<Transition> {
  const retriers = run.state.Retry ?? [];
  const used = retriers.map(() => 0);
  for (;;) {
    try {
      return await attempt();
    } catch (thrown) {
      if (!(thrown instanceof StatesError)) throw thrown;
      const index = retriers.findIndex((retrier) => retrier.ErrorEquals.some((pattern) => errorMatches(pattern, thrown.error)));
      const retrier = retriers[index];
      if (retrier && used[index]! < (retrier.MaxAttempts ?? 3)) {
        await run.execution.clock.sleep(retryDelayMs(retrier, used[index]!), run.signal).catch(() => {
          throw new Aborted('aborted');
        });
        used[index]!++;
        run.retryCount++;
        continue;
      }
      const catcher = run.state.Catch?.find((c) => c.ErrorEquals.some((pattern) => errorMatches(pattern, thrown.error)));
      if (!catcher) throw thrown;
      return catchTransition(run, catcher, thrown);
    }
  }
}

export function retryDelayMs(retrier: Retrier, attempt: number): number {
  let seconds = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** attempt;
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') seconds = Math.random() * seconds;
  return seconds * 1000;
}

/** The state's output when a catcher handles the error: `{ Error, Cause }` placed by ResultPath / Output. */
async function catchTransition(run: StateRun<Handling>, catcher: Catcher, error: StatesError): Promise<Transition> {
  const errorOutput = { Error: error.error, Cause: error.cause };
  if (run.language === 'JSONata') {
    const scope = run.jsonataScope({ errorOutput });
    const output = catcher.Output === undefined ? errorOutput : await evaluateJsonataTemplate(catcher.Output, scope, 'Catch.Output');
    return { output, next: catcher.Next, assign: await jsonataAssign(catcher.Assign, scope) };
  }
  const output = applyResultPath(run.rawInput, errorOutput, catcher.ResultPath);
  return { output, next: catcher.Next, assign: jsonPathAssign(run, catcher.Assign, errorOutput) };
}
