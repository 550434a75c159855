import { capitalize, orList, quoteList } from '../text.js';
import { describeState, type ValidationContext } from '../context.js';
import { has } from './walk.js';

/** STEP506: a Wait state has exactly one of Seconds, Timestamp, SecondsPath, TimestampPath (JSONata: Seconds or Timestamp). */
export function checkWaitTime(context: ValidationContext): void {
  for (const state of context.model.states) {
    if (state.type !== 'Wait' || !state.object) continue;
    const fields = state.queryLanguage === 'JSONata' ? ['Seconds', 'Timestamp'] : ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'];
    const present = fields.filter((field) => has(state.object!, field));
    if (present.length === 0) {
      context.report(
        'STEP506',
        state.location,
        `${capitalize(describeState(state))} does not say how long to wait. Add one of ${orList(fields)}.`,
      );
    } else if (present.length > 1) {
      context.report(
        'STEP506',
        [...state.location, present[1]!],
        `${capitalize(describeState(state))} has ${quoteList(present)}, but a Wait state takes exactly one of ${orList(fields)}. Keep one of them.`,
      );
    }
  }
}
