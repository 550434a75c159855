import type { Context } from '../../path/context-object.js';
import type { Path, PathTo } from '../../path/path.js';
import type { Intrinsic } from '../../payload/intrinsic.js';
import type { Placeholder } from '../../payload/placeholder.js';

/**
 * One field of a service request: the value itself, or a callback that builds it from the
 * state's input (`$`) and the context object (`$$`): `message: ($) => $.summary`.
 */
export type Field<In, T> = T | (($: Path<In>, $$: Context) => T);

/**
 * A string AWS takes: literal text, a path to a string, an intrinsic producing one, or a
 * `sub('Name')` placeholder (ARNs, names and URLs filled in at deploy time).
 */
export type Text = string | Placeholder | PathTo<string> | Intrinsic<string>;

/** A number AWS takes: a literal, a path to a number or an intrinsic producing one. */
export type Num = number | PathTo<number> | Intrinsic<number>;

/** The value of a field for this input: the callback's result, or the value as given. */
export function fieldValue<In, T>(field: Field<In, T>, $: Path<In>, $$: Context): T {
  // Typed paths, intrinsics and placeholders are objects; only a callback is a function.
  return typeof field === 'function' ? (field as ($: Path<In>, $$: Context) => T)($, $$) : field;
}
