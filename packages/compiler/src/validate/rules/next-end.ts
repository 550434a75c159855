import { capitalize } from '../text.js';
import { describeState, type ValidationContext } from '../context.js';
import { has } from './walk.js';

const TRANSITIONING = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/**
 * STEP108 and STEP109: a Task, Pass, Wait, Parallel or Map state has exactly one of "Next" and
 * "End": true. (Choice, Succeed and Fail have neither; the schema reports those fields there.)
 */
export function checkNextAndEnd(context: ValidationContext): void {
  for (const state of context.model.states) {
    const object = state.object;
    if (!object || !state.type || !TRANSITIONING.has(state.type)) continue;
    const hasNext = has(object, 'Next');
    if (hasNext && object.End === true) {
      context.report(
        'STEP108',
        [...state.location, 'End'],
        `${capitalize(describeState(state))} has both "Next" and "End": true; a state either goes on or ends. Remove "End" to go on to ${JSON.stringify(object.Next)}, or remove "Next" to end here.`,
      );
    } else if (!hasNext && object.End !== true) {
      context.report(
        'STEP109',
        state.location,
        `${capitalize(describeState(state))} has neither "Next" nor "End": true${has(object, 'End') ? ' ("End" is false)' : ''}. Add "Next" with the state to run after it, or "End": true if ${state.scope.kind === 'machine' ? 'the execution' : state.scope.kind === 'branch' ? 'the branch' : 'the iteration'} ends here.`,
      );
    }
  }
}
