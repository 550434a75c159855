import type { CompareOperator, ConditionNode, TestOperator } from '../ir/condition-node.js';
import type { Json } from '../ir/value-node.js';
import { isPathRef, nodeOfPath, type PathTo } from '../path/path.js';

export const CONDITION_NODE = Symbol.for('typestep.condition');

/** A Choice rule's test, built with eq/lt/…, the typed namespaces (str, num, bool, timestamp) and and/or/not. */
export interface Condition {
  readonly [CONDITION_NODE]: ConditionNode;
}

export type Maybe<T> = T | null | undefined;

export const condition = (node: ConditionNode): Condition => Object.freeze({ [CONDITION_NODE]: Object.freeze(node) });

export const nodeOfCondition = (value: Condition): ConditionNode => value[CONDITION_NODE];

export function compare(operator: CompareOperator, variable: PathTo<unknown>, value: Json | PathTo<unknown>): Condition {
  if (value === undefined) throw new TypeError(`${operator}: the value to compare with is undefined`);
  return condition({ kind: 'compare', operator, variable: nodeOfPath(variable), value: isPathRef(value) ? nodeOfPath(value) : value });
}

export function test(operator: TestOperator, variable: PathTo<unknown>, value: boolean): Condition {
  return condition({ kind: 'test', operator, variable: nodeOfPath(variable), value });
}
