import { pathsInIntrinsic, looksLikeIntrinsic } from '../intrinsics.js';
import { expressionAnalysis } from '../jsonata/analyze-expression.js';
import { forEachExpressionSite } from '../jsonata/expression-sites.js';
import { readJsonataString } from '../jsonata/jsonata-string.js';
import { analyzePath } from '../jsonpath.js';
import { isObject, type JsonObject, type Location, type Model, type StateEntry } from '../model.js';
import { withoutPlaceholders } from '../placeholders.js';
import { STATE_PATH_FIELDS } from '../rules/paths.js';
import { forEachChoiceRule, forEachHandler } from '../rules/walk.js';

/** A workflow variable a state reads, and the field that reads it. */
export interface VariableRead {
  readonly name: string;
  readonly location: Location;
  /** A JSONata function name used as a value: a read only if the workflow assigns a variable of that name. */
  readonly orFunction?: true;
}

/**
 * Every variable a state reads, in either query language. JSONPath: a path starting `$name`
 * in a path field, a Choice rule's `Variable` or `…Path` operand, or a `.$` value of a payload
 * template (intrinsic function arguments included). JSONata: a free `$name` of any `{% … %}`
 * expression (see analyze-expression.ts for what is free).
 */
export function variableReads(model: Model, state: StateEntry): VariableRead[] {
  const reads: VariableRead[] = [];
  if (!state.object || !state.type) return reads;
  if (state.queryLanguage === 'JSONata') {
    forEachExpressionSite(state, (site) => {
      const read = readJsonataString(site.text);
      if (read.kind !== 'expression') return;
      const analysis = expressionAnalysis(model, read.body);
      if (!analysis.ok) return;
      for (const name of analysis.facts.variables) reads.push({ name, location: site.location });
      for (const name of analysis.facts.functionValues) reads.push({ name, location: site.location, orFunction: true });
    });
  } else {
    jsonPathReads(state, state.object, (name, location) => reads.push({ name, location }));
  }
  return reads;
}

type Found = (name: string, location: Location) => void;

/** The templates of a JSONPath state whose `.$` values are paths or intrinsic functions. */
const TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials'] as const;

// Locations are built only for a read found: this runs on every state of every definition.
function jsonPathReads(state: StateEntry, object: JsonObject, found: Found): void {
  const at = (...keys: (string | number)[]) => [...state.location, ...keys];
  for (const field in STATE_PATH_FIELDS) {
    const value = object[field];
    // ResultPath cannot name a variable at all (STEP502 says so); it is not a read.
    if (typeof value === 'string' && field !== 'ResultPath') pathOrIntrinsic(value, () => at(field), found);
  }
  for (const field of TEMPLATE_FIELDS) {
    if (object[field] !== undefined) template(object[field], () => at(field), found);
  }
  forEachHandler(state, 'Catch', (catcher, location) => {
    if (catcher.Assign !== undefined) template(catcher.Assign, () => [...location, 'Assign'], found);
  });
  forEachChoiceRule(state, (rule, location) => {
    for (const field in rule) {
      const value = rule[field];
      if (typeof value === 'string' && (field === 'Variable' || field.endsWith('Path'))) path(value, () => [...location, field], found);
    }
    if (rule.Assign !== undefined) template(rule.Assign, () => [...location, 'Assign'], found);
  });
  const reader = object.ItemReader;
  if (isObject(reader)) {
    template(reader.Parameters, () => at('ItemReader', 'Parameters'), found);
    const config = reader.ReaderConfig;
    if (isObject(config) && typeof config.MaxItemsPath === 'string') {
      path(config.MaxItemsPath, () => at('ItemReader', 'ReaderConfig', 'MaxItemsPath'), found);
    }
  }
  if (isObject(object.ResultWriter)) template(object.ResultWriter.Parameters, () => at('ResultWriter', 'Parameters'), found);
  const batcher = object.ItemBatcher;
  if (isObject(batcher)) {
    template(batcher.BatchInput, () => at('ItemBatcher', 'BatchInput'), found);
    for (const field of ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath'] as const) {
      const value = batcher[field];
      if (typeof value === 'string') path(value, () => at('ItemBatcher', field), found);
    }
  }
}

type Where = () => Location;

function template(value: unknown, where: Where, found: Found): void {
  if (Array.isArray(value)) value.forEach((item, index) => template(item, () => [...where(), index], found));
  else if (isObject(value)) {
    for (const key in value) {
      const field = value[key];
      if (!key.endsWith('.$')) template(field, () => [...where(), key], found);
      else if (typeof field === 'string') pathOrIntrinsic(field, () => [...where(), key], found);
    }
  }
}

function pathOrIntrinsic(text: string, where: Where, found: Found): void {
  if (text.charCodeAt(0) !== 36 /* $ */ && looksLikeIntrinsic(text)) {
    if (text.includes('$')) for (const argument of pathsInIntrinsic(text)) path(argument, where, found);
  } else path(text, where, found);
}

/** `$name…`: the fast test first (most paths start `$.` or `$$`), then the path parser for the name. */
function path(text: string, where: Where, found: Found): void {
  const second = text.charAt(1);
  if (text.charAt(0) !== '$' || second === '' || second === '.' || second === '[' || second === '$') return;
  const analysis = analyzePath(withoutPlaceholders(text));
  if (analysis.root === 'variable' && analysis.variable !== undefined) found(analysis.variable, where());
}
