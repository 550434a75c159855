import { intrinsicNode, type ArgumentNode } from '../ir/value-node.js';
import { isPathRef, nodeOfPath, type PathRef } from '../path/path.js';
import { INTRINSIC_NODE, intrinsic, isIntrinsic, type Intrinsic } from '../payload/intrinsic.js';
import { isPlaceholder, PLACEHOLDER_NODE, type Placeholder } from '../payload/placeholder.js';

/** What an intrinsic argument may be written as, literally: ASL has no array or object literals. */
export type IntrinsicLiteral = string | number | boolean | null;

/**
 * An argument of type T: a literal of that type (when T has literal forms), a path to a value of
 * that type, a nested intrinsic producing it, or — where a string fits — a `sub('Name')`
 * placeholder (emitted as the string literal `'${Name}'`, which DefinitionSubstitutions fills in).
 */
export type IntrinsicArg<T> = (T & IntrinsicLiteral) | PathRef<T> | Intrinsic<T> | (string extends T ? Placeholder : never);

/** An array argument: a path to an array or an intrinsic producing one (never a literal). */
export type ArrayArg<E> = PathRef<readonly E[]> | Intrinsic<readonly E[]>;

/** The type an argument stands for at run time; literals are widened (`'a'` → string). */
export type ArgValue<A> =
  A extends PathRef<infer V> ? V : A extends Intrinsic<infer V> ? V : A extends Placeholder ? string : A extends IntrinsicLiteral ? Widen<A> : never;

/** `'a'` → string, `1` → number, `true` → boolean; other types unchanged. Distributes over unions. */
export type Widen<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T;

/** Converts one argument into its IR node, refusing values ASL cannot express. */
export function toArgument(value: unknown, fn: string, position: number): ArgumentNode {
  if (isPathRef(value)) return nodeOfPath(value);
  if (isIntrinsic(value)) return value[INTRINSIC_NODE];
  if (isPlaceholder(value)) return value[PLACEHOLDER_NODE];
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { kind: 'literal', value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${fn}: argument ${position} is ${value}, which is not a JSON number`);
    return { kind: 'literal', value };
  }
  const what =
    value === undefined ? 'undefined' : Array.isArray(value) ? 'an array literal' : typeof value === 'object' ? 'an object literal' : `a ${typeof value}`;
  throw new TypeError(`${fn}: argument ${position} is ${what}; an intrinsic argument is a string, number, boolean, null, path, intrinsic or sub() placeholder`);
}

/** Builds the call `name(args…)` as a typed intrinsic value. */
export function call<T>(name: string, args: readonly unknown[]): Intrinsic<T> {
  return intrinsic<T>(intrinsicNode(name, args.map((arg, index) => toArgument(arg, name, index + 1))));
}

/** The literal value of an argument, or undefined when it is a path or intrinsic (known only at run time). */
export function literalOf(node: ArgumentNode): string | number | boolean | null | undefined {
  return node.kind === 'literal' ? node.value : undefined;
}

/** The maximum length AWS documents for the string arguments of Base64Encode, Base64Decode and Hash. */
export const MAX_DATA_LENGTH = 10_000;

/** Refuses a literal string longer than AWS accepts. */
export function checkDataLength(fn: string, value: unknown): void {
  if (typeof value === 'string' && value.length > MAX_DATA_LENGTH) {
    throw new RangeError(`${fn}: the data is ${value.length} characters long; AWS accepts at most ${MAX_DATA_LENGTH}`);
  }
}
