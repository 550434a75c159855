import { isObject, type Location, type StateEntry } from '../model.js';
import { forEachChoiceRule, forEachHandler } from '../rules/walk.js';

/** One variable an `Assign` sets: its name and where the key is. */
export interface Assignment {
  readonly name: string;
  /** The key's location (`[…, 'Assign', 'total.$']`). */
  readonly location: Location;
}

/**
 * What a state assigns, by the transition it takes (AWS: "Passing data between states with
 * variables"): its own `Assign` on every normal transition; a Choice rule's `Assign` on top of
 * the state's when that rule matches; a Catcher's `Assign` *instead of* the state's when it
 * catches (the failed state's `Assign` never runs).
 */
export interface StateAssignments {
  readonly own: readonly Assignment[];
  /** By index in `Choices` (top-level rules only). */
  readonly rules: ReadonlyMap<number, readonly Assignment[]>;
  /** By index in `Catch`. */
  readonly catchers: ReadonlyMap<number, readonly Assignment[]>;
}

/** What a state without any `Assign` assigns (the one value `assignmentsOf` returns for it). */
export const NO_ASSIGNMENTS: StateAssignments = { own: [], rules: new Map(), catchers: new Map() };

export function assignmentsOf(state: StateEntry): StateAssignments {
  const object = state.object;
  if (!object || !state.type || (object.Assign === undefined && object.Choices === undefined && object.Catch === undefined))
    return NO_ASSIGNMENTS;
  const rules = new Map<number, Assignment[]>();
  const catchers = new Map<number, Assignment[]>();
  forEachChoiceRule(state, (rule, location, depth) => {
    if (depth === 0 && rule.Assign !== undefined) rules.set(Number(location.at(-1)), keys(state, rule.Assign, [...location, 'Assign']));
  });
  forEachHandler(state, 'Catch', (catcher, location, index) => {
    if (catcher.Assign !== undefined) catchers.set(index, keys(state, catcher.Assign, [...location, 'Assign']));
  });
  const own = object.Assign === undefined ? [] : keys(state, object.Assign, [...state.location, 'Assign']);
  return own.length === 0 && rules.size === 0 && catchers.size === 0 ? NO_ASSIGNMENTS : { own, rules, catchers };
}

/** Every assignment of a state, wherever it is (for rules about names). */
export function allAssignments(assignments: StateAssignments): Assignment[] {
  return [...assignments.own, ...[...assignments.rules.values()].flat(), ...[...assignments.catchers.values()].flat()];
}

/** The variable a key of `Assign` names: JSONPath strips the `.$` that marks a path value. */
export function variableOfKey(state: StateEntry, key: string): string {
  return state.queryLanguage === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
}

function keys(state: StateEntry, assign: unknown, location: Location): Assignment[] {
  if (!isObject(assign)) return [];
  return Object.keys(assign).map((key) => ({ name: variableOfKey(state, key), location: [...location, key] }));
}
