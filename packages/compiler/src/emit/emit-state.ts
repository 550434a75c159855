import { renderPath, type ir } from '@typestep/dsl';
import { dynamicText, emitTemplate } from './emit-value.js';
import type { Placeholders } from './used-placeholders.js';

type Fields = Record<string, unknown>;

/**
 * The fields of one state, in a fixed order, without its transitions (Next / End / Choices /
 * Default / Branches / processor / Catch), which the assembler adds because they need the graph.
 */
export function emitStateFields(state: ir.StateNode, placeholders: Placeholders): Fields {
  const out: Fields = { Type: state.type };
  if (state.comment !== undefined) out.Comment = state.comment;
  switch (state.type) {
    case 'Task':
      out.Resource = typeof state.resource === 'string' ? state.resource : placeholders.use(state.resource.name);
      putPath(out, 'InputPath', state.inputPath);
      if (state.parameters) out.Parameters = emitTemplate(state.parameters, placeholders);
      if (state.credentials) out.Credentials = emitTemplate(state.credentials, placeholders);
      putResult(out, state, placeholders);
      putPath(out, 'OutputPath', state.outputPath);
      if (state.timeoutSeconds !== undefined) out.TimeoutSeconds = state.timeoutSeconds;
      if (state.timeoutSecondsPath) out.TimeoutSecondsPath = renderPath(state.timeoutSecondsPath);
      if (state.heartbeatSeconds !== undefined) out.HeartbeatSeconds = state.heartbeatSeconds;
      if (state.heartbeatSecondsPath) out.HeartbeatSecondsPath = renderPath(state.heartbeatSecondsPath);
      putRetry(out, state.retry);
      break;
    case 'Pass':
      putPath(out, 'InputPath', state.inputPath);
      if (state.parameters) out.Parameters = emitTemplate(state.parameters, placeholders);
      if (state.result !== undefined) out.Result = state.result;
      putPath(out, 'ResultPath', state.resultPath);
      putPath(out, 'OutputPath', state.outputPath);
      break;
    case 'Wait': {
      putPath(out, 'InputPath', state.inputPath);
      const wait = state.waitFor;
      if ('seconds' in wait) out.Seconds = wait.seconds;
      else if ('timestamp' in wait) out.Timestamp = wait.timestamp;
      else if ('secondsPath' in wait) out.SecondsPath = renderPath(wait.secondsPath);
      else out.TimestampPath = renderPath(wait.timestampPath);
      putPath(out, 'OutputPath', state.outputPath);
      break;
    }
    case 'Choice':
      putPath(out, 'InputPath', state.inputPath);
      putPath(out, 'OutputPath', state.outputPath);
      break;
    case 'Parallel':
      putPath(out, 'InputPath', state.inputPath);
      if (state.parameters) out.Parameters = emitTemplate(state.parameters, placeholders);
      break;
    case 'Map':
      putPath(out, 'InputPath', state.inputPath);
      if (state.itemsPath) out.ItemsPath = renderPath(state.itemsPath);
      if (state.maxConcurrency !== undefined) out.MaxConcurrency = state.maxConcurrency;
      if (state.itemSelector) out[state.processorField === 'Iterator' ? 'Parameters' : 'ItemSelector'] = emitTemplate(state.itemSelector, placeholders);
      break;
    case 'Succeed':
      putPath(out, 'InputPath', state.inputPath);
      putPath(out, 'OutputPath', state.outputPath);
      break;
    case 'Fail':
      if (state.error !== undefined) out.Error = state.error;
      if (state.errorPath) out.ErrorPath = dynamicText(state.errorPath);
      if (state.cause !== undefined) out.Cause = state.cause;
      if (state.causePath) out.CausePath = dynamicText(state.causePath);
      break;
  }
  return out;
}

/** Result handling for Parallel and Map, which comes after their branches / processor. */
export function emitResultTail(state: ir.ParallelNode | ir.MapNode, out: Fields, placeholders: Placeholders): void {
  putResult(out, state, placeholders);
  putPath(out, 'OutputPath', state.outputPath);
  putRetry(out, state.retry);
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
