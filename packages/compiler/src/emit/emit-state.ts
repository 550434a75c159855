import { renderPath, type ir } from '@typestep/dsl';
import { dynamicText, emitByLanguage, emitJsonata, emitTemplate } from './emit-value.js';
import type { Placeholders } from './used-placeholders.js';

type Fields = Record<string, unknown>;

/** How a state is emitted: its effective query language, and the workflow's top-level one. */
export interface Language {
  readonly top: 'JSONata' | 'JSONPath';
}

const isJsonata = (state: { readonly queryLanguage?: 'JSONata' }, language: Language) => state.queryLanguage === 'JSONata' || language.top === 'JSONata';

/**
 * The fields of one state, in a fixed order, without its transitions (Next / End / Choices /
 * Default / Branches / processor / Catch), which the assembler adds because they need the graph.
 */
export function emitStateFields(state: ir.StateNode, placeholders: Placeholders, language: Language): Fields {
  const jsonata = isJsonata(state, language);
  const out: Fields = { Type: state.type };
  // A state says its language only where it differs from the top level (AWS: a JSONata machine holds only JSONata states).
  if (state.queryLanguage && state.queryLanguage !== language.top) out.QueryLanguage = state.queryLanguage;
  if (state.comment !== undefined) out.Comment = state.comment;
  const value = (node: ir.ValueNode) => emitByLanguage(node, jsonata, placeholders);
  const number = (field: string, node: number | ir.JsonataValue | undefined) => {
    if (node !== undefined) out[field] = typeof node === 'number' ? node : emitJsonata(node, placeholders);
  };
  switch (state.type) {
    case 'Task':
      out.Resource = typeof state.resource === 'string' ? state.resource : placeholders.use(state.resource.name);
      putPath(out, 'InputPath', state.inputPath);
      if (state.parameters) out.Parameters = emitTemplate(state.parameters, placeholders);
      if (state.arguments) out.Arguments = value(state.arguments);
      if (state.credentials) out.Credentials = value(state.credentials);
      putResult(out, state, placeholders);
      putPath(out, 'OutputPath', state.outputPath);
      putOutput(out, state, value);
      number('TimeoutSeconds', state.timeoutSeconds);
      if (state.timeoutSecondsPath) out.TimeoutSecondsPath = renderPath(state.timeoutSecondsPath);
      number('HeartbeatSeconds', state.heartbeatSeconds);
      if (state.heartbeatSecondsPath) out.HeartbeatSecondsPath = renderPath(state.heartbeatSecondsPath);
      putRetry(out, state.retry);
      break;
    case 'Pass':
      putPath(out, 'InputPath', state.inputPath);
      if (state.parameters) out.Parameters = emitTemplate(state.parameters, placeholders);
      if (state.result !== undefined) out.Result = state.result;
      putPath(out, 'ResultPath', state.resultPath);
      putPath(out, 'OutputPath', state.outputPath);
      putOutput(out, state, value);
      break;
    case 'Wait': {
      putPath(out, 'InputPath', state.inputPath);
      const wait = state.waitFor;
      if ('seconds' in wait) number('Seconds', wait.seconds);
      else if ('timestamp' in wait) out.Timestamp = typeof wait.timestamp === 'string' ? wait.timestamp : emitJsonata(wait.timestamp, placeholders);
      else if ('secondsPath' in wait) out.SecondsPath = renderPath(wait.secondsPath);
      else out.TimestampPath = renderPath(wait.timestampPath);
      putPath(out, 'OutputPath', state.outputPath);
      putOutput(out, state, value);
      break;
    }
    case 'Choice':
      putPath(out, 'InputPath', state.inputPath);
      putPath(out, 'OutputPath', state.outputPath);
      putOutput(out, state, value);
      break;
    case 'Parallel':
      putPath(out, 'InputPath', state.inputPath);
      if (state.parameters) out.Parameters = emitTemplate(state.parameters, placeholders);
      if (state.arguments) out.Arguments = value(state.arguments);
      break;
    case 'Map':
      putPath(out, 'InputPath', state.inputPath);
      if (state.itemReader) out.ItemReader = value(state.itemReader);
      if (state.itemsPath) out.ItemsPath = renderPath(state.itemsPath);
      if (state.items) out.Items = emitJsonata(state.items, placeholders);
      if (state.itemSelector) {
        const field = state.processorField === 'Iterator' ? 'Parameters' : 'ItemSelector';
        out[field] = state.itemSelector.kind === 'template' ? value(state.itemSelector) : emitJsonata(state.itemSelector, placeholders);
      }
      if (state.itemBatcher) out.ItemBatcher = value(state.itemBatcher);
      number('MaxConcurrency', state.maxConcurrency);
      if (state.maxConcurrencyPath) out.MaxConcurrencyPath = renderPath(state.maxConcurrencyPath);
      number('ToleratedFailurePercentage', state.toleratedFailurePercentage);
      if (state.toleratedFailurePercentagePath) out.ToleratedFailurePercentagePath = renderPath(state.toleratedFailurePercentagePath);
      number('ToleratedFailureCount', state.toleratedFailureCount);
      if (state.toleratedFailureCountPath) out.ToleratedFailureCountPath = renderPath(state.toleratedFailureCountPath);
      if (state.label !== undefined) out.Label = state.label;
      break;
    case 'Succeed':
      putPath(out, 'InputPath', state.inputPath);
      putPath(out, 'OutputPath', state.outputPath);
      putOutput(out, state, value);
      break;
    case 'Fail':
      if (state.error !== undefined) out.Error = typeof state.error === 'string' ? state.error : emitJsonata(state.error, placeholders);
      if (state.errorPath) out.ErrorPath = dynamicText(state.errorPath, placeholders);
      if (state.cause !== undefined) out.Cause = typeof state.cause === 'string' ? state.cause : emitJsonata(state.cause, placeholders);
      if (state.causePath) out.CausePath = dynamicText(state.causePath, placeholders);
      break;
  }
  // Assign comes after the result fields of Parallel and Map too (emitResultTail), as AWS's examples write it.
  if (state.type !== 'Parallel' && state.type !== 'Map' && state.assign) out.Assign = value(state.assign);
  return out;
}

/** Result handling for Parallel and Map, which comes after their branches / processor. */
export function emitResultTail(state: ir.ParallelNode | ir.MapNode, out: Fields, placeholders: Placeholders, language: Language): void {
  const value = (node: ir.ValueNode) => emitByLanguage(node, isJsonata(state, language), placeholders);
  if (state.type === 'Map' && state.resultWriter) out.ResultWriter = value(state.resultWriter);
  putResult(out, state, placeholders);
  putPath(out, 'OutputPath', state.outputPath);
  putOutput(out, state, value);
  if (state.assign) out.Assign = value(state.assign);
  putRetry(out, state.retry);
}

function putOutput(out: Fields, state: ir.InputOutputFields, value: (node: ir.ValueNode) => unknown): void {
  if (state.output) out.Output = value(state.output);
}

function putResult(out: Fields, state: ir.ResultFields, placeholders: Placeholders): void {
  if (state.resultSelector) out.ResultSelector = emitTemplate(state.resultSelector, placeholders);
  putPath(out, 'ResultPath', state.resultPath);
}

function putPath(out: Fields, field: string, path: ir.PathNode | null | undefined): void {
  if (path !== undefined) out[field] = path === null ? null : renderPath(path);
}

function putRetry(out: Fields, retry: readonly ir.RetryNode[] | undefined): void {
  if (!retry) return;
  out.Retry = retry.map((rule) => {
    const r: Fields = { ErrorEquals: [...rule.errorEquals] };
    if (rule.comment !== undefined) r.Comment = rule.comment;
    if (rule.intervalSeconds !== undefined) r.IntervalSeconds = rule.intervalSeconds;
    if (rule.maxAttempts !== undefined) r.MaxAttempts = rule.maxAttempts;
    if (rule.backoffRate !== undefined) r.BackoffRate = rule.backoffRate;
    if (rule.maxDelaySeconds !== undefined) r.MaxDelaySeconds = rule.maxDelaySeconds;
    if (rule.jitterStrategy !== undefined) r.JitterStrategy = rule.jitterStrategy;
    return r;
  });
}
