import { capitalize } from '../text.js';
import { describeField, describeState, type ValidationContext } from '../context.js';
import { isObject, type JsonObject, type Location } from '../model.js';
import { has } from './walk.js';

/** Pairs of fields of which a state (or its config object) may have only one. */
const STATE_PAIRS: readonly (readonly [string, string])[] = [
  ['TimeoutSeconds', 'TimeoutSecondsPath'],
  ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
  ['Error', 'ErrorPath'],
  ['Cause', 'CausePath'],
  ['MaxConcurrency', 'MaxConcurrencyPath'],
  ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
  ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
  ['ItemProcessor', 'Iterator'],
];

/**
 * STEP207: fields that exclude each other (a value and its `…Path` form; ItemProcessor and the
 * deprecated Iterator; ItemSelector and the deprecated Map Parameters). Also STEP203 for a Map
 * state with neither ItemProcessor nor Iterator (the schema cannot require one of two).
 */
export function checkConflictingFields(context: ValidationContext): void {
  for (const state of context.model.states) {
    const object = state.object;
    if (!object || !state.type) continue;
    pairs(context, object, state.location, STATE_PAIRS);
    if (state.type !== 'Map') continue;
    if (has(object, 'ItemSelector') && has(object, 'Parameters')) {
      context.report(
        'STEP207',
        [...state.location, 'Parameters'],
        `${capitalize(describeState(state))} has both "ItemSelector" and "Parameters"; in a Map state "Parameters" is the deprecated name of "ItemSelector". Keep only "ItemSelector".`,
      );
    }
    if (!has(object, 'ItemProcessor') && !has(object, 'Iterator')) {
      context.report(
        'STEP203',
        [...state.location, 'ItemProcessor'],
        `${capitalize(describeState(state))} is missing the required field "ItemProcessor". Add "ItemProcessor": { "StartAt": …, "States": { … } } with the states to run for each item.`,
      );
    }
    const reader = object.ItemReader;
    if (isObject(reader) && isObject(reader.ReaderConfig)) {
      pairs(context, reader.ReaderConfig, [...state.location, 'ItemReader', 'ReaderConfig'], [['MaxItems', 'MaxItemsPath']]);
    }
    if (isObject(object.ItemBatcher)) {
      pairs(
        context,
        object.ItemBatcher,
        [...state.location, 'ItemBatcher'],
        [
          ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'],
          ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'],
        ],
      );
    }
  }
}

function pairs(context: ValidationContext, object: JsonObject, location: Location, list: readonly (readonly [string, string])[]): void {
  for (const [first, second] of list) {
    if (has(object, first) && has(object, second)) {
      context.report(
        'STEP207',
        [...location, second],
        `${capitalize(describeField(context, [...location, second]))} cannot be used together with "${first}": they set the same thing. Keep one of them.`,
      );
    }
  }
}
