import type { Json, PathNode } from './value-node.js';

/** Comparison operators by their ASL base name; the emitter adds `Path` when the operand is a path. */
export type CompareOperator =
  | 'StringEquals' | 'StringLessThan' | 'StringGreaterThan' | 'StringLessThanEquals' | 'StringGreaterThanEquals'
  | 'StringMatches'
  | 'NumericEquals' | 'NumericLessThan' | 'NumericGreaterThan' | 'NumericLessThanEquals' | 'NumericGreaterThanEquals'
  | 'BooleanEquals'
  | 'TimestampEquals' | 'TimestampLessThan' | 'TimestampGreaterThan' | 'TimestampLessThanEquals' | 'TimestampGreaterThanEquals';

export type TestOperator = 'IsPresent' | 'IsNull' | 'IsString' | 'IsNumeric' | 'IsBoolean' | 'IsTimestamp';

export type ConditionNode =
  | { readonly kind: 'compare'; readonly operator: CompareOperator; readonly variable: PathNode; readonly value: Json | PathNode }
  | { readonly kind: 'test'; readonly operator: TestOperator; readonly variable: PathNode; readonly value: boolean }
  | { readonly kind: 'and' | 'or'; readonly conditions: readonly ConditionNode[] }
  | { readonly kind: 'not'; readonly condition: ConditionNode };
