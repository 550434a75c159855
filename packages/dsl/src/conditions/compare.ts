import type { CompareOperator } from '../ir/condition-node.js';
import type { PathTo } from '../path/path.js';
import { compare, type Condition, type Maybe } from './condition.js';

/*
 * Comparisons against a literal pick the ASL operator family from the literal (StringEquals,
 * NumericEquals, BooleanEquals), and TypeScript only accepts a literal of the field's own type:
 * `lte($.name, 50)` on a string field does not compile. A string field with literal members
 * (`'RUNNING' | 'SUCCEEDED'`) only accepts those members.
 */

type Family = 'String' | 'Numeric' | 'Boolean';
type Relation = 'Equals' | 'LessThan' | 'GreaterThan' | 'LessThanEquals' | 'GreaterThanEquals';

function familyOf(value: unknown, name: string): Family {
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'Numeric';
  if (typeof value === 'boolean' && name === 'eq') return 'Boolean';
  throw new TypeError(`${name}(): compare with a string or number literal; to compare two paths use str.${name}, num.${name} or timestamp.${name}`);
}

const literal = (relation: Relation, name: string) => (variable: PathTo<unknown>, value: string | number | boolean) =>
  compare(`${familyOf(value, name)}${relation}` as CompareOperator, variable, value);

export const eq: {
  <T extends string>(variable: PathTo<Maybe<T>>, value: NoInfer<T>): Condition;
  (variable: PathTo<Maybe<number>>, value: number): Condition;
  (variable: PathTo<Maybe<boolean>>, value: boolean): Condition;
} = literal('Equals', 'eq');

type Ordered = {
  <T extends string>(variable: PathTo<Maybe<T>>, value: string): Condition;
  (variable: PathTo<Maybe<number>>, value: number): Condition;
};

export const lt: Ordered = literal('LessThan', 'lt');
export const lte: Ordered = literal('LessThanEquals', 'lte');
export const gt: Ordered = literal('GreaterThan', 'gt');
export const gte: Ordered = literal('GreaterThanEquals', 'gte');

/** Typed comparisons for one operand type; the right side may be a literal or another path. */
function family<T extends string | number | boolean>(prefix: string) {
  const op = (relation: Relation) => (variable: PathTo<Maybe<T>>, value: T | PathTo<Maybe<T>>): Condition =>
    compare(`${prefix}${relation}` as CompareOperator, variable, value);
  return { eq: op('Equals'), lt: op('LessThan'), lte: op('LessThanEquals'), gt: op('GreaterThan'), gte: op('GreaterThanEquals') };
}

/** String comparisons (`StringEquals`, `StringLessThanPath`, …) and `StringMatches`. */
export const str = Object.freeze({
  ...family<string>('String'),
  /** `StringMatches`: `*` matches any run of characters; escape a literal `*` as `\\*`. */
  matches: (variable: PathTo<Maybe<string>>, pattern: string): Condition => compare('StringMatches', variable, pattern),
});

/** Numeric comparisons (`NumericEquals`, `NumericLessThanPath`, …). */
export const num = Object.freeze(family<number>('Numeric'));

/** Timestamp comparisons on ISO-8601 string fields (`TimestampLessThan`, …). */
export const timestamp = Object.freeze(family<string>('Timestamp'));

/** `BooleanEquals` / `BooleanEqualsPath`. */
export const bool = Object.freeze({
  eq: (variable: PathTo<Maybe<boolean>>, value: boolean | PathTo<Maybe<boolean>>): Condition =>
    compare('BooleanEquals', variable, value),
});

/** `StringMatches` on a string field. */
export const matches = str.matches;
