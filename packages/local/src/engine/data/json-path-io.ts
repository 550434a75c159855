import { runtimeError, StatesError, States } from '../errors.js';
import { describePath, referenceSegments } from './json-path.js';
import { evaluatePath, type PathScope } from './path-scope.js';

/**
 * The InputPath / ResultPath / OutputPath steps of a JSONPath state. `null` discards (the data
 * becomes `{}`, or for ResultPath the state input passes through); a path that selects nothing is a
 * States.Runtime error, which ends the execution.
 */

/** InputPath or OutputPath over `data`; `scope` (built only when needed) gives `$$` and the variables. */
export function selectPath(
  stateName: string,
  path: string | null | undefined,
  data: unknown,
  scope: (data: unknown) => PathScope,
): unknown {
  if (path === null) return {};
  if (path === undefined || path === '$') return data;
  const found = evaluatePath(path, scope(data));
  if (!found.found) throw runtimeError(stateName, `Invalid path '${path}' : No results for path: ${describePath(path)}`);
  return found.value;
}

/** Puts `result` into a copy of the state's raw input at `path` (a Reference Path). */
export function applyResultPath(rawInput: unknown, result: unknown, path: string | null | undefined): unknown {
  if (path === null) return rawInput;
  if (path === undefined || path === '$') return result;
  const segments = referenceSegments(path);
  if (!segments)
    throw new StatesError(States.ResultPathMatchFailure, `ResultPath '${path}' is not a Reference Path (it must select a single node).`);
  const mismatch = () =>
    new StatesError(
      States.ResultPathMatchFailure,
      `Unable to apply ResultPath '${path}' to input ${JSON.stringify(rawInput)}: it does not lead through JSON objects.`,
    );
  const isObject = (value: unknown): value is Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isObject(rawInput)) throw mismatch();
  const root: Record<string, unknown> = { ...rawInput };
  let parent: Record<string, unknown> = root;
  segments.forEach((segment, i) => {
    if (i === segments.length - 1) {
      parent[segment] = result;
      return;
    }
    const child = parent[segment];
    if (child === undefined) parent[segment] = {};
    else if (isObject(child)) parent[segment] = { ...child };
    else throw mismatch();
    parent = parent[segment] as Record<string, unknown>;
  });
  return root;
}
