import { BOOLEAN_OPERATORS, COMPARISON_OPERATORS, JSONATA_PATTERN } from '../../asl/index.js';
import { describeField, describePlace, describeState, type ValidationContext } from '../context.js';
import { isObject, type Location, type StateEntry } from '../model.js';
import { capitalize } from '../text.js';
import { forEachChoiceRule, forEachHandler, has } from './walk.js';

/**
 * STEP205 for fields of the other query language, and STEP204 for `{% %}` values in a JSONPath
 * state. The schemas accept both languages' fields on a state type; a state's query language
 * (its own "QueryLanguage", else the definition's, else JSONPath) decides which ones it may use.
 * STEP208: a JSONata state machine cannot have JSONPath states (a JSONPath one may have JSONata
 * states); AWS then reports nothing else about that state's fields, and neither does this rule.
 */

/** JSONPath-only state fields, with what a JSONata state uses instead. */
const JSONPATH_ONLY: { readonly [field: string]: string } = {
  InputPath: 'read the input through $states.input in "Arguments" or "Output"',
  Parameters: 'use "Arguments"',
  ResultSelector: 'use "Output" with $states.result',
  ResultPath: 'use "Output" (or "Assign") with $states.result',
  OutputPath: 'use "Output"',
  ItemsPath: 'use "Items"',
  SecondsPath: 'use "Seconds" with a {% … %} expression',
  TimestampPath: 'use "Timestamp" with a {% … %} expression',
  TimeoutSecondsPath: 'use "TimeoutSeconds" with a {% … %} expression',
  HeartbeatSecondsPath: 'use "HeartbeatSeconds" with a {% … %} expression',
  ErrorPath: 'use "Error" with a {% … %} expression',
  CausePath: 'use "Cause" with a {% … %} expression',
  MaxConcurrencyPath: 'use "MaxConcurrency" with a {% … %} expression',
  ToleratedFailurePercentagePath: 'use "ToleratedFailurePercentage" with a {% … %} expression',
  ToleratedFailureCountPath: 'use "ToleratedFailureCount" with a {% … %} expression',
  Result: 'use "Output"',
};

/** JSONata-only state fields, with what a JSONPath state uses instead. */
const JSONATA_ONLY: { readonly [field: string]: string } = {
  Arguments: 'use "Parameters"',
  Output: 'use "ResultSelector", "ResultPath" or "OutputPath"',
  Items: 'use "ItemsPath"',
};

/** Fields whose value may be a `{% %}` expression in a JSONata state only. */
const EXPRESSION_FIELDS = [
  'TimeoutSeconds',
  'HeartbeatSeconds',
  'Seconds',
  'Timestamp',
  'MaxConcurrency',
  'ToleratedFailurePercentage',
  'ToleratedFailureCount',
  'ItemSelector',
] as const;

const OPERATORS = new Set<string>([...COMPARISON_OPERATORS, ...BOOLEAN_OPERATORS, 'Variable']);

export function checkQueryLanguageFields(context: ValidationContext): void {
  for (const state of context.model.states) {
    const object = state.object;
    if (!object || !state.type) continue;
    if (object.QueryLanguage === 'JSONPath' && context.model.queryLanguage === 'JSONata') {
      context.report(
        'STEP208',
        [...state.location, 'QueryLanguage'],
        `${capitalize(describeState(state))} sets "QueryLanguage": "JSONPath", but the state machine uses JSONata (its top-level "QueryLanguage"), and a JSONata state machine cannot have JSONPath states. Remove the state's "QueryLanguage" and write its fields in JSONata, or make the state machine JSONPath and set "QueryLanguage": "JSONata" on the states that use JSONata.`,
      );
      continue;
    }
    if (state.queryLanguage === 'JSONata') {
      for (const field of Object.keys(object)) {
        if (field in JSONPATH_ONLY) wrongLanguage(context, state, [...state.location, field], JSONPATH_ONLY[field]!);
      }
      forEachHandler(state, 'Catch', (catcher, location) => {
        if (has(catcher, 'ResultPath')) wrongLanguage(context, state, [...location, 'ResultPath'], 'use "Output" with $states.errorOutput');
      });
      forEachChoiceRule(state, (rule, location) => {
        for (const field of Object.keys(rule)) {
          if (OPERATORS.has(field)) wrongLanguage(context, state, [...location, field], 'write the test as "Condition": "{% … %}"');
        }
      });
      nestedConfigs(context, state, 'JSONata');
    } else {
      for (const field of Object.keys(object)) {
        if (field in JSONATA_ONLY) wrongLanguage(context, state, [...state.location, field], JSONATA_ONLY[field]!);
      }
      forEachHandler(state, 'Catch', (catcher, location) => {
        if (has(catcher, 'Output')) wrongLanguage(context, state, [...location, 'Output'], 'use "ResultPath"');
      });
      forEachChoiceRule(state, (rule, location) => {
        if (has(rule, 'Condition'))
          wrongLanguage(context, state, [...location, 'Condition'], 'use "Variable" with a comparison operator such as "StringEquals"');
        if (has(rule, 'Output')) wrongLanguage(context, state, [...location, 'Output'], 'shape the output on the states that follow');
      });
      nestedConfigs(context, state, 'JSONPath');
      for (const field of EXPRESSION_FIELDS) {
        const value = object[field];
        if (typeof value === 'string' && JSONATA_PATTERN.test(value)) {
          context.report(
            'STEP204',
            [...state.location, field],
            `${capitalize(describeField(context, [...state.location, field]))} is a JSONata expression, but ${describeState(state)} uses JSONPath${languageSource(state)}. Set "QueryLanguage": "JSONata" on the state, or ${field === 'ItemSelector' ? 'write a JSON object' : field === 'Timestamp' ? `use "TimestampPath"` : `write a number or use "${field}Path"`}.`,
          );
        }
      }
    }
  }
}

/** ItemReader / ResultWriter / ItemBatcher of a Map: Parameters and *Path (JSONPath) vs Arguments (JSONata). */
function nestedConfigs(context: ValidationContext, state: StateEntry, language: 'JSONPath' | 'JSONata'): void {
  const object = state.object!;
  for (const config of ['ItemReader', 'ResultWriter', 'ItemBatcher'] as const) {
    const value = object[config];
    if (!isObject(value)) continue;
    const location = [...state.location, config];
    if (language === 'JSONata') {
      if (has(value, 'Parameters')) wrongLanguage(context, state, [...location, 'Parameters'], 'use "Arguments"');
      for (const field of ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath']) {
        if (has(value, field)) wrongLanguage(context, state, [...location, field], `use "${field.slice(0, -4)}" with a {% … %} expression`);
      }
      if (isObject(value.ReaderConfig) && has(value.ReaderConfig, 'MaxItemsPath')) {
        wrongLanguage(context, state, [...location, 'ReaderConfig', 'MaxItemsPath'], 'use "MaxItems" with a {% … %} expression');
      }
    } else if (has(value, 'Arguments')) {
      wrongLanguage(context, state, [...location, 'Arguments'], 'use "Parameters"');
    }
  }
}

function wrongLanguage(context: ValidationContext, state: StateEntry, location: Location, instead: string): void {
  const field = String(location.at(-1));
  const where =
    location.length === state.location.length + 1 ? '' : ` (in ${describePlace(context, location.slice(0, -1)).replace(/ of .*$/, '')})`;
  const other = state.queryLanguage === 'JSONata' ? 'JSONPath' : 'JSONata';
  context.report(
    'STEP205',
    location,
    `${capitalize(describeState(state))} uses ${state.queryLanguage}${languageSource(state)}, which has no "${field}"${where}: ${instead}, or set "QueryLanguage": "${other}" on the state.`,
  );
}

/** ` (the default)` / ` (from the top-level "QueryLanguage")` / `` when the state says it itself. */
function languageSource(state: StateEntry): string {
  if (state.object?.QueryLanguage === state.queryLanguage) return '';
  return state.queryLanguage === 'JSONPath' ? ' (the default)' : ' (from the top-level "QueryLanguage")';
}
