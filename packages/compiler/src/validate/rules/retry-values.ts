import { capitalize } from '../text.js';
import { describeField, type ValidationContext } from '../context.js';
import type { DiagnosticCode } from '../codes.js';
import { forEachHandler } from './walk.js';

/** The lower bound of each Retrier number (States Language specification, "Retrying after error"). */
const LIMITS: readonly { field: string; minimum: number; code: DiagnosticCode; why: string }[] = [
  { field: 'BackoffRate', minimum: 1, code: 'STEP402', why: 'it multiplies the wait before each retry and must not shrink it' },
  { field: 'MaxAttempts', minimum: 0, code: 'STEP403', why: 'it counts retries (0 means "never retry")' },
  { field: 'IntervalSeconds', minimum: 1, code: 'STEP404', why: 'it is the wait in seconds before the first retry' },
  { field: 'MaxDelaySeconds', minimum: 1, code: 'STEP404', why: 'it caps the wait in seconds between retries' },
];

/** STEP402 BackoffRate < 1, STEP403 MaxAttempts < 0, STEP404 IntervalSeconds / MaxDelaySeconds < 1. */
export function checkRetryValues(context: ValidationContext): void {
  for (const state of context.model.states) {
    forEachHandler(state, 'Retry', (retrier, location) => {
      for (const { field, minimum, code, why } of LIMITS) {
        const value = retrier[field];
        if (typeof value === 'number' && value < minimum) {
          context.report(
            code,
            [...location, field],
            `${capitalize(describeField(context, [...location, field]))} is ${value}, but must be at least ${minimum}: ${why}. Use ${minimum === 0 ? '0 or more' : `${minimum} or more`}.`,
          );
        }
      }
    });
  }
}
