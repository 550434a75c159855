import type { PathTo } from '../path/path.js';
import { condition, nodeOfCondition, test, type Condition } from './condition.js';

export const and = (...conditions: [Condition, Condition, ...Condition[]]): Condition =>
  condition({ kind: 'and', conditions: conditions.map(nodeOfCondition) });

export const or = (...conditions: [Condition, Condition, ...Condition[]]): Condition =>
  condition({ kind: 'or', conditions: conditions.map(nodeOfCondition) });

export const not = (inner: Condition): Condition => condition({ kind: 'not', condition: nodeOfCondition(inner) });

/** Type tests: each takes the expected answer, true by default (`isPresent($.x, false)` is "absent"). */
export const isPresent = (variable: PathTo<unknown>, value = true) => test('IsPresent', variable, value);
export const isNull = (variable: PathTo<unknown>, value = true) => test('IsNull', variable, value);
export const isString = (variable: PathTo<unknown>, value = true) => test('IsString', variable, value);
export const isNumeric = (variable: PathTo<unknown>, value = true) => test('IsNumeric', variable, value);
export const isBoolean = (variable: PathTo<unknown>, value = true) => test('IsBoolean', variable, value);
export const isTimestamp = (variable: PathTo<unknown>, value = true) => test('IsTimestamp', variable, value);
