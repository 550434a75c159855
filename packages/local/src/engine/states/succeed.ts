import type { SucceedState } from '../asl.js';
import type { StateRun, Transition } from '../state-run.js';
import { passThroughTransition, selectedInput } from './state-io.js';

/** Succeed: ends its frame with the (selected) input as output. */
export async function runSucceed(run: StateRun<SucceedState>): Promise<Transition> {
  return passThroughTransition(run, selectedInput(run), undefined);
}
