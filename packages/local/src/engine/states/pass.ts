import type { PassState } from '../asl.js';
import { evaluatePayloadTemplate } from '../data/payload-template.js';
import type { StateRun, Transition } from '../state-run.js';
import { resultTransition, selectedInput } from './state-io.js';

/** Pass: its result is `Result`, or `Parameters` applied to the input, or the input itself. */
export async function runPass(run: StateRun<PassState>): Promise<Transition> {
  if (run.language === 'JSONata') return resultTransition(run, run.rawInput);
  const selected = selectedInput(run);
  const { Result, Parameters } = run.state;
  const result =
    Result !== undefined ? Result : Parameters !== undefined ? evaluatePayloadTemplate(Parameters, run.pathScope(selected)) : selected;
  return resultTransition(run, result);
}
