import type { Intrinsic } from '../payload/intrinsic.js';
import { call, checkDataLength, type IntrinsicArg } from './argument.js';

/** `States.Base64Encode`: the MIME Base64 encoding of a string of at most 10,000 characters. */
export function base64Encode(data: IntrinsicArg<string>): Intrinsic<string> {
  checkDataLength('States.Base64Encode', data);
  return call('States.Base64Encode', [data]);
}

/** `States.Base64Decode`: the string a MIME Base64 text of at most 10,000 characters encodes. */
export function base64Decode(data: IntrinsicArg<string>): Intrinsic<string> {
  checkDataLength('States.Base64Decode', data);
  return call('States.Base64Decode', [data]);
}

/** The algorithms States.Hash accepts. */
export type HashAlgorithm = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export const HASH_ALGORITHMS: readonly HashAlgorithm[] = Object.freeze(['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

/**
 * `States.Hash`: the hex digest of a string of at most 10,000 characters. The algorithm is a
 * literal or a path / intrinsic typed as one of the five names AWS accepts.
 */
export function hash(data: IntrinsicArg<string>, algorithm: IntrinsicArg<HashAlgorithm>): Intrinsic<string> {
  checkDataLength('States.Hash', data);
  if (typeof algorithm === 'string' && !HASH_ALGORITHMS.includes(algorithm)) {
    throw new TypeError(`States.Hash: unknown algorithm '${algorithm}'; expected one of ${HASH_ALGORITHMS.join(', ')}`);
  }
  return call('States.Hash', [data, algorithm]);
}
