import { isObject, type JsonObject, type Location, type StateEntry } from '../model.js';

/** Helpers the rules share for visiting the parts of a state. */

/** Each Choice rule of a Choice state, nested ones too (depth 0 = a member of `Choices`). */
export function forEachChoiceRule(state: StateEntry, visit: (rule: JsonObject, location: Location, depth: number) => void): void {
  const choices = state.object?.Choices;
  if (state.type !== 'Choice' || !Array.isArray(choices)) return;
  const walk = (rule: unknown, location: Location, depth: number) => {
    if (!isObject(rule)) return;
    visit(rule, location, depth);
    for (const key of ['And', 'Or'] as const) {
      const list = rule[key];
      if (Array.isArray(list)) list.forEach((nested, index) => walk(nested, [...location, key, index], depth + 1));
    }
    if (rule.Not !== undefined) walk(rule.Not, [...location, 'Not'], depth + 1);
  };
  choices.forEach((rule, index) => walk(rule, [...state.location, 'Choices', index], 0));
}

/** Each element of `Retry` or `Catch` that is an object. */
export function forEachHandler(
  state: StateEntry,
  field: 'Retry' | 'Catch',
  visit: (handler: JsonObject, location: Location, index: number, count: number) => void,
): void {
  const list = state.object?.[field];
  if (!Array.isArray(list)) return;
  list.forEach((handler, index) => {
    if (isObject(handler)) visit(handler, [...state.location, field, index], index, list.length);
  });
}

/** `"name"` → whether the object has that field (present with any value, null included). */
export function has(object: JsonObject, field: string): boolean {
  return Object.hasOwn(object, field);
}
