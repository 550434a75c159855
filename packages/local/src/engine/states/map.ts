import { Aborted, LinkedController } from '../abort.js';
import type { ItemProcessor, MapState } from '../asl.js';
import { StatesError } from '../errors.js';
import { runStates } from '../run-states.js';
import type { StateRun, Transition } from '../state-run.js';
import { runDistributedMap } from './distributed-map.js';
import { withErrorHandling } from './error-handling.js';
import { forEachConcurrently, itemInput, mapItems, numberField } from './map-items.js';
import { branchError } from './parallel.js';
import { resultTransition, selectedInput } from './state-io.js';

/** Step Functions runs at most 40 iterations of an inline Map at once, whatever MaxConcurrency says. */
export const INLINE_MAP_CONCURRENCY = 40;

/**
 * Map (inline): runs the ItemProcessor for each item, at most MaxConcurrency at a time (0: as many
 * as Step Functions allows, 40),
 * each iteration in its own variable scope; the result is the array of iteration outputs. The first
 * iteration to fail stops the others and the state fails with its error.
 */
export async function runMap(run: StateRun<MapState>): Promise<Transition> {
  const processor = (run.state.ItemProcessor ?? run.state.Iterator!) as ItemProcessor;
  if (processor.ProcessorConfig?.Mode === 'DISTRIBUTED') return runDistributedMap(run, processor);
  return withErrorHandling(run, async () => {
    const selected = selectedInput(run);
    const items = await mapItems(run, selected);
    const requested = (await numberField(run, selected, 'MaxConcurrency', run.state.MaxConcurrency, run.state.MaxConcurrencyPath)) ?? 0;
    const maxConcurrency = requested === 0 ? INLINE_MAP_CONCURRENCY : Math.min(requested, INLINE_MAP_CONCURRENCY);
    run.record('MapStateStarted', { length: items.length });
    const started = run.frame.thread.lastEventId;
    const controller = new LinkedController(run.signal);
    const results = new Array<unknown>(items.length);
    let failure: unknown;
    let lastEventId = started;

    await forEachConcurrently(
      items.length,
      maxConcurrency,
      async (index) => {
        const thread = { lastEventId: started };
        const { history } = run.execution;
        const details = { name: run.name, index };
        history.record(thread, 'MapIterationStarted', details);
        try {
          const input = await itemInput(run, selected, index, items[index]);
          const frame = {
            execution: run.execution,
            queryLanguage: run.language,
            variables: run.frame.variables.child(),
            signal: controller.signal,
            thread,
            mapItem: { Index: index, Value: items[index] },
          };
          results[index] = await runStates(frame, processor, input);
          history.record(thread, 'MapIterationSucceeded', details);
        } catch (error) {
          history.record(thread, error instanceof Aborted ? 'MapIterationAborted' : 'MapIterationFailed', details);
          if (failure === undefined) {
            failure = error;
            controller.abort(error);
          }
        } finally {
          lastEventId = Math.max(lastEventId, thread.lastEventId);
        }
      },
      () => failure !== undefined,
    );
    controller.dispose();
    run.frame.thread.lastEventId = lastEventId;
    if (failure !== undefined) {
      if (failure instanceof Aborted || !(failure instanceof StatesError)) throw failure;
      run.record('MapStateFailed');
      throw branchError(failure);
    }
    run.record('MapStateSucceeded');
    return resultTransition(run, results);
  });
}
