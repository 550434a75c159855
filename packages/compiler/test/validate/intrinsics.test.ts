import { describe, expect, it } from 'vitest';
import { analyzeIntrinsic, INTRINSIC_FUNCTIONS, looksLikeIntrinsic } from '../../src/validate/intrinsics.js';

describe('analyzeIntrinsic', () => {
  it('knows the 18 intrinsic functions', () => {
    expect(Object.keys(INTRINSIC_FUNCTIONS)).toHaveLength(18);
  });

  const valid = [
    "States.Format('Hello {}', $.name)",
    "States.Format('Today is {}', $$.Execution.StartTime)",
    "States.Format('Data Quality check failed for the input file')",
    "States.Format('{}/{}', $.a, States.ArrayGetItem(States.StringSplit($.b , '/'), 0))",
    "States.Format('unload (\\'{}\\') to \\'s3://{}/\\'', $.q, $.bucket)",
    "States.Format('escaped \\{\\} braces {}', $.x)",
    "States.Format('{}_test{}',$$.Execution.Name,$['test-data']['test-number'])",
    'States.Format($.template, $.name)',
    'States.StringToJson($.body)',
    'States.JsonToString($)',
    'States.Array()',
    "States.Array('Foo', 2020, $.someJson, null)",
    'States.ArrayPartition($.inputArray, 4)',
    'States.ArrayContains($.inputArray, $.lookingFor)',
    'States.ArrayRange(1, 9, 2)',
    'States.ArrayGetItem($.list, -1)',
    'States.ArrayLength($.list)',
    'States.ArrayUnique($.list)',
    'States.Base64Encode($.input)',
    'States.Base64Decode($.base64)',
    "States.Hash($.Data, 'SHA-1')",
    'States.JsonMerge(States.StringToJson($.Body), States.StringToJson(\'{"a": 1}\'), false)',
    'States.MathRandom(1, 999)',
    'States.MathRandom(1, 999, $.seed)',
    'States.MathAdd($.count, -1)',
    'States.MathAdd(1.5, 2e3)',
    "States.StringSplit($.csv, ',')",
    'States.UUID()',
    'States.ArrayLength($.items[?(@.ok == true)])',
    ' States.UUID() ',
  ];
  it.each(valid)('%s is well-formed', (call) => {
    expect(analyzeIntrinsic(call)).toBeUndefined();
  });

  const invalid: [string, string, 'path' | 'intrinsic'][] = [
    ['States.Fromat($.a)', 'did you mean States.Format?', 'intrinsic'],
    ['MyFunction($.a)', 'not an intrinsic function', 'intrinsic'],
    ['States.UUID(1)', 'it takes 0', 'intrinsic'],
    ['States.JsonToString()', 'it takes 1', 'intrinsic'],
    ['States.MathRandom(1)', 'it takes 2 or 3', 'intrinsic'],
    ['States.Format()', 'at least 1', 'intrinsic'],
    ["States.Format('{} and {}', $.a)", '2 "{}" placeholders', 'intrinsic'],
    ["States.Format('{}', $.a, $.b)", '1 "{}" placeholder', 'intrinsic'],
    ['States.Format($.a', 'missing the closing ")"', 'intrinsic'],
    ["States.Format('abc", 'unclosed string', 'intrinsic'],
    ["States.Format('a\\nb')", 'only', 'intrinsic'],
    ['States.Array(foo)', "not a 'string'", 'intrinsic'],
    ['States.Array($.a,)', 'empty argument', 'intrinsic'],
    ["States.Array(1 'a')", 'where "," or ")" was expected', 'intrinsic'],
    ['States.Array($.a $.b)', 'has a space', 'path'],
    ['States.UUID() extra', 'after the closing parenthesis', 'intrinsic'],
    ['States.JsonToString($.a b)', 'argument 1 of States.JsonToString', 'path'],
    ['States.JsonToString($.)', 'ends with "."', 'path'],
  ];
  it.each(invalid)('%s is rejected (%s)', (call, words, kind) => {
    const problem = analyzeIntrinsic(call);
    expect(problem).toBeDefined();
    expect(problem!.message).toContain(words);
    expect(problem!.kind).toBe(kind);
  });

  it('recognises calls', () => {
    expect(looksLikeIntrinsic('States.Format(')).toBe(true);
    expect(looksLikeIntrinsic('hello')).toBe(false);
    expect(looksLikeIntrinsic('$.a')).toBe(false);
  });
});
