import type { IntrinsicNode } from '../ir/value-node.js';

export const INTRINSIC_NODE = Symbol.for('typestep.intrinsic');
declare const RESULT_TYPE: unique symbol;

/** A call of an intrinsic function (`States.Format(…)`) whose result has type T. */
export interface Intrinsic<out T> {
  readonly [INTRINSIC_NODE]: IntrinsicNode;
  readonly [RESULT_TYPE]?: T;
}

export const intrinsic = <T>(node: IntrinsicNode): Intrinsic<T> => Object.freeze({ [INTRINSIC_NODE]: node }) as Intrinsic<T>;

export function isIntrinsic(value: unknown): value is Intrinsic<unknown> {
  return typeof value === 'object' && value !== null && INTRINSIC_NODE in value;
}
