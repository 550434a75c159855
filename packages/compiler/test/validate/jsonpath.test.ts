import { describe, expect, it } from 'vitest';
import { analyzePath } from '../../src/validate/jsonpath.js';

describe('analyzePath: valid JSONPath (Jayway syntax as AWS accepts it)', () => {
  const definite = [
    '$',
    '$$',
    '$.0',
    '$.1',
    '$.a.b.c',
    '$.detail-type',
    '$.test-data.test-input',
    '$[0].body',
    '$[1]',
    '$.a[-1]',
    "$.Config.detail['execution-id']",
    '$["a"]["b c"]',
    "$['store'][0]['book']",
    '$.ledgers[0][22][315].foo',
    '$.Snapshots.[0].State',
    '$.[0]',
    '$$.Execution.Input.detail',
    '$$.Map.Item.Value',
    '$$.Execution.Name ',
    ' $.padded ',
    '$.&Ж中.𐍆',
    '$.あいうえお',
    '$.x.${not-a-placeholder-here}',
    // The States Language specification's own reference path examples:
    '$.store.book',
    '$.store\\.book',
    '$.\\stor\\e.boo\\k',
    '$.store.book.title',
    '$.foo.\\.bar',
    '$.foo\\@bar.baz\\[\\[.\\?pretty',
    '$.&Ж中.\\uD800\\uDF46',
    '$.ledgers.branch[0].pending.count',
    '$.ledgers.branch[0]',
    '$myVariable',
    '$myVariable.field[0]',
    '$変数.値',
  ];
  it.each(definite)('%s is a valid reference path', (path) => {
    const analysis = analyzePath(path);
    expect(analysis.error).toBeUndefined();
    expect(analysis.indefinite).toBeUndefined();
  });

  const indefinite: [string, string][] = [
    ['$..QualityResults', 'deep scan'],
    ['$..a[?(@.b==1)]', 'deep scan'],
    ['$.a[*]', 'wildcard'],
    ['$.a.*', 'wildcard'],
    ['$[*][*]', 'wildcard'],
    ['$.GetQueryResults.ResultSet.Rows[1:]', 'slice'],
    ['$.vals[-3:]', 'slice'],
    ['$.a[:2]', 'slice'],
    ['$.a[0,1]', 'list of indexes'],
    ["$.[*].['bucket', 'key']", 'wildcard'],
    ["$['a','b']", 'list of names'],
    ['$.approaches[?(@.workerId == $.agent_id)].approach', 'filter'],
    ['$.ExpenseDocuments[0].SummaryFields[?(@.Type.Text==AMOUNT_PAID)].ValueDetection.Text', 'filter'],
    ["$.FlowConfig.Tasks[?(@.TaskType == 'Map')]", 'filter'],
    ['$.[?(@.OU > 0)]', 'filter'],
    ['$.list.length()', 'function'],
  ];
  it.each(indefinite)('%s is a valid path but not a reference path (%s)', (path, what) => {
    const analysis = analyzePath(path);
    expect(analysis.error).toBeUndefined();
    expect(analysis.indefinite).toContain(what);
  });

  it('tells the root apart', () => {
    expect(analyzePath('$.a').root).toBe('input');
    expect(analyzePath('$$.Execution.Id').root).toBe('context');
    expect(analyzePath('$total.sum')).toEqual({ root: 'variable', variable: 'total' });
  });
});

describe('analyzePath: invalid JSONPath', () => {
  const invalid: [string, string][] = [
    ['', 'empty'],
    ['foo', 'must start with "$"'],
    ['a.b', 'must start with "$"'],
    ['$.', 'ends with "."'],
    ['$.a.', 'ends with "."'],
    ['$..', 'ends with ".."'],
    ['$...a', 'three dots'],
    ['$.a..', 'ends with ".."'],
    ['$.a[', 'unclosed "["'],
    ['$[', 'unclosed "["'],
    ['$.a[]', 'empty brackets'],
    ['$.a]', '"]"'],
    ['$.a b', 'space'],
    ['$.a.b c.d', 'space'],
    ["$.a['b]", 'unclosed quote'],
    ['$.a[x]', 'inside brackets'],
    ['$.a[1.5]', 'where "]" was expected'],
    ['$.a[0,]', 'not a whole number'],
    ['$.a[:]', 'neither start nor end'],
    ['$.a[?(@.b == 1]', 'unmatched "]"'],
    ['$.a[?(@.b == 1', 'unclosed "("'],
    ['$.a[?@.b]', 'not followed by "("'],
    ['$.a[?()]', 'empty filter'],
    ['$.a.nope()', 'not a JSONPath function'],
    ['$.a.length().b', 'must end the path'],
    ['$.a\\', 'lone backslash'],
    ["$.a'b", 'in a field name'],
    ['$.a?b', 'in a field name'],
    ['$a b', 'where ".name" or "[…]" was expected'],
    ['$_x', 'where ".name" or "[…]" was expected'],
    ['$ .a', 'where ".name" or "[…]" was expected'],
  ];
  it.each(invalid)('%j is rejected (%s)', (path, words) => {
    const analysis = analyzePath(path);
    expect(analysis.error).toBeDefined();
    expect(analysis.error).toContain(words);
  });

  it('says where the problem is', () => {
    expect(analyzePath('$.a.b c').error).toMatch(/at character 6\)$/);
  });
});
