import type { MapState } from '../asl.js';
import { evaluateJsonata, evaluateJsonataTemplate, isJsonataExpression } from '../data/jsonata.js';
import { evaluatePath } from '../data/path-scope.js';
import { evaluatePayloadTemplate } from '../data/payload-template.js';
import { runtimeError } from '../errors.js';
import type { StateRun } from '../state-run.js';

/** The Map's items: ItemsPath over the (InputPath-selected) input, or JSONata `Items`. */
export async function mapItems(run: StateRun<MapState>, selected: unknown): Promise<unknown[]> {
  let items: unknown;
  if (run.language === 'JSONata') {
    items = run.state.Items === undefined ? run.rawInput : await evaluateJsonataTemplate(run.state.Items, run.jsonataScope(), 'Items');
  } else if (run.state.ItemsPath === undefined || run.state.ItemsPath === '$') {
    items = selected;
  } else {
    const found = evaluatePath(run.state.ItemsPath, run.pathScope(selected));
    if (!found.found) throw runtimeError(run.name, `Invalid path '${run.state.ItemsPath}': the Map state's ItemsPath selects nothing.`);
    items = found.value;
  }
  if (!Array.isArray(items)) {
    throw runtimeError(run.name, `The Map state's items must be a JSON array, but are ${JSON.stringify(items)?.slice(0, 200)}.`);
  }
  return items;
}

/** One iteration's input: ItemSelector (or the older Parameters) with `$$.Map.Item`, or the item itself. */
export async function itemInput(run: StateRun<MapState>, selected: unknown, index: number, value: unknown): Promise<unknown> {
  const selector = run.state.ItemSelector ?? (run.language === 'JSONPath' ? run.state.Parameters : undefined);
  if (selector === undefined) return value;
  const context = { ...run.context(), Map: { Item: { Index: index, Value: value } } };
  if (run.language === 'JSONata') {
    return evaluateJsonataTemplate(selector, { input: run.rawInput, context, variables: run.frame.variables }, 'ItemSelector');
  }
  return evaluatePayloadTemplate(selector, { data: selected, context: () => context, variables: run.frame.variables });
}

/** A whole-number field that may be given literally, by path (`…Path`) or as JSONata. */
export async function numberField(
  run: StateRun<MapState>,
  selected: unknown,
  field: string,
  value: unknown,
  path: string | undefined,
): Promise<number | undefined> {
  let resolved = value;
  if (path !== undefined) {
    const found = evaluatePath(path, run.pathScope(selected));
    if (!found.found) throw runtimeError(run.name, `Invalid path '${path}': ${field}Path selects nothing.`);
    resolved = found.value;
  } else if (run.language === 'JSONata' && isJsonataExpression(value)) {
    resolved = await evaluateJsonata(value, run.jsonataScope(), field);
  }
  if (resolved === undefined) return undefined;
  if (typeof resolved !== 'number' || resolved < 0)
    throw runtimeError(run.name, `${field} must be a non-negative number, but is ${JSON.stringify(resolved)}.`);
  return resolved;
}

/** Runs `work(0…count-1)` with at most `limit` at a time (0: no limit), starting no more once `stopped()`. */
export async function forEachConcurrently(
  count: number,
  limit: number,
  work: (index: number) => Promise<void>,
  stopped: () => boolean,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count && !stopped()) await work(next++);
  };
  const workers = limit > 0 ? Math.min(limit, count) : count;
  await Promise.all(Array.from({ length: workers }, worker));
}
