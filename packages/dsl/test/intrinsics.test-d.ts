import { describe, expectTypeOf, it } from 'vitest';
import {
  array,
  arrayContains,
  arrayGetItem,
  arrayLength,
  arrayPartition,
  arrayRange,
  arrayUnique,
  base64Decode,
  base64Encode,
  format,
  hash,
  jsonMerge,
  jsonToString,
  mathAdd,
  mathRandom,
  stringSplit,
  stringToJson,
  uuid,
  type HashAlgorithm,
  type Intrinsic,
  type Path,
  type Resolve,
} from '../src/index.js';

interface Item {
  sku: string;
  qty: number;
}

interface Input {
  name: string;
  nickname?: string;
  count: number;
  flag: boolean;
  nothing: null;
  tags: string[];
  numbers: number[];
  items: Item[];
  matrix: number[][];
  colour: 'red' | 'green';
  colours: ('red' | 'green')[];
  algorithm: HashAlgorithm;
  json: string;
  a: { x: number; y: string };
  b: { y: number; z: boolean; w?: string };
  c: { x?: string };
}

declare const $: Path<Input>;

describe('result types', () => {
  it('string functions', () => {
    expectTypeOf(format('Hello, {}!', $.name)).toEqualTypeOf<Intrinsic<string>>();
    expectTypeOf(stringSplit($.name, ',')).toEqualTypeOf<Intrinsic<string[]>>();
    expectTypeOf(base64Encode($.name)).toEqualTypeOf<Intrinsic<string>>();
    expectTypeOf(base64Decode($.name)).toEqualTypeOf<Intrinsic<string>>();
    expectTypeOf(hash($.name, 'SHA-512')).toEqualTypeOf<Intrinsic<string>>();
    expectTypeOf(uuid()).toEqualTypeOf<Intrinsic<string>>();
    expectTypeOf(jsonToString($.a)).toEqualTypeOf<Intrinsic<string>>();
  });

  it('numbers and booleans', () => {
    expectTypeOf(mathAdd($.count, 1)).toEqualTypeOf<Intrinsic<number>>();
    expectTypeOf(mathRandom(1, 10)).toEqualTypeOf<Intrinsic<number>>();
    expectTypeOf(arrayLength($.items)).toEqualTypeOf<Intrinsic<number>>();
    expectTypeOf(arrayContains($.tags, 'x')).toEqualTypeOf<Intrinsic<boolean>>();
  });

  it('arrays keep their element type', () => {
    expectTypeOf(arrayGetItem($.items, 0)).toEqualTypeOf<Intrinsic<Item>>();
    expectTypeOf(arrayGetItem($.matrix, $.count)).toEqualTypeOf<Intrinsic<number[]>>();
    expectTypeOf(arrayGetItem(stringSplit($.name, '/'), 2)).toEqualTypeOf<Intrinsic<string>>();
    expectTypeOf(arrayUnique($.colours)).toEqualTypeOf<Intrinsic<('red' | 'green')[]>>();
    expectTypeOf(arrayPartition($.items, 4)).toEqualTypeOf<Intrinsic<Item[][]>>();
    expectTypeOf(arrayRange(1, 9, 2)).toEqualTypeOf<Intrinsic<number[]>>();
  });

  it('array() is a tuple of its arguments, literals widened', () => {
    expectTypeOf(array()).toEqualTypeOf<Intrinsic<[]>>();
    expectTypeOf(array($.name, 2020, $.a, null, true, mathAdd(1, 2), $.colour)).toEqualTypeOf<
      Intrinsic<[string, number, { x: number; y: string }, null, boolean, number, 'red' | 'green']>
    >();
    expectTypeOf(arrayGetItem(array($.name, $.count), 1)).toEqualTypeOf<Intrinsic<string | number>>();
  });

  it('stringToJson is unknown unless told', () => {
    expectTypeOf(stringToJson($.json)).toEqualTypeOf<Intrinsic<unknown>>();
    expectTypeOf(stringToJson<Item>($.json)).toEqualTypeOf<Intrinsic<Item>>();
    expectTypeOf(arrayGetItem(stringToJson<Item[]>($.json), 0)).toEqualTypeOf<Intrinsic<Item>>();
  });

  it("jsonMerge is a shallow merge in which the second object's fields win", () => {
    expectTypeOf(jsonMerge($.a, $.b)).toEqualTypeOf<Intrinsic<{ x: number; y: number; z: boolean; w?: string }>>();
    expectTypeOf(jsonMerge($.a, $.c)).toEqualTypeOf<Intrinsic<{ y: string; x: number | string }>>();
    expectTypeOf(jsonMerge(stringToJson<{ id: string }>($.json), $.a, false)).toEqualTypeOf<
      Intrinsic<{ id: string; x: number; y: string }>
    >();
  });

  it('results flow into templates', () => {
    const template = { greeting: format('Hello {}', $.name), size: arrayLength($.tags), first: arrayGetItem($.items, 0) };
    expectTypeOf<Resolve<typeof template>>().toEqualTypeOf<{ greeting: string; size: number; first: Item }>();
  });
});

describe('accepted arguments', () => {
  it('literals, paths and nested intrinsics of the right type', () => {
    format('{} {} {} {} {}', $.name, $.count, $.flag, $.nothing, arrayLength($.items));
    format('{} {} {} {}', 'a', 1, true, null);
    format($.name, $.count, $.flag);
    format(format('{}', $.name), $.count);
    format('no placeholders');
    const dynamic: string = 'runtime {}';
    format(dynamic, 1, 2, 3);
    hash($.name, $.algorithm);
    hash(jsonToString($.a), 'MD5');
    arrayContains($.colours, $.name);
    arrayContains($.items, arrayGetItem($.items, 0));
    mathRandom($.count, mathAdd($.count, 10), 7);
    stringToJson('{"a": 1}');
  });
});

describe('wrong argument types are tsc errors', () => {
  it('format', () => {
    // @ts-expect-error -- a template with one {} takes exactly one value
    format('Hello {}', $.name, $.name);
    // @ts-expect-error -- a template with two {} needs two values
    format('{} and {}', $.name);
    // @ts-expect-error -- no {}, no values
    format('Hello', $.name);
    // @ts-expect-error -- objects cannot be interpolated
    format('{}', $.a);
    // @ts-expect-error -- arrays cannot be interpolated
    format('{}', $.tags);
    // @ts-expect-error -- an optional field may be missing at run time
    format('{}', $.nickname);
    // @ts-expect-error -- the template must be a string
    format($.count);
  });

  it('strings', () => {
    // @ts-expect-error -- StringSplit splits a string
    stringSplit($.count, ',');
    // @ts-expect-error -- the delimiter is a string
    stringSplit($.name, 1);
    // @ts-expect-error -- Base64Encode takes a string
    base64Encode($.tags);
    // @ts-expect-error -- Base64Decode takes a string
    base64Decode(mathAdd(1, 2));
    // @ts-expect-error -- StringToJson parses a string
    stringToJson($.a);
  });

  it('hash', () => {
    // @ts-expect-error -- not an algorithm AWS knows
    hash($.name, 'SHA-2');
    // @ts-expect-error -- a path to any string is not an algorithm
    hash($.name, $.name);
    // @ts-expect-error -- the data is a string
    hash($.count, 'MD5');
  });

  it('json', () => {
    // @ts-expect-error -- AWS rejects deep merging
    jsonMerge($.a, $.b, true);
    // @ts-expect-error -- a boolean that might be true is rejected too
    jsonMerge($.a, $.b, $.flag);
    // @ts-expect-error -- JsonMerge merges objects, not arrays
    jsonMerge($.tags, $.b);
    // @ts-expect-error -- nor strings
    jsonMerge($.a, $.name);
    // @ts-expect-error -- JsonToString takes a path
    jsonToString('{}');
    // @ts-expect-error -- and only a path (AWS: "MUST be a Path")
    jsonToString(stringToJson($.json));
  });

  it('arrays', () => {
    // @ts-expect-error -- ArrayLength of a string
    arrayLength($.name);
    // @ts-expect-error -- ASL has no array literals
    arrayLength(['a']);
    // @ts-expect-error -- ArrayGetItem of an object
    arrayGetItem($.a, 0);
    // @ts-expect-error -- the index is a number
    arrayGetItem($.items, '0');
    // @ts-expect-error -- the chunk size is a number
    arrayPartition($.items, $.name);
    // @ts-expect-error -- ArrayUnique of a number
    arrayUnique($.count);
    // @ts-expect-error -- a number is never in an array of strings
    arrayContains($.tags, 5);
    // @ts-expect-error -- an item of another type
    arrayContains($.items, $.name);
    // @ts-expect-error -- ArrayRange takes numbers
    arrayRange(1, '9', 2);
    // @ts-expect-error -- objects cannot be literal arguments
    array({ a: 1 });
    // @ts-expect-error -- undefined is not JSON
    array(undefined);
  });

  it('math', () => {
    // @ts-expect-error -- MathAdd adds numbers
    mathAdd($.name, 1);
    // @ts-expect-error -- a numeric string is still a string
    mathAdd(1, '2');
    // @ts-expect-error -- the seed is a number
    mathRandom(1, 10, $.flag);
    // @ts-expect-error -- the end is required
    mathRandom(1);
    // @ts-expect-error -- UUID takes no arguments
    uuid($.name);
  });

  it('a result of the wrong type cannot feed another call', () => {
    // @ts-expect-error -- ArrayLength is a number, not an array
    arrayGetItem(arrayLength($.items), 0);
    // @ts-expect-error -- Format is a string, not a number
    mathAdd(format('{}', $.count), 1);
    // @ts-expect-error -- an item is not a string
    base64Encode(arrayGetItem($.items, 0));
    // @ts-expect-error -- results are typed: a string is not a number
    expectTypeOf(arrayGetItem($.tags, 0)).toEqualTypeOf<Intrinsic<number>>();
  });
});
