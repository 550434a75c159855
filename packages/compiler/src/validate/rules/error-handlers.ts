import type { ValidationContext } from '../context.js';
import { forEachHandler } from './walk.js';
import { where } from './path-check.js';

/** STEP401: "States.ALL" must be alone in its ErrorEquals, in the last retrier or catcher. */
export function checkStatesAll(context: ValidationContext): void {
  for (const state of context.model.states) {
    for (const field of ['Retry', 'Catch'] as const) {
      forEachHandler(state, field, (handler, location, index, count) => {
        const errors = handler.ErrorEquals;
        if (!Array.isArray(errors) || !errors.includes('States.ALL')) return;
        if (errors.length > 1) {
          context.report(
            'STEP401',
            [...location, 'ErrorEquals'],
            `${where(context, location)} lists "States.ALL" together with other errors; "States.ALL" already matches every error and must stand alone. Use "ErrorEquals": ["States.ALL"], or move the other errors to a ${field === 'Retry' ? 'retrier' : 'catcher'} before it.`,
          );
        }
        if (index !== count - 1) {
          context.report(
            'STEP401',
            [...location, 'ErrorEquals'],
            `${where(context, location)} matches "States.ALL" but is not the last in "${field}", so the ${field === 'Retry' ? 'retriers' : 'catchers'} after it can never apply. Move it to the end of "${field}".`,
          );
        }
      });
    }
  }
}
