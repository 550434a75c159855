import { STATE_TYPES, type QueryLanguage, type StateType } from '../asl/index.js';

/** A JSON path from the definition's root: `['States', 'Buy or Sell?', 'Choices', 0]`. */
export type Location = readonly (string | number)[];

export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A `States` object and what owns it: the state machine, a Parallel branch, or a Map's
 * ItemProcessor/Iterator. State names are looked up per scope: transitions never cross one.
 */
export interface Scope {
  readonly kind: 'machine' | 'branch' | 'processor';
  /** Where the object holding StartAt and States is. */
  readonly location: Location;
  readonly startAt: unknown;
  /** False when `States` is missing or not an object (the schema reports that): targets are not checked then. */
  readonly hasStates: boolean;
  readonly states: Map<string, StateEntry>;
  /** The Parallel or Map state for a branch or processor. */
  readonly owner?: StateEntry;
  /** `the state machine`, `branch 1 of Parallel state "P"`, `the ItemProcessor of Map state "M"`. */
  readonly label: string;
}

/** One state, as found in the definition (its value may be anything: the schema reports that). */
export interface StateEntry {
  readonly name: string;
  readonly location: Location;
  readonly value: unknown;
  /** The value when it is an object, else undefined. */
  readonly object: JsonObject | undefined;
  /** The Type when it is one of the eight, else undefined. */
  readonly type: StateType | undefined;
  /** The state's QueryLanguage, or the state machine's (not the enclosing Map's or Parallel's). */
  readonly queryLanguage: QueryLanguage;
  readonly scope: Scope;
  /** Position in document order, for sorting diagnostics. */
  readonly order: number;
}

export interface Model {
  readonly definition: JsonObject;
  readonly queryLanguage: QueryLanguage;
  readonly scopes: readonly Scope[];
  readonly states: readonly StateEntry[];
  /** Every state by name, across all scopes (a name used twice has two entries). */
  readonly byName: ReadonlyMap<string, readonly StateEntry[]>;
}

const TYPES = new Set<string>(STATE_TYPES);

/** Indexes the states and scopes of a definition, tolerating any malformed part. */
export function buildModel(definition: JsonObject): Model {
  const queryLanguage: QueryLanguage = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  const scopes: Scope[] = [];
  const states: StateEntry[] = [];
  const byName = new Map<string, StateEntry[]>();

  const visit = (holder: JsonObject, location: Location, kind: Scope['kind'], label: string, owner?: StateEntry) => {
    const scope: Scope = {
      kind,
      location,
      startAt: holder.StartAt,
      hasStates: isObject(holder.States),
      states: new Map(),
      label,
      ...(owner && { owner }),
    };
    scopes.push(scope);
    if (!isObject(holder.States)) return;
    for (const [name, value] of Object.entries(holder.States)) {
      const object = isObject(value) ? value : undefined;
      const type = object && typeof object.Type === 'string' && TYPES.has(object.Type) ? (object.Type as StateType) : undefined;
      const stateLanguage =
        object?.QueryLanguage === 'JSONata' || object?.QueryLanguage === 'JSONPath' ? object.QueryLanguage : queryLanguage;
      const entry: StateEntry = {
        name,
        location: [...location, 'States', name],
        value,
        object,
        type,
        queryLanguage: stateLanguage,
        scope,
        order: states.length,
      };
      scope.states.set(name, entry);
      states.push(entry);
      const list = byName.get(name);
      if (list) list.push(entry);
      else byName.set(name, [entry]);
      if (!object) continue;
      if (type === 'Parallel' && Array.isArray(object.Branches)) {
        object.Branches.forEach((branch, index) => {
          if (isObject(branch))
            visit(branch, [...entry.location, 'Branches', index], 'branch', `branch ${index} of Parallel state "${name}"`, entry);
        });
      }
      if (type === 'Map') {
        for (const field of ['ItemProcessor', 'Iterator'] as const) {
          const processor = object[field];
          if (isObject(processor)) visit(processor, [...entry.location, field], 'processor', `the ${field} of Map state "${name}"`, entry);
        }
      }
    }
  };
  visit(definition, [], 'machine', 'the state machine');
  return { definition, queryLanguage, scopes, states, byName };
}

/** The value at a location, or undefined. */
export function valueAt(root: unknown, location: Location): unknown {
  let value = root;
  for (const key of location) {
    if (typeof key === 'number' ? !Array.isArray(value) : !isObject(value)) return undefined;
    value = (value as { [key: string | number]: unknown })[key];
  }
  return value;
}
