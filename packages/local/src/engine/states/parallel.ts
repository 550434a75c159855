import { Aborted, LinkedController } from '../abort.js';
import type { Branch, ParallelState } from '../asl.js';
import { StatesError, States } from '../errors.js';
import { runStates } from '../run-states.js';
import type { StateRun, Transition } from '../state-run.js';
import { withErrorHandling } from './error-handling.js';
import { effectiveInput, resultTransition } from './state-io.js';

/**
 * Parallel: every branch runs on the effective input at once, each in its own variable scope; the
 * result is the array of branch outputs. The first branch to fail stops the others and the state
 * fails with that branch's error.
 */
export async function runParallel(run: StateRun<ParallelState>): Promise<Transition> {
  return withErrorHandling(run, async () => {
    const input = await effectiveInput(run);
    run.record('ParallelStateStarted');
    const controller = new LinkedController(run.signal);
    const started = run.frame.thread.lastEventId;
    const threads = run.state.Branches.map(() => ({ lastEventId: started }));
    let failure: unknown;
    const outcomes = await Promise.allSettled(
      (run.state.Branches as readonly Branch[]).map((branch, i) =>
        runStates(
          {
            execution: run.execution,
            queryLanguage: run.language,
            variables: run.frame.variables.child(),
            signal: controller.signal,
            thread: threads[i]!,
          },
          branch,
          input,
        ).catch((error: unknown) => {
          if (failure === undefined) {
            failure = error;
            controller.abort(error);
          }
          throw error;
        }),
      ),
    );
    controller.dispose();
    run.frame.thread.lastEventId = Math.max(started, ...threads.map((thread) => thread.lastEventId));
    if (failure !== undefined) {
      if (failure instanceof Aborted || !(failure instanceof StatesError)) throw failure;
      run.record('ParallelStateFailed');
      throw branchError(failure);
    }
    run.record('ParallelStateSucceeded');
    return resultTransition(
      run,
      outcomes.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value),
    );
  });
}

/** A branch that fails without an error name (a Fail state with no Error) fails the state as States.BranchFailed. */
export function branchError(error: StatesError): StatesError {
  return error.error === '' ? new StatesError(States.BranchFailed, error.cause || 'A branch failed without an error name.') : error;
}
