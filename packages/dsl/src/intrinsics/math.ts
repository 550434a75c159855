import type { Intrinsic } from '../payload/intrinsic.js';
import { call, type IntrinsicArg } from './argument.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * `States.MathRandom`: a random integer from `start` (inclusive) to `end` (exclusive); the same
 * `seed` gives the same number. Not cryptographically secure.
 */
export function mathRandom(start: IntrinsicArg<number>, end: IntrinsicArg<number>, seed?: IntrinsicArg<number>): Intrinsic<number> {
  return call('States.MathRandom', seed === undefined ? [start, end] : [start, end, seed]);
}

/**
 * `States.MathAdd`: the sum of two integers (AWS rounds other numbers). Literals must lie in
 * AWS's range, -2147483648 to 2147483647.
 */
export function mathAdd(a: IntrinsicArg<number>, b: IntrinsicArg<number>): Intrinsic<number> {
  for (const value of [a, b]) {
    if (typeof value === 'number' && (value < INT32_MIN || value > INT32_MAX)) {
      throw new RangeError(`States.MathAdd: ${value} is outside the range AWS accepts (${INT32_MIN} to ${INT32_MAX})`);
    }
  }
  return call('States.MathAdd', [a, b]);
}
