import type { FailState } from '../asl.js';
import { evaluateIntrinsic, isIntrinsicCall } from '../data/intrinsics/evaluate-intrinsic.js';
import { evaluateJsonata, isJsonataExpression } from '../data/jsonata.js';
import { evaluatePath } from '../data/path-scope.js';
import { runtimeError, StatesError } from '../errors.js';
import type { StateRun } from '../state-run.js';

/** Fail: ends its frame with Error and Cause (static, from a path or intrinsic, or JSONata). */
export async function runFail(run: StateRun<FailState>): Promise<never> {
  const { Error: error, ErrorPath, Cause: cause, CausePath } = run.state;
  const errorValue = await text(run, error, ErrorPath, 'Error');
  const causeValue = await text(run, cause, CausePath, 'Cause');
  throw new StatesError(errorValue ?? '', causeValue ?? '');
}

async function text(
  run: StateRun<FailState>,
  value: string | undefined,
  path: string | undefined,
  field: string,
): Promise<string | undefined> {
  if (run.language === 'JSONata' && isJsonataExpression(value)) {
    const result = await evaluateJsonata(value, run.jsonataScope(), field);
    if (typeof result !== 'string')
      throw runtimeError(run.name, `The ${field} expression must give a string, but gave ${JSON.stringify(result)}.`);
    return result;
  }
  if (path === undefined) return value;
  const scope = run.pathScope(run.rawInput);
  let resolved: unknown;
  if (isIntrinsicCall(path)) resolved = evaluateIntrinsic(path, scope);
  else {
    const found = evaluatePath(path, scope);
    resolved = found.found ? found.value : undefined;
  }
  if (typeof resolved !== 'string') {
    throw runtimeError(run.name, `The ${field}Path '${path}' must select a string, but selects ${JSON.stringify(resolved) ?? 'nothing'}.`);
  }
  return resolved;
}
