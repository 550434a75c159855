import type { ValidationContext } from '../context.js';
import { isObject, type JsonObject, type Location, type StateEntry } from '../model.js';
import { checkPathValue, type PathKind } from './path-check.js';
import { forEachChoiceRule, forEachHandler } from './walk.js';

/** The path fields of a state, and what each must hold (States Language specification). */
export const STATE_PATH_FIELDS: { readonly [field: string]: PathKind } = {
  InputPath: 'path',
  OutputPath: 'path',
  ResultPath: 'result',
  ItemsPath: 'reference',
  SecondsPath: 'reference',
  TimestampPath: 'reference',
  TimeoutSecondsPath: 'reference',
  HeartbeatSecondsPath: 'reference',
  MaxConcurrencyPath: 'reference',
  ToleratedFailurePercentagePath: 'reference',
  ToleratedFailureCountPath: 'reference',
  ErrorPath: 'reference-or-intrinsic',
  CausePath: 'reference-or-intrinsic',
};

/**
 * STEP501/STEP502 for the path fields of JSONPath states: the state's own, each Catcher's
 * ResultPath, each Choice rule's Variable and `…Path` operand, and the Distributed Map configs'
 * `…Path` fields. (`.$` values in payload templates are checked with the templates.) JSONata
 * states are skipped: their path fields are reported as belonging to the other language.
 */
export function checkPaths(context: ValidationContext): void {
  for (const state of context.model.states) {
    const object = state.object;
    if (!object || !state.type || state.queryLanguage !== 'JSONPath') continue;
    fields(context, object, state.location, STATE_PATH_FIELDS);
    forEachHandler(state, 'Catch', (catcher, location) => fields(context, catcher, location, { ResultPath: 'result' }));
    forEachChoiceRule(state, (rule, location) => {
      for (const [field, value] of Object.entries(rule)) {
        if (typeof value === 'string' && (field === 'Variable' || field.endsWith('Path')))
          checkPathValue(context, [...location, field], value, 'path');
      }
    });
    configs(context, state);
  }
}

function configs(context: ValidationContext, state: StateEntry): void {
  const object = state.object!;
  const reader = object.ItemReader;
  if (isObject(reader) && isObject(reader.ReaderConfig)) {
    fields(context, reader.ReaderConfig, [...state.location, 'ItemReader', 'ReaderConfig'], { MaxItemsPath: 'reference' });
  }
  if (isObject(object.ItemBatcher)) {
    fields(context, object.ItemBatcher, [...state.location, 'ItemBatcher'], {
      MaxItemsPerBatchPath: 'reference',
      MaxInputBytesPerBatchPath: 'reference',
    });
  }
}

function fields(context: ValidationContext, object: JsonObject, location: Location, kinds: { readonly [field: string]: PathKind }): void {
  for (const field in object) {
    const kind = Object.hasOwn(kinds, field) ? kinds[field] : undefined;
    const value = object[field];
    if (kind && typeof value === 'string') checkPathValue(context, [...location, field], value, kind);
  }
}
