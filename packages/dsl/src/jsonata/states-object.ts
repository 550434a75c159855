import { pathNode } from '../ir/value-node.js';
import type { ContextObject } from '../path/context-object.js';
import { pathProxy, rootPath, type Path } from '../path/path.js';
import type { ErrorOutput } from '../states/common.js';

/** The variables in scope, by name: `vars.total` is `$total`, typed as it was assigned. */
export type Vars<V> = { readonly [K in keyof V & string]-?: Path<V[K]> };

/**
 * What a JSONata field's callback receives: typed accessors for AWS's reserved `$states` variable
 * and for the workflow variables in scope. Each accessor renders as JSONata (`$states.input.x`).
 */
export interface StatesInput<In, V, Item = unknown> {
  /** `$states.input`: the state's input. */
  readonly input: Path<In>;
  /** `$states.context`: the context object. */
  readonly context: Path<ContextObject<Item>>;
  /** Workflow variables assigned before this state (`$name`). */
  readonly vars: Vars<V>;
}

/** In `output` and `assign` of a Task, Parallel or Map: also the result. */
export interface StatesResult<In, Result, V> extends StatesInput<In, V> {
  /** `$states.result`: the task's (or branches', or iterations') result. */
  readonly result: Path<Result>;
}

/** In a Catcher's `output` and `assign`: also the error output. */
export interface StatesError<In, V> extends StatesInput<In, V> {
  /** `$states.errorOutput`: `{ Error, Cause }`. */
  readonly errorOutput: Path<ErrorOutput>;
}

/** A variables accessor: any property is a `$name` path (types come from `Vars<V>`). */
export const varsAccessor = <V>(): Vars<V> =>
  new Proxy(Object.freeze({}), {
    get: (_target, key) => (typeof key === 'string' ? pathProxy(pathNode(`$${key}`, [])) : undefined),
  }) as Vars<V>;

/** The `$states` accessors handed to a JSONata callback. */
// Untyped on purpose: builders evaluate user callbacks whose types were checked at the call.
export function statesObject(): any {
  return Object.freeze({
    input: rootPath<any>('$states.input'),
    result: rootPath<any>('$states.result'),
    errorOutput: rootPath<ErrorOutput>('$states.errorOutput'),
    context: rootPath<ContextObject<any>>('$states.context'),
    vars: varsAccessor<any>(),
  });
}
