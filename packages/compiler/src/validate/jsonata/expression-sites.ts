import { isObject, type Location, type StateEntry } from '../model.js';
import { forEachChoiceRule, forEachHandler } from '../rules/walk.js';

/**
 * Where a JSONata state evaluates `{% … %}` strings, and which `$states` fields each place has
 * (States Language specification, "JSONata and $states"): `$states.input` and
 * `$states.context` everywhere; `$states.result` only in the "Output" and "Assign" of a Task,
 * Parallel or Map state (they run after the work); `$states.errorOutput` only in a Catcher's
 * "Output" and "Assign".
 */
export interface ExpressionSite {
  /** The string as written, at `location`. */
  readonly text: string;
  readonly location: Location;
  readonly result: boolean;
  readonly errorOutput: boolean;
}

/** Fields evaluated as templates (`{% %}` strings at any depth) or as single expressions. */
const STATE_FIELDS = [
  'Arguments',
  'Output',
  'Assign',
  'Items',
  'ItemSelector',
  'Credentials',
  'Seconds',
  'Timestamp',
  'Error',
  'Cause',
  'TimeoutSeconds',
  'HeartbeatSeconds',
  'MaxConcurrency',
  'ToleratedFailurePercentage',
  'ToleratedFailureCount',
] as const;

const AFTER_RESULT = new Set(['Output', 'Assign']);
const WITH_RESULT = new Set(['Task', 'Parallel', 'Map']);

/** Calls `visit` for every string of a JSONata state that Step Functions evaluates (or would, were it well-formed). */
export function forEachExpressionSite(state: StateEntry, visit: (site: ExpressionSite) => void): void {
  const object = state.object;
  if (!object || !state.type || state.queryLanguage !== 'JSONata') return;
  const strings = (value: unknown, location: Location, result: boolean, errorOutput: boolean) =>
    forEachString(value, location, (text, at) => visit({ text, location: at, result, errorOutput }));

  const hasResult = WITH_RESULT.has(state.type);
  for (const field of STATE_FIELDS) {
    if (object[field] !== undefined) strings(object[field], [...state.location, field], hasResult && AFTER_RESULT.has(field), false);
  }
  const reader = object.ItemReader;
  if (isObject(reader)) {
    strings(reader.Arguments, [...state.location, 'ItemReader', 'Arguments'], false, false);
    if (isObject(reader.ReaderConfig))
      strings(reader.ReaderConfig.MaxItems, [...state.location, 'ItemReader', 'ReaderConfig', 'MaxItems'], false, false);
  }
  if (isObject(object.ResultWriter)) strings(object.ResultWriter.Arguments, [...state.location, 'ResultWriter', 'Arguments'], false, false);
  const batcher = object.ItemBatcher;
  if (isObject(batcher)) {
    for (const field of ['MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput'] as const) {
      strings(batcher[field], [...state.location, 'ItemBatcher', field], false, false);
    }
  }
  forEachHandler(state, 'Catch', (catcher, location) => {
    strings(catcher.Output, [...location, 'Output'], false, true);
    strings(catcher.Assign, [...location, 'Assign'], false, true);
  });
  forEachChoiceRule(state, (rule, location, depth) => {
    if (depth > 0) return;
    for (const field of ['Condition', 'Output', 'Assign'] as const) strings(rule[field], [...location, field], false, false);
  });
}

/** Every string inside a JSON value (object values and array items; keys are not evaluated). */
function forEachString(value: unknown, location: Location, visit: (text: string, location: Location) => void): void {
  if (typeof value === 'string') visit(value, location);
  else if (Array.isArray(value)) value.forEach((item, index) => forEachString(item, [...location, index], visit));
  else if (isObject(value)) for (const key of Object.keys(value)) forEachString(value[key], [...location, key], visit);
}
