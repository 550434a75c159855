import { randomUUID } from 'node:crypto';
import { Aborted, LinkedController } from '../abort.js';
import type { ItemProcessor, MapState, StateMachineDefinition } from '../asl.js';
import { batchItems } from '../distributed/item-batcher.js';
import { readItems } from '../distributed/item-reader.js';
import { writeResults, type ChildRecord } from '../distributed/result-writer.js';
import { StatesError, States } from '../errors.js';
import type { StateRun, Transition } from '../state-run.js';
import { startChildExecution } from '../tasks/child-execution.js';
import { withErrorHandling } from './error-handling.js';
import { forEachConcurrently, itemInput, mapItems, numberField } from './map-items.js';
import { resultTransition, selectedInput } from './state-io.js';

/**
 * How many child executions run at once when MaxConcurrency is absent or 0. AWS then runs up to
 * 10,000; locally they all run in this one process, so the engine stops at 1,000.
 */
const DEFAULT_MAX_CONCURRENCY = 1000;

/**
 * Map in DISTRIBUTED mode: a Map Run whose items (from the input or an ItemReader, optionally
 * batched) each run as a child execution of the ItemProcessor, which sees none of the parent's
 * variables. Failed children are tolerated up to ToleratedFailureCount / ToleratedFailurePercentage
 * (none by default); past that the run stops with States.ExceedToleratedFailureThreshold. The
 * result is the children's outputs, or with a ResultWriter the location of the result files.
 */
export async function runDistributedMap(run: StateRun<MapState>, processor: ItemProcessor): Promise<Transition> {
  const { identity } = run.execution;
  const label = run.state.Label ?? run.name;
  const childStateMachineArn = `${identity.stateMachineArn}/${label}`;
  const childDefinition: StateMachineDefinition = {
    StartAt: processor.StartAt,
    States: processor.States,
    QueryLanguage: run.language,
  };

  return withErrorHandling(run, async () => {
    const selected = selectedInput(run);
    const state = run.state;
    const items = state.ItemReader ? await readItems(run, state.ItemReader, selected) : await mapItems(run, selected);
    const selectedItems = await Promise.all(items.map((item, index) => itemInput(run, selected, index, item)));
    const inputs = state.ItemBatcher ? await batchItems(run, state.ItemBatcher, selectedItems, selected) : selectedItems;
    const maxConcurrency =
      (await numberField(run, selected, 'MaxConcurrency', state.MaxConcurrency, state.MaxConcurrencyPath)) || DEFAULT_MAX_CONCURRENCY;
    const toleratedCount = await numberField(
      run,
      selected,
      'ToleratedFailureCount',
      state.ToleratedFailureCount,
      state.ToleratedFailureCountPath,
    );
    const toleratedPercentage = await numberField(
      run,
      selected,
      'ToleratedFailurePercentage',
      state.ToleratedFailurePercentage,
      state.ToleratedFailurePercentagePath,
    );
    const exceeded = (failed: number) => {
      if (toleratedCount === undefined && toleratedPercentage === undefined) return failed > 0;
      return (
        (toleratedCount !== undefined && failed > toleratedCount) ||
        (toleratedPercentage !== undefined && (failed / inputs.length) * 100 > toleratedPercentage)
      );
    };

    const mapRunId = randomUUID();
    const mapRunArn = `arn:aws:states:${identity.region}:${identity.stateMachineArn.split(':')[4]}:mapRun:${identity.stateMachineName}/${label}:${mapRunId}`;
    run.record('MapStateStarted', { length: inputs.length });
    run.record('MapRunStarted', { mapRunArn });

    const controller = new LinkedController(run.signal);
    const children = new Array<ChildRecord>(inputs.length);
    let failed = 0;
    let stopped = false;
    await forEachConcurrently(
      inputs.length,
      maxConcurrency,
      async (index) => {
        const name = randomUUID();
        const result = await startChildExecution(run.execution, {
          definition: childDefinition,
          input: inputs[index],
          name,
          stateMachineArn: childStateMachineArn,
          stateMachineName: `${identity.stateMachineName}/${label}`,
          executionArn: `${childStateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`,
          signal: controller.signal,
        });
        children[index] = { input: inputs[index], result, stateMachineArn: childStateMachineArn };
        if (result.status !== 'SUCCEEDED' && !stopped) {
          failed++;
          if (exceeded(failed)) {
            stopped = true;
            controller.abort(new StatesError(States.ExceedToleratedFailureThreshold));
          }
        }
      },
      () => stopped || run.signal.aborted,
    );
    controller.dispose();
    if (run.signal.aborted) throw new Aborted('aborted');

    if (stopped) {
      const cause = `The Map Run ${mapRunArn} failed: ${failed} of ${inputs.length} child executions failed, more than the tolerated failure threshold.`;
      run.record('MapRunFailed', { error: States.ExceedToleratedFailureThreshold, cause });
      run.record('MapStateFailed');
      throw new StatesError(States.ExceedToleratedFailureThreshold, cause);
    }
    run.record('MapRunSucceeded');
    run.record('MapStateSucceeded');
    const result = state.ResultWriter
      ? await writeResults(run, state.ResultWriter, selected, mapRunArn, children)
      : children.map(({ result }) => (result.status === 'SUCCEEDED' ? result.output : { Error: result.error, Cause: result.cause }));
    return resultTransition(run, result);
  });
}
