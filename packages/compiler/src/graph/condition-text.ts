import { isObject, type JsonObject } from '../validate/model.js';

/**
 * A Choice rule as a person reads it on an edge: `$.price <= 50`, `$.type == "buy"`,
 * `$.a is present and not ($.b == true)`, or a JSONata `Condition` without its `{% %}`.
 */
export function conditionText(rule: unknown): string {
  if (!isObject(rule)) return '?';
  if ('Condition' in rule) return jsonataText(rule['Condition']);
  if (Array.isArray(rule['And'])) return rule['And'].map(operand).join(' and ');
  if (Array.isArray(rule['Or'])) return rule['Or'].map(operand).join(' or ');
  if ('Not' in rule) return `not (${conditionText(rule['Not'])})`;
  return dataTestText(rule);
}

/** Comparison operators by name; the `…Path` forms compare with the value at a path. */
const COMPARISONS: Readonly<Record<string, string>> = {
  Equals: '==',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
  Matches: 'matches',
};

/** Type tests: `IsNull: true` reads `is null`, `IsNull: false` reads `is not null`. */
const TYPE_TESTS: Readonly<Record<string, string>> = {
  IsNull: 'null',
  IsPresent: 'present',
  IsNumeric: 'numeric',
  IsString: 'a string',
  IsBoolean: 'a boolean',
  IsTimestamp: 'a timestamp',
};

const COMPARISON = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals|Matches)(Path)?$/;

function dataTestText(rule: JsonObject): string {
  const variable = typeof rule['Variable'] === 'string' ? rule['Variable'] : '?';
  for (const [key, value] of Object.entries(rule)) {
    const typeTest = TYPE_TESTS[key];
    if (typeTest !== undefined) return `${variable} is ${value === false ? 'not ' : ''}${typeTest}`;
    const match = COMPARISON.exec(key);
    if (!match) continue;
    const operator = COMPARISONS[match[2]!]!;
    // A path is shown as written; a literal as JSON, so strings are quoted and numbers are not.
    const operand = match[3] === 'Path' && typeof value === 'string' ? value : JSON.stringify(value);
    return `${variable} ${operator} ${operand}`;
  }
  return `${variable} ?`;
}

/** An operand of `and`/`or`: parenthesized when it is itself an `and`/`or`, so the grouping shows. */
function operand(rule: unknown): string {
  const text = conditionText(rule);
  return isObject(rule) && (Array.isArray(rule['And']) || Array.isArray(rule['Or'])) ? `(${text})` : text;
}

function jsonataText(condition: unknown): string {
  if (typeof condition !== 'string') return JSON.stringify(condition) ?? '?';
  const match = /^\s*\{%([\s\S]*)%\}\s*$/.exec(condition);
  return (match ? match[1]! : condition).trim();
}
