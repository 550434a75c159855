import { pathNode, type PathNode, type PathSegment } from '../ir/value-node.js';

/**
 * Where a state writes its result into its input. It is written as JSONPath text because it
 * usually names a field that does not exist yet; the type system reads its segments so the
 * state's output type is the input with that field set.
 */
export type ResultPathSpec = '$' | `$.${string}` | null;

type Split<S extends string> = S extends `${infer Head}.${infer Tail}` ? [Head, ...Split<Tail>] : [S];

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type SetAt<T, Keys extends string[], V> = Keys extends [infer Head extends string, ...infer Rest extends string[]]
  ? Simplify<
      (T extends object ? Omit<T, Head> : {}) & {
        [K in Head]: SetAt<T extends object ? (Head extends keyof T ? T[Head] : {}) : {}, Rest, V>;
      }
    >
  : V;

/** The output of a state whose input is `Input`, whose result is `Result`, written at `Spec`. */
export type ApplyResultPath<Input, Spec extends ResultPathSpec, Result> = Spec extends null
  ? Input
  : Spec extends '$'
    ? Result
    : Spec extends `$.${infer Rest}`
      ? SetAt<Input, Split<Rest>, Result>
      : never;

const SIMPLE = /^[A-Za-z_][A-Za-z0-9_]*$|^[0-9]+$/;

/** Parses ResultPath text; anything but plain dotted fields is kept raw for the compiler to check. */
export function resultPathNode(spec: ResultPathSpec): PathNode | null {
  if (spec === null) return null;
  if (spec === '$') return pathNode('$', []);
  const fields = spec.slice(2).split('.');
  if (spec.startsWith('$.') && fields.every((field) => SIMPLE.test(field))) {
    return pathNode('$', fields.map((name): PathSegment => ({ kind: 'field', name })));
  }
  return pathNode('$', [{ kind: 'raw', text: spec.slice(1) }], spec);
}
