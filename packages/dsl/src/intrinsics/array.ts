import type { Intrinsic } from '../payload/intrinsic.js';
import { call, type ArgValue, type ArrayArg, type IntrinsicArg, type Widen } from './argument.js';

/** The most items States.ArrayRange may produce. */
export const MAX_RANGE_ITEMS = 1000;

/**
 * `States.Array`: a JSON array of its arguments, in order. `array($.id, 'x', 2)` is an
 * `Intrinsic<[string, string, number]>` when `$.id` is a string.
 */
export function array<A extends IntrinsicArg<unknown>[]>(...items: A): Intrinsic<{ [K in keyof A]: ArgValue<A[K]> }> {
  return call('States.Array', items);
}

/**
 * `States.ArrayPartition`: the array cut into chunks of `size` items (the last may be shorter).
 * A literal size must be positive.
 */
export function arrayPartition<E>(items: ArrayArg<E>, size: IntrinsicArg<number>): Intrinsic<E[][]> {
  if (typeof size === 'number' && !(size > 0)) {
    throw new RangeError(`States.ArrayPartition: the chunk size must be a positive integer, got ${size}`);
  }
  return call('States.ArrayPartition', [items, size]);
}

/**
 * `States.ArrayContains`: whether the array holds the value. The value may be of the element
 * type or, for literal element types, of its widened type (a string searched in `('a' | 'b')[]`).
 */
export function arrayContains<E>(items: ArrayArg<E>, value: IntrinsicArg<NoInfer<Widen<E>>>): Intrinsic<boolean> {
  return call('States.ArrayContains', [items, value]);
}

/**
 * `States.ArrayRange`: the integers from `first` to `last` (inclusive) by `step`. When the
 * arguments are literals, a zero step and a range of more than 1000 items are refused here.
 */
export function arrayRange(first: IntrinsicArg<number>, last: IntrinsicArg<number>, step: IntrinsicArg<number>): Intrinsic<number[]> {
  if (step === 0) throw new RangeError('States.ArrayRange: the step must not be zero');
  if (typeof first === 'number' && typeof last === 'number' && typeof step === 'number' && Number.isFinite(first) && Number.isFinite(last)) {
    const count = Math.floor((last - first) / step) + 1;
    if (count > MAX_RANGE_ITEMS) {
      throw new RangeError(`States.ArrayRange(${first}, ${last}, ${step}) would produce ${count} items; AWS allows at most ${MAX_RANGE_ITEMS}`);
    }
  }
  return call('States.ArrayRange', [first, last, step]);
}

/** `States.ArrayGetItem`: the item at `index` (zero-based). A literal index must not be negative. */
export function arrayGetItem<E>(items: ArrayArg<E>, index: IntrinsicArg<number>): Intrinsic<E> {
  if (typeof index === 'number' && index < 0) throw new RangeError(`States.ArrayGetItem: the index must not be negative, got ${index}`);
  return call('States.ArrayGetItem', [items, index]);
}

/** `States.ArrayLength`: the number of items. */
export function arrayLength(items: ArrayArg<unknown>): Intrinsic<number> {
  return call('States.ArrayLength', [items]);
}

/** `States.ArrayUnique`: the array without duplicate values. */
export function arrayUnique<E>(items: ArrayArg<E>): Intrinsic<E[]> {
  return call('States.ArrayUnique', [items]);
}
