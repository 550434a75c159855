import type { Json } from '../ir/value-node.js';
import type { PathRef, PathTo } from '../path/path.js';
import type { Placeholder } from '../payload/placeholder.js';
import type { Resolve } from '../payload/template.js';
import type { Schema } from '../schema.js';
import type { ErrorOutput, RetryOptions } from '../states/common.js';
import type { Batch, ItemReader } from '../states/distributed.js';
import type { Expr } from './expression.js';
import type { StatesError, StatesInput, StatesResult } from './states-object.js';
import type { JsonataTemplate } from './value.js';

/**
 * Options of JSONata states. A JSONata state has two data fields instead of JSONPath's five:
 * `arguments` (what a Task or Parallel receives) and `output` (what the state passes on), plus
 * `assign` for variables. Callbacks receive `{ input, result, context, vars }`, typed accessors that
 * render as `$states.input…`, `$states.result…`, `$name…`.
 */
export interface JsonataCommon {
  readonly comment?: string;
  /** Escape hatch: raw ASL fields merged into the emitted state as they are. */
  readonly unsafeFields?: { readonly [field: string]: Json };
}

/** A number field written as a number, or read at run time (a typed path or an expression). */
export type NumberField<S> = number | ((s: S) => PathTo<number> | Expr<number>);

/** Variables after a state's Assign: the assigned names with their new types. */
export type Assigned<V, A> = [A] extends [never] ? V : Simplify<Omit<V, keyof A> & Resolve<A>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** A state's output: what `output` builds, else its default. */
export type OutputOf<O, Default> = [O] extends [never] ? Default : Resolve<O>;

export type AssignTemplate = { readonly [name: string]: JsonataTemplate };

export interface JsonataTaskOptions<In, V, Args, Result, O, A, Handlers> extends JsonataCommon {
  /** What runs: a Lambda ARN, an `arn:aws:states:::…` integration, an activity ARN, or `sub('Name')`. */
  readonly resource: string | Placeholder;
  /** The request: JSON with typed paths / expressions anywhere (`Arguments`). */
  readonly arguments?: ((s: StatesInput<In, V>) => Args) | Args;
  /** The shape of the result (a zod schema, or `shape<T>()`): types `result` and what follows. */
  readonly returns?: Schema<Result>;
  /** What the state passes on (default: the result). */
  readonly output?: (s: StatesResult<In, Result, V>) => O;
  /** Variables to set, from the input and the result. */
  readonly assign?: (s: StatesResult<In, Result, V>) => A;
  readonly retry?: readonly RetryOptions[];
  readonly catch?: Handlers;
  readonly timeoutSeconds?: NumberField<StatesInput<In, V>>;
  readonly heartbeatSeconds?: NumberField<StatesInput<In, V>>;
  readonly credentials?: { readonly RoleArn: string | Placeholder | PathRef<string> | Expr<string> };
}

export interface JsonataPassOptions<In, V, O, A> extends JsonataCommon {
  /** What the state passes on (default: its input). */
  readonly output?: ((s: StatesInput<In, V>) => O) | (O & Json);
  readonly assign?: (s: StatesInput<In, V>) => A;
}

type WaitWays<S> = {
  readonly seconds: NumberField<S>;
  /** An ISO-8601 timestamp, or one read at run time. */
  readonly timestamp: string | ((s: S) => PathTo<string> | Expr<string>);
};

/** Exactly one of `seconds` / `timestamp`. */
export type JsonataWaitOptions<In, V, O, A> = JsonataCommon &
  { [K in keyof WaitWays<StatesInput<In, V>>]: { readonly [P in K]: WaitWays<StatesInput<In, V>>[P] } & { readonly [P in Exclude<keyof WaitWays<StatesInput<In, V>>, K>]?: never } }[keyof WaitWays<StatesInput<In, V>>] & {
    readonly output?: (s: StatesInput<In, V>) => O;
    readonly assign?: (s: StatesInput<In, V>) => A;
  };

export interface JsonataChoiceOptions<In, V, O, A> extends JsonataCommon {
  /** What the chosen branch receives (default: the input). */
  readonly output?: (s: StatesInput<In, V>) => O;
  readonly assign?: (s: StatesInput<In, V>) => A;
}

export interface JsonataSucceedOptions<In, V, O> extends JsonataCommon {
  readonly output?: (s: StatesInput<In, V>) => O;
}

export interface JsonataFailOptions<In, V> extends JsonataCommon {
  readonly error?: string | ((s: StatesInput<In, V>) => PathTo<string> | Expr<string>);
  readonly cause?: string | ((s: StatesInput<In, V>) => PathTo<string> | Expr<string>);
}

export interface JsonataParallelOptions<In, V, Args, Results, O, A, Branches, Handlers> extends JsonataCommon {
  /** What every branch receives (default: the input). */
  readonly arguments?: ((s: StatesInput<In, V>) => Args) | Args;
  readonly branches: Branches;
  readonly output?: (s: StatesResult<In, Results, V>) => O;
  readonly assign?: (s: StatesResult<In, Results, V>) => A;
  readonly retry?: readonly RetryOptions[];
  readonly catch?: Handlers;
}

/** What one iteration receives: the item, or what `itemSelector` builds from it. */
export type ItemInput<Item, Sel> = [Sel] extends [never] ? Item : Resolve<Sel>;

/** The item type: what the Distributed Map's reader yields, else what `items` holds. */
export type ReaderItem<D, Item> = D extends { readonly itemReader: ItemReader<infer I> } ? I : Item;

/**
 * With an ItemBatcher, a child receives `{ Items, BatchInput }` instead of one item (BatchInput is
 * undefined when the batcher gives none). The batcher is matched whole: an all-optional pattern such
 * as `{ batchInput?: infer B }` would not match a batcher without batchInput (TypeScript's weak-type check).
 */
export type ProcessorInput<ItemIn, D> = D extends { readonly itemBatcher: infer Batcher }
  ? Batch<ItemIn, Batcher extends { readonly batchInput: infer B } ? Resolve<B> : undefined>
  : ItemIn;

/** The variables a Map's iterations read: a Distributed Map's child executions see none of the parent's. */
export type ProcessorVars<D, V> = [D] extends [undefined] ? V : {};

export interface JsonataMapOptions<In, V, Item, Sel, ItemOut, O, A, Processor, Handlers, D> extends JsonataCommon {
  /** The items: a typed path to an array, an expression, or a literal array (default: the input). Not with `distributed.itemReader`. */
  readonly items?: ((s: StatesInput<In, V>) => PathTo<readonly Item[] | null | undefined> | Expr<readonly Item[]>) | readonly Item[];
  /** Builds each iteration's input; `context.Map.Item.Value` is the item. */
  readonly itemSelector?: (s: StatesInput<In, V, Item>) => Sel;
  readonly itemProcessor: Processor;
  /** 0 (the default) means no limit. */
  readonly maxConcurrency?: NumberField<StatesInput<In, V>>;
  /** Run as a Distributed Map: child executions, items read from S3, batching, tolerated failures. */
  readonly distributed?: D | ((s: StatesInput<In, V>) => D);
  readonly output?: (s: StatesResult<In, ItemOut[], V>) => O;
  readonly assign?: (s: StatesResult<In, ItemOut[], V>) => A;
  readonly retry?: readonly RetryOptions[];
  readonly catch?: Handlers;
}

/** A Catcher's options: `output` is what the handler receives (default: the error output). */
export interface JsonataCatcherOptions<In, V, O, A> {
  readonly output?: (s: StatesError<In, V>) => O;
  readonly assign?: (s: StatesError<In, V>) => A;
  readonly comment?: string;
}

export type CaughtOutput<O> = OutputOf<O, ErrorOutput>;
