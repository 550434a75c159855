import { capitalize, describeValue, truncate } from '../text.js';
import { describePlace, type ValidationContext } from '../context.js';
import { analyzeIntrinsic, looksLikeIntrinsic } from '../intrinsics.js';
import { isObject, type Location, type StateEntry } from '../model.js';
import { isWholePlaceholder, withoutPlaceholders } from '../placeholders.js';
import { checkPathValue, where } from './path-check.js';
import { forEachChoiceRule, forEachHandler } from './walk.js';

/**
 * JSONPath payload templates (Parameters, ResultSelector, ItemSelector, Assign, Credentials, the
 * Distributed Map configs' Parameters and BatchInput): every field whose name ends in `.$` must
 * hold a path (STEP501), a `$$` Context Object path, a `$variable`, or an intrinsic function call
 * (STEP504); anything else is STEP503. STEP505: `key` and `key.$` in the same object would be
 * the same key once `.$` is stripped.
 */
export function checkPayloadTemplates(context: ValidationContext): void {
  for (const state of context.model.states) {
    const object = state.object;
    if (!object || !state.type || state.queryLanguage !== 'JSONPath') continue;
    for (const field of ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials'] as const) {
      if (object[field] !== undefined) template(context, object[field], [...state.location, field]);
    }
    forEachHandler(state, 'Catch', (catcher, location) => {
      if (catcher.Assign !== undefined) template(context, catcher.Assign, [...location, 'Assign']);
    });
    forEachChoiceRule(state, (rule, location) => {
      if (rule.Assign !== undefined) template(context, rule.Assign, [...location, 'Assign']);
    });
    configs(context, state);
  }
}

function configs(context: ValidationContext, state: StateEntry): void {
  const object = state.object!;
  for (const config of ['ItemReader', 'ResultWriter'] as const) {
    const value = object[config];
    if (isObject(value) && value.Parameters !== undefined) template(context, value.Parameters, [...state.location, config, 'Parameters']);
  }
  if (isObject(object.ItemBatcher) && object.ItemBatcher.BatchInput !== undefined) {
    template(context, object.ItemBatcher.BatchInput, [...state.location, 'ItemBatcher', 'BatchInput']);
  }
}

function template(context: ValidationContext, value: unknown, location: Location): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => template(context, item, [...location, index]));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, field] of Object.entries(value)) {
    const at = [...location, key];
    if (key.endsWith('.$')) {
      const plain = key.slice(0, -2);
      if (Object.hasOwn(value, plain)) {
        context.report(
          'STEP505',
          at,
          `${capitalize(describePlace(context, location))} has both "${plain}" and "${key}"; once ".$" is stripped they are the same field "${plain}". Keep only one of them.`,
        );
      }
      dynamicValue(context, at, key, field);
    } else {
      template(context, field, at);
    }
  }
}

function dynamicValue(context: ValidationContext, location: Location, key: string, value: unknown): void {
  if (typeof value !== 'string') {
    context.report(
      'STEP503',
      location,
      `${where(context, location)} must be a path or an intrinsic function (a string), but is ${describeValue(value)}. To pass the value as it is, remove ".$" from the key ("${key.slice(0, -2)}").`,
    );
    return;
  }
  const hasPlaceholder = value.includes('${');
  if (hasPlaceholder && isWholePlaceholder(value)) return;
  const text = (hasPlaceholder ? withoutPlaceholders(value) : value).trim();
  if (text.startsWith('$')) {
    checkPathValue(context, location, value, 'path');
    return;
  }
  if (looksLikeIntrinsic(text)) {
    const problem = analyzeIntrinsic(text);
    if (problem)
      context.report(
        problem.kind === 'path' ? 'STEP501' : 'STEP504',
        location,
        `${where(context, location)} is ${JSON.stringify(truncate(value, 80))}, which ${problem.message}.`,
      );
    return;
  }
  context.report(
    'STEP503',
    location,
    `${where(context, location)} is ${JSON.stringify(truncate(value, 80))}, which is neither a path (starting with "$") nor an intrinsic function call such as States.Format('…', $.x). To pass the text as it is, remove ".$" from the key ("${key.slice(0, -2)}").`,
  );
}
