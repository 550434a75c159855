import { describe, expect, it } from 'vitest';
import {
  array,
  arrayContains,
  arrayGetItem,
  arrayLength,
  arrayPartition,
  arrayRange,
  arrayUnique,
  at,
  base64Decode,
  base64Encode,
  format,
  hash,
  jsonMerge,
  jsonToString,
  mathAdd,
  mathRandom,
  renderIntrinsic,
  stringSplit,
  stringToJson,
  unsafePath,
  uuid,
  type Intrinsic,
} from '../src/index.js';
import { intrinsicNode, pathNode } from '../src/ir/value-node.js';
import { contextPath } from '../src/path/context-object.js';
import { rootPath } from '../src/path/path.js';
import { INTRINSIC_NODE } from '../src/payload/intrinsic.js';
import { toTemplateNode } from '../src/payload/template.js';

interface Input {
  name: string;
  count: number;
  flag: boolean;
  items: string[];
  numbers: number[];
  json: string;
  algorithm: 'MD5' | 'SHA-256';
  a: { x: number; y: string };
  b: { y: number; z: boolean };
  'odd key': string;
  arn: string;
}

const $ = rootPath<Input>();
const $$ = contextPath();
const text = (value: Intrinsic<unknown>): string => renderIntrinsic(value[INTRINSIC_NODE]);

describe('rendering of every intrinsic', () => {
  it.each([
    ['format', () => format('Hello, {}!', $.name), "States.Format('Hello, {}!', $.name)"],
    ['format with path template', () => format($.name, $.count, $.flag), 'States.Format($.name, $.count, $.flag)'],
    ['stringSplit', () => stringSplit($.name, ','), "States.StringSplit($.name, ',')"],
    ['stringToJson', () => stringToJson($.json), 'States.StringToJson($.json)'],
    ['jsonToString', () => jsonToString($.a), 'States.JsonToString($.a)'],
    ['jsonMerge', () => jsonMerge($.a, $.b), 'States.JsonMerge($.a, $.b, false)'],
    ['jsonMerge with explicit false', () => jsonMerge($.a, $.b, false), 'States.JsonMerge($.a, $.b, false)'],
    ['array (empty)', () => array(), 'States.Array()'],
    ['array', () => array('Foo', 2020, $.a, null, true), "States.Array('Foo', 2020, $.a, null, true)"],
    ['arrayPartition', () => arrayPartition($.numbers, 4), 'States.ArrayPartition($.numbers, 4)'],
    ['arrayContains', () => arrayContains($.numbers, $.count), 'States.ArrayContains($.numbers, $.count)'],
    ['arrayRange', () => arrayRange(1, 9, 2), 'States.ArrayRange(1, 9, 2)'],
    ['arrayRange negative', () => arrayRange(10, -10, -5), 'States.ArrayRange(10, -10, -5)'],
    ['arrayGetItem', () => arrayGetItem($.items, 5), 'States.ArrayGetItem($.items, 5)'],
    ['arrayGetItem path index', () => arrayGetItem($.items, $.count), 'States.ArrayGetItem($.items, $.count)'],
    ['arrayLength', () => arrayLength($.items), 'States.ArrayLength($.items)'],
    ['arrayUnique', () => arrayUnique($.numbers), 'States.ArrayUnique($.numbers)'],
    ['base64Encode', () => base64Encode($.name), 'States.Base64Encode($.name)'],
    ['base64Decode', () => base64Decode('RGF0YSB0byBlbmNvZGU='), "States.Base64Decode('RGF0YSB0byBlbmNvZGU=')"],
    ['hash', () => hash($.name, 'SHA-256'), "States.Hash($.name, 'SHA-256')"],
    ['hash path algorithm', () => hash($.name, $.algorithm), 'States.Hash($.name, $.algorithm)'],
    ['mathRandom', () => mathRandom(1, 999), 'States.MathRandom(1, 999)'],
    ['mathRandom with seed', () => mathRandom($.count, 999, 42), 'States.MathRandom($.count, 999, 42)'],
    ['mathAdd', () => mathAdd($.count, -1), 'States.MathAdd($.count, -1)'],
    ['mathAdd decimal', () => mathAdd(1.5, 0.25), 'States.MathAdd(1.5, 0.25)'],
    ['uuid', () => uuid(), 'States.UUID()'],
  ] as const)('%s', (_name, build, expected) => {
    expect(text(build())).toBe(expected);
  });

  it('builds frozen IR nodes with the AWS function name and typed arguments', () => {
    const node = mathAdd($.count, 1)[INTRINSIC_NODE];
    expect(node).toEqual({
      kind: 'intrinsic',
      name: 'States.MathAdd',
      args: [
        { kind: 'path', root: '$', segments: [{ kind: 'field', name: 'count' }] },
        { kind: 'literal', value: 1 },
      ],
    });
    expect(Object.isFrozen(node)).toBe(true);
    expect(Object.isFrozen(node.args)).toBe(true);
  });
});

describe('paths as arguments', () => {
  it('renders bracketed fields, indexes, the context object and raw paths', () => {
    expect(text(format('{}', $['odd key']))).toBe("States.Format('{}', $['odd key'])");
    expect(text(format('{}', at($.items, 0)))).toBe("States.Format('{}', $.items[0])");
    expect(text(format('{}', $$.Execution.Name))).toBe("States.Format('{}', $$.Execution.Name)");
    expect(text(arrayLength(unsafePath('$..items')))).toBe('States.ArrayLength($..items)');
    expect(text(array(rootPath<unknown>()))).toBe('States.Array($)');
  });
});

describe('string literals', () => {
  it("escapes ', {, } and \\ with a backslash", () => {
    expect(text(stringSplit($.name, "it's"))).toBe("States.StringSplit($.name, 'it\\'s')");
    expect(text(stringSplit($.name, '{'))).toBe("States.StringSplit($.name, '\\{')");
    expect(text(stringSplit($.name, '}'))).toBe("States.StringSplit($.name, '\\}')");
    expect(text(stringSplit($.name, '\\'))).toBe("States.StringSplit($.name, '\\\\')");
    expect(text(array('{}'))).toBe("States.Array('\\{\\}')");
    expect(text(array('a\\\'b{c}d'))).toBe("States.Array('a\\\\\\'b\\{c\\}d')");
  });

  it('leaves other characters alone, newlines and $ included', () => {
    expect(text(format('\n\nHuman: {}\n\nAssistant:', $.name))).toBe("States.Format('\n\nHuman: {}\n\nAssistant:', $.name)");
    expect(text(array('$.not.a.path', 'a"b', 'ü, 日本'))).toBe("States.Array('$.not.a.path', 'a\"b', 'ü, 日本')");
  });

  it('keeps {} placeholders in a Format template and escapes every other reserved character', () => {
    expect(text(format('{"id": {}}', $.name))).toBe("States.Format('\\{\"id\": {}\\}', $.name)");
    expect(text(format("unload ('{}') to 's3://{}/{}/result_'", $.name, $.arn, $.count))).toBe(
      "States.Format('unload (\\'{}\\') to \\'s3://{}/{}/result_\\'', $.name, $.arn, $.count)",
    );
    expect(text(format('\\{}', $.name))).toBe("States.Format('\\\\{}', $.name)");
    expect(text(format('{{}}', $.name))).toBe("States.Format('\\{{}\\}', $.name)");
  });

  it('escapes {} in Format values (only the template holds placeholders)', () => {
    expect(text(format('{} is empty', '{}'))).toBe("States.Format('{} is empty', '\\{\\}')");
  });

  it('writes numbers, booleans and null as JSON', () => {
    expect(text(array(0, -0, 1.5, -2, 1e21, true, false, null))).toBe('States.Array(0, 0, 1.5, -2, 1e+21, true, false, null)');
  });
});

describe('nesting', () => {
  it('renders nested intrinsics recursively', () => {
    expect(text(format('{}', arrayLength($.items)))).toBe("States.Format('{}', States.ArrayLength($.items))");
    expect(text(jsonMerge(stringToJson<{ a: number }>($.json), $.b))).toBe('States.JsonMerge(States.StringToJson($.json), $.b, false)');
  });

  it("reproduces AWS's nine-deep example", () => {
    const part = (index: number) =>
      arrayGetItem(stringSplit(arrayGetItem(stringSplit($.arn, '/'), 2), '.'), index);
    expect(text(format('{}.{}.{}', part(0), part(1), mathAdd(arrayLength($.items), 1)))).toBe(
      "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.arn, '/'), 2), '.'), 0), " +
        "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.arn, '/'), 2), '.'), 1), " +
        'States.MathAdd(States.ArrayLength($.items), 1))',
    );
  });

  it('works as a template value', () => {
    const node = toTemplateNode({ greeting: format('Hello {}', $.name), id: uuid() }, 'Parameters');
    const rendered = node.entries.map(([key, value]) => [key, value.kind === 'intrinsic' ? renderIntrinsic(value) : value]);
    expect(rendered).toEqual([
      ['greeting', "States.Format('Hello {}', $.name)"],
      ['id', 'States.UUID()'],
    ]);
  });
});

describe('build-time checks', () => {
  it('format: the number of {} placeholders must equal the number of values', () => {
    const loose = format as (template: string, ...values: unknown[]) => Intrinsic<string>;
    expect(() => loose('Hello {} and {}', 'a')).toThrow(TypeError);
    expect(() => loose('Hello {} and {}', 'a')).toThrow(
      "States.Format: the template 'Hello {} and {}' has 2 {} placeholders but 1 value follows it; AWS requires as many values as placeholders",
    );
    expect(() => loose('Hello', 'a', 'b')).toThrow('has 0 {} placeholders but 2 values follow it');
    expect(() => loose('{}')).toThrow('has 1 {} placeholder but 0 values follow it');
    const template: string = 'no placeholders';
    expect(text(format(template))).toBe("States.Format('no placeholders')");
  });

  it('renderIntrinsic checks the count of a hand-built States.Format node too', () => {
    const node = intrinsicNode('States.Format', [{ kind: 'literal', value: '{} {}' }, pathNode('$', [])]);
    expect(() => renderIntrinsic(node)).toThrow(/States\.Format: .* has 2 \{\} placeholders but 1 value follows it/);
  });

  it('does not count placeholders of a template known only at run time', () => {
    expect(text(format($.name))).toBe('States.Format($.name)');
  });

  it('refuses literal values AWS rejects', () => {
    expect(() => arrayPartition($.items, 0)).toThrow(/States\.ArrayPartition: the chunk size must be a positive integer, got 0/);
    expect(() => arrayPartition($.items, -2)).toThrow(RangeError);
    expect(() => arrayRange(1, 9, 0)).toThrow('States.ArrayRange: the step must not be zero');
    expect(() => arrayRange(0, 1000, 1)).toThrow('States.ArrayRange(0, 1000, 1) would produce 1001 items; AWS allows at most 1000');
    expect(text(arrayRange(0, 999, 1))).toBe('States.ArrayRange(0, 999, 1)');
    expect(text(arrayRange(1000, 1, -1))).toBe('States.ArrayRange(1000, 1, -1)');
    expect(() => arrayRange(1000, 0, -1)).toThrow(/1001 items/);
    expect(() => arrayGetItem($.items, -1)).toThrow('States.ArrayGetItem: the index must not be negative, got -1');
    expect(() => mathAdd(2147483648, 1)).toThrow(/States\.MathAdd: 2147483648 is outside the range/);
    expect(() => mathAdd(1, -2147483649)).toThrow(RangeError);
    expect(text(mathAdd(2147483647, -2147483648))).toBe('States.MathAdd(2147483647, -2147483648)');
    expect(() => base64Encode('x'.repeat(10_001))).toThrow('States.Base64Encode: the data is 10001 characters long; AWS accepts at most 10000');
    expect(() => base64Decode('x'.repeat(10_001))).toThrow(RangeError);
    expect(() => hash('x'.repeat(10_001), 'MD5')).toThrow(RangeError);
    expect(text(base64Encode('x'.repeat(10_000)))).toHaveLength('States.Base64Encode()'.length + 10_002);
    expect(() => stringToJson('{not json')).toThrow(/States\.StringToJson: the literal is not JSON text/);
    expect(text(stringToJson('{"a": [1]}'))).toBe("States.StringToJson('\\{\"a\": [1]\\}')");
  });

  it('refuses what untyped callers could slip past the types', () => {
    const loose = <F>(fn: F) => fn as unknown as (...args: unknown[]) => Intrinsic<unknown>;
    expect(() => loose(array)(Number.NaN)).toThrow('States.Array: argument 1 is NaN, which is not a JSON number');
    expect(() => loose(mathRandom)(1, Infinity)).toThrow('States.MathRandom: argument 2 is Infinity, which is not a JSON number');
    expect(() => loose(array)('a', [1, 2])).toThrow('States.Array: argument 2 is an array literal');
    expect(() => loose(array)({ a: 1 })).toThrow('States.Array: argument 1 is an object literal');
    expect(() => loose(array)(undefined)).toThrow('States.Array: argument 1 is undefined; an intrinsic argument is a string, number, boolean, null, path, intrinsic or sub() placeholder');
    expect(() => loose(array)(() => 1)).toThrow('States.Array: argument 1 is a function');
    expect(() => loose(hash)('x', 'SHA-2')).toThrow("States.Hash: unknown algorithm 'SHA-2'; expected one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    expect(() => loose(jsonMerge)($.a, $.b, true)).toThrow('States.JsonMerge: Step Functions supports only shallow merging');
    expect(() => renderIntrinsic(intrinsicNode('States.Array', [{ kind: 'literal', value: Number.NaN }]))).toThrow(TypeError);
  });
});
