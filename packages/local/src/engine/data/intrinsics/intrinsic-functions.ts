import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { StatesError, States } from '../../errors.js';

/**
 * The intrinsic functions of JSONPath states, with the argument checks and limits Step Functions
 * documents (10,000 characters for Base64 and Hash, 1,000 items for ArrayRange, shallow JsonMerge
 * only). Every misuse fails the state with States.IntrinsicFailure.
 */

type Value = unknown;
type IntrinsicFunction = (name: string, args: readonly Value[]) => Value;

function fail(name: string, message: string): never {
  throw new StatesError(States.IntrinsicFailure, `Invalid arguments in ${name}: ${message}`);
}

function describe(value: Value): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}

function count(name: string, args: readonly Value[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    fail(name, `expected ${expected} argument${max === 1 ? '' : 's'}, got ${args.length}.`);
  }
}

function string(name: string, value: Value, what: string): string {
  if (typeof value !== 'string') fail(name, `${what} must be a string, but is ${describe(value)}.`);
  return value;
}

function array(name: string, value: Value, what: string): readonly Value[] {
  if (!Array.isArray(value)) fail(name, `${what} must be an array, but is ${describe(value)}.`);
  return value;
}

function integer(name: string, value: Value, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(name, `${what} must be an integer, but is ${describe(value)}.`);
  return value;
}

function object(name: string, value: Value, what: string): Record<string, Value> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail(name, `${what} must be a JSON object, but is ${describe(value)}.`);
  return value as Record<string, Value>;
}

function limited(name: string, text: string): string {
  if (text.length > 10_000) fail(name, `the input string has ${text.length} characters; the limit is 10,000.`);
  return text;
}

const HASH_ALGORITHMS: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** A small seeded generator (mulberry32), so `States.MathRandom(a, b, seed)` repeats for one seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `States.Format`'s placeholders: `{}` in the template, except the escaped `\{` `\}` of a literal. */
export function format(name: string, template: string, rawTemplate: string | undefined, args: readonly Value[]): string {
  const parts: string[] = [];
  let current = '';
  const source = rawTemplate ?? template;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (rawTemplate !== undefined && c === '\\' && i + 1 < source.length) {
      current += source[++i];
    } else if (c === '{' && source[i + 1] === '}') {
      parts.push(current);
      current = '';
      i++;
    } else {
      current += c;
    }
  }
  parts.push(current);
  if (parts.length - 1 !== args.length) {
    fail(name, `the template has ${parts.length - 1} {} placeholder(s) but ${args.length} value(s) follow it.`);
  }
  return parts.reduce((text, part, i) => {
    if (i === 0) return part;
    const value = args[i - 1];
    if (value !== null && typeof value === 'object')
      fail(name, `argument ${i + 1} must be a string, number, boolean or null, but is ${describe(value)}.`);
    return text + String(value) + part;
  }, '');
}

export const INTRINSIC_FUNCTIONS: Readonly<Record<string, IntrinsicFunction>> = {
  'States.StringToJson'(name, args) {
    count(name, args, 1);
    const text = string(name, args[0], 'the argument');
    try {
      return JSON.parse(text);
    } catch {
      return fail(name, `${JSON.stringify(text)} is not valid JSON.`);
    }
  },
  'States.JsonToString'(name, args) {
    count(name, args, 1);
    return JSON.stringify(args[0]);
  },
  'States.Array'(_name, args) {
    return [...args];
  },
  'States.ArrayPartition'(name, args) {
    count(name, args, 2);
    const items = array(name, args[0], 'the first argument');
    const size = integer(name, args[1], 'the chunk size');
    if (size <= 0) fail(name, `the chunk size must be a positive integer, but is ${size}.`);
    const chunks: Value[][] = [];
    for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
    return chunks;
  },
  'States.ArrayContains'(name, args) {
    count(name, args, 2);
    return array(name, args[0], 'the first argument').some((item) => isDeepStrictEqual(item, args[1]));
  },
  'States.ArrayRange'(name, args) {
    count(name, args, 3);
    const start = integer(name, args[0], 'the start');
    const end = integer(name, args[1], 'the end');
    const step = integer(name, args[2], 'the step');
    if (step === 0) fail(name, 'the step must not be 0.');
    const length = Math.floor((end - start) / step) + 1;
    if (length <= 0) return [];
    if (length > 1000) fail(name, `the range would have ${length} items; the limit is 1,000.`);
    return Array.from({ length }, (_, i) => start + i * step);
  },
  'States.ArrayGetItem'(name, args) {
    count(name, args, 2);
    const items = array(name, args[0], 'the first argument');
    const index = integer(name, args[1], 'the index');
    if (index < 0 || index >= items.length) fail(name, `the index ${index} is outside the array of ${items.length} item(s).`);
    return items[index];
  },
  'States.ArrayLength'(name, args) {
    count(name, args, 1);
    return array(name, args[0], 'the argument').length;
  },
  'States.ArrayUnique'(name, args) {
    count(name, args, 1);
    const items = array(name, args[0], 'the argument');
    return items.filter((item, i) => items.findIndex((other) => isDeepStrictEqual(item, other)) === i);
  },
  'States.Base64Encode'(name, args) {
    count(name, args, 1);
    return Buffer.from(limited(name, string(name, args[0], 'the argument')), 'utf8').toString('base64');
  },
  'States.Base64Decode'(name, args) {
    count(name, args, 1);
    const text = limited(name, string(name, args[0], 'the argument'));
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) fail(name, `${JSON.stringify(text)} is not Base64 data.`);
    return Buffer.from(text, 'base64').toString('utf8');
  },
  'States.Hash'(name, args) {
    count(name, args, 2);
    const data = limited(name, typeof args[0] === 'string' ? args[0] : (JSON.stringify(args[0]) ?? 'null'));
    const algorithm = string(name, args[1], 'the algorithm');
    const nodeAlgorithm = HASH_ALGORITHMS[algorithm];
    if (!nodeAlgorithm) fail(name, `the algorithm ${JSON.stringify(algorithm)} is not one of ${Object.keys(HASH_ALGORITHMS).join(', ')}.`);
    return createHash(nodeAlgorithm).update(data, 'utf8').digest('hex');
  },
  'States.JsonMerge'(name, args) {
    count(name, args, 3);
    const first = object(name, args[0], 'the first argument');
    const second = object(name, args[1], 'the second argument');
    if (typeof args[2] !== 'boolean') fail(name, `the third argument (deep merge) must be a boolean, but is ${describe(args[2])}.`);
    if (args[2]) fail(name, 'Step Functions only supports the shallow merge: pass false as the third argument.');
    return { ...first, ...second };
  },
  'States.MathRandom'(name, args) {
    count(name, args, 2, 3);
    const start = integer(name, args[0], 'the start');
    const end = integer(name, args[1], 'the end');
    if (end <= start) fail(name, `the end (${end}) must be greater than the start (${start}).`);
    const random = args.length === 3 ? seededRandom(integer(name, args[2], 'the seed')) : Math.random;
    return start + Math.floor(random() * (end - start));
  },
  'States.MathAdd'(name, args) {
    count(name, args, 2);
    for (const [i, value] of args.entries()) {
      if (typeof value !== 'number') fail(name, `argument ${i + 1} must be a number, but is ${describe(value)}.`);
    }
    return (args[0] as number) + (args[1] as number);
  },
  'States.StringSplit'(name, args) {
    count(name, args, 2);
    const text = string(name, args[0], 'the first argument');
    const delimiters = string(name, args[1], 'the delimiter');
    // Every character of the delimiter string separates; empty pieces are dropped (AWS's examples).
    const tokens: string[] = [];
    let current = '';
    for (const c of text) {
      if (delimiters.includes(c)) {
        if (current) tokens.push(current);
        current = '';
      } else current += c;
    }
    if (current) tokens.push(current);
    return tokens;
  },
  'States.UUID'(name, args) {
    count(name, args, 0);
    return randomUUID();
  },
};
