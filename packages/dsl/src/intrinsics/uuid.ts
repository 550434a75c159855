import type { Intrinsic } from '../payload/intrinsic.js';
import { call } from './argument.js';

/** `States.UUID()`: a random version 4 UUID. */
export function uuid(): Intrinsic<string> {
  return call('States.UUID', []);
}
