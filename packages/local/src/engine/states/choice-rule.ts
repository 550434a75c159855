import type { ChoiceRule } from '../asl.js';
import { evaluatePath, type PathScope } from '../data/path-scope.js';
import { runtimeError } from '../errors.js';

/**
 * A JSONPath Choice Rule: a comparison of the value at `Variable` with a literal or (`…Path`)
 * another value of the input, or And / Or / Not of rules. Comparing values of the wrong type is
 * false, as in Step Functions; a Variable that selects nothing is a States.Runtime error, except
 * for IsPresent.
 */
export function choiceRuleMatches(rule: ChoiceRule, scope: PathScope, stateName: string): boolean {
  if (rule.And) return rule.And.every((r) => choiceRuleMatches(r, scope, stateName));
  if (rule.Or) return rule.Or.some((r) => choiceRuleMatches(r, scope, stateName));
  if (rule.Not) return !choiceRuleMatches(rule.Not, scope, stateName);

  const operator = operatorOf(rule);
  if (!operator || rule.Variable === undefined)
    throw runtimeError(stateName, `The Choice Rule ${JSON.stringify(rule)} has no comparison operator.`);
  const found = evaluatePath(rule.Variable, scope);
  if (operator === 'IsPresent') return found.found === rule.IsPresent;
  if (!found.found)
    throw runtimeError(stateName, `Invalid path '${rule.Variable}': The choice state's condition path references an invalid value.`);
  const value = found.value;

  // The operator was found among the rule's own keys: read it by name.
  const operands = rule as Readonly<Record<string, unknown>>;
  const typeTest = TYPE_TESTS[operator];
  if (typeTest) return typeTest(value) === operands[operator];

  let operand = operands[operator];
  let comparison = COMPARISONS[operator];
  if (!comparison) {
    comparison = COMPARISONS[operator.replace(/Path$/, '')]!;
    const other = evaluatePath(String(operand), scope);
    if (!other.found)
      throw runtimeError(stateName, `Invalid path '${String(operand)}': The choice state's condition path references an invalid value.`);
    operand = other.value;
  }
  return comparison(value, operand);
}

const operators = new WeakMap<ChoiceRule, string | undefined>();

/** The comparison operator of a rule (`StringEquals`, `NumericLessThanPath`, `IsPresent`…), found once per rule. */
function operatorOf(rule: ChoiceRule): string | undefined {
  if (!operators.has(rule)) {
    operators.set(
      rule,
      Object.keys(rule).find((key) => key in COMPARISONS || key.replace(/Path$/, '') in COMPARISONS || key in TYPE_TESTS),
    );
  }
  return operators.get(rule);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function timestamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || !RFC3339.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

type Compare = (value: unknown, operand: unknown) => boolean;

function strings(test: (a: string, b: string) => boolean): Compare {
  return (a, b) => typeof a === 'string' && typeof b === 'string' && test(a, b);
}
function numbers(test: (a: number, b: number) => boolean): Compare {
  return (a, b) => typeof a === 'number' && typeof b === 'number' && test(a, b);
}
function timestamps(test: (a: number, b: number) => boolean): Compare {
  return (a, b) => {
    const [x, y] = [timestamp(a), timestamp(b)];
    return x !== undefined && y !== undefined && test(x, y);
  };
}

/** `*` matches any run of characters; `\*` and `\\` are a literal star and backslash. */
function wildcardMatches(text: string, pattern: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) source += `\\${pattern[++i]}`;
    else if (c === '*') source += '[\\s\\S]*';
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(text);
}

const COMPARISONS: Readonly<Record<string, Compare>> = {
  StringEquals: strings((a, b) => a === b),
  StringLessThan: strings((a, b) => a < b),
  StringGreaterThan: strings((a, b) => a > b),
  StringLessThanEquals: strings((a, b) => a <= b),
  StringGreaterThanEquals: strings((a, b) => a >= b),
  StringMatches: strings(wildcardMatches),
  NumericEquals: numbers((a, b) => a === b),
  NumericLessThan: numbers((a, b) => a < b),
  NumericGreaterThan: numbers((a, b) => a > b),
  NumericLessThanEquals: numbers((a, b) => a <= b),
  NumericGreaterThanEquals: numbers((a, b) => a >= b),
  BooleanEquals: (a, b) => typeof a === 'boolean' && a === b,
  TimestampEquals: timestamps((a, b) => a === b),
  TimestampLessThan: timestamps((a, b) => a < b),
  TimestampGreaterThan: timestamps((a, b) => a > b),
  TimestampLessThanEquals: timestamps((a, b) => a <= b),
  TimestampGreaterThanEquals: timestamps((a, b) => a >= b),
};

const TYPE_TESTS: Readonly<Record<string, (value: unknown) => boolean>> = {
  IsNull: (value) => value === null,
  IsPresent: () => true,
  IsNumeric: (value) => typeof value === 'number',
  IsString: (value) => typeof value === 'string',
  IsBoolean: (value) => typeof value === 'boolean',
  IsTimestamp: (value) => timestamp(value) !== undefined,
};
