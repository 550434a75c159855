import { describe, expect, it } from 'vitest';
import { conditionText } from '../../src/graph/index.js';

describe('conditionText: a Choice rule as a person reads it', () => {
  it.each([
    [{ Variable: '$.stock_price', NumericLessThanEquals: 50 }, '$.stock_price <= 50'],
    [{ Variable: '$.price', NumericGreaterThan: 9.5 }, '$.price > 9.5'],
    [{ Variable: '$.HOGE', StringEquals: 'HOGE 200' }, '$.HOGE == "HOGE 200"'],
    [{ Variable: '$.name', StringMatches: 'log-*.txt' }, '$.name matches "log-*.txt"'],
    [{ Variable: '$.ok', BooleanEquals: false }, '$.ok == false'],
    [{ Variable: '$.at', TimestampLessThan: '2024-01-01T00:00:00Z' }, '$.at < "2024-01-01T00:00:00Z"'],
    [{ Variable: '$.a', NumericGreaterThanEqualsPath: '$.b' }, '$.a >= $.b'],
    [{ Variable: '$.a', StringEqualsPath: '$$.Execution.Name' }, '$.a == $$.Execution.Name'],
    [{ Variable: '$.x', IsPresent: true }, '$.x is present'],
    [{ Variable: '$.x', IsPresent: false }, '$.x is not present'],
    [{ Variable: '$.x', IsNull: true }, '$.x is null'],
    [{ Variable: '$.x', IsString: false }, '$.x is not a string'],
    [{ Variable: '$.x', IsTimestamp: true }, '$.x is a timestamp'],
  ])('%j reads %s', (rule, text) => {
    expect(conditionText({ ...rule, Next: 'Somewhere' })).toBe(text);
  });

  it('joins And / Or, and parenthesizes a nested And / Or so the grouping shows', () => {
    const rule = {
      And: [
        { Variable: '$.a', IsPresent: true },
        { Or: [{ Variable: '$.b', NumericEquals: 1 }, { Variable: '$.b', NumericEquals: 2 }] },
        { Not: { Variable: '$.c', StringEquals: 'x' } },
      ],
      Next: 'N',
    };
    expect(conditionText(rule)).toBe('$.a is present and ($.b == 1 or $.b == 2) and not ($.c == "x")');
  });

  it('shows a JSONata Condition without its {% %} delimiters', () => {
    expect(conditionText({ Condition: '{% $states.input.total <= 1000 %}', Next: 'N' })).toBe('$states.input.total <= 1000');
    expect(conditionText({ Condition: true, Next: 'N' })).toBe('true');
  });

  it('marks what it cannot read instead of throwing', () => {
    expect(conditionText({ Variable: '$.x', Next: 'N' })).toBe('$.x ?');
    expect(conditionText('not a rule')).toBe('?');
    expect(conditionText({ Not: 'nonsense' })).toBe('not (?)');
  });
});
