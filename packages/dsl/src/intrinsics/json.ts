import type { PathRef } from '../path/path.js';
import type { Intrinsic } from '../payload/intrinsic.js';
import { call, type IntrinsicArg } from './argument.js';

/**
 * `States.StringToJson`: parses a string holding JSON text. Its result type is whatever you say
 * it is (`stringToJson<Order>($.body)`), `unknown` by default. A literal string must be valid JSON.
 */
export function stringToJson<T = unknown>(text: IntrinsicArg<string>): Intrinsic<T> {
  if (typeof text === 'string') {
    try {
      JSON.parse(text);
    } catch (error) {
      throw new TypeError(`States.StringToJson: the literal is not JSON text (${(error as Error).message})`);
    }
  }
  return call('States.StringToJson', [text]);
}

/** `States.JsonToString`: the data at a path as JSON text. AWS requires the argument to be a path. */
export function jsonToString(data: PathRef<unknown>): Intrinsic<string> {
  return call('States.JsonToString', [data]);
}

/** An object argument: a path to a JSON object or an intrinsic producing one (arrays are refused). */
export type ObjectArg<T> = T extends readonly unknown[] ? never : PathRef<T> | Intrinsic<T>;

type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The shallow merge of A and B: B's fields win; a field that B only may have keeps A's value
 * when B lacks it.
 */
export type JsonMerged<A, B> = Simplify<
  Omit<A, keyof B> &
    Omit<B, OptionalKeys<B>> &
    { [K in OptionalKeys<B> & keyof A]: A[K] | Exclude<B[K], undefined> } &
    { [K in Exclude<OptionalKeys<B>, keyof A>]?: B[K] }
>;

/**
 * `States.JsonMerge(a, b, false)`: a shallow merge of two objects in which `b`'s fields replace
 * `a`'s. The third argument selects deep merging, which Step Functions does not support: it can
 * only be `false`, and is written for you when omitted.
 */
export function jsonMerge<A extends object, B extends object>(
  a: ObjectArg<A>,
  b: ObjectArg<B>,
  deep: false = false,
): Intrinsic<JsonMerged<A, B>> {
  if (deep !== false) throw new TypeError('States.JsonMerge: Step Functions supports only shallow merging; the third argument must be false');
  return call('States.JsonMerge', [a, b, deep]);
}
