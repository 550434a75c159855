import { renderJsonataPath, renderPath, type ir } from '@typestep/dsl';
import { emitJsonata } from './emit-value.js';
import type { Placeholders } from './used-placeholders.js';

/** A Choice rule's test as ASL fields: `Variable` + operator (JSONPath), or `Condition` (JSONata). */
export function emitChoiceTest(condition: ir.ChoiceRuleNode['condition'], jsonata: boolean, placeholders: Placeholders): Record<string, unknown> {
  if (condition.kind === 'expression' || condition.kind === 'path') return { Condition: emitJsonata(condition, placeholders) };
  return jsonata ? { Condition: `{% ${jsonataCondition(condition)} %}` } : emitCondition(condition);
}

/** A JSONPath Choice condition as ASL fields (`Variable` + operator, or `And` / `Or` / `Not`). */
export function emitCondition(node: ir.ConditionNode): Record<string, unknown> {
  switch (node.kind) {
    case 'compare': {
      const isPath = typeof node.value === 'object' && node.value !== null && (node.value as ir.PathNode).kind === 'path';
      return isPath
        ? { Variable: renderPath(node.variable), [`${node.operator}Path`]: renderPath(node.value as ir.PathNode) }
        : { Variable: renderPath(node.variable), [node.operator]: node.value };
    }
    case 'test':
      return { Variable: renderPath(node.variable), [node.operator]: node.value };
    case 'and':
      return { And: node.conditions.map(emitCondition) };
    case 'or':
      return { Or: node.conditions.map(emitCondition) };
    case 'not':
      return { Not: emitCondition(node.condition) };
  }
}

const COMPARISON: Record<string, string> = {
  Equals: '=',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
};

/** RFC 3339 as Step Functions' IsTimestamp accepts it. */
const TIMESTAMP = String.raw`/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/`;

/**
 * The same condition as a JSONata boolean expression, so eq/lt/and/… built on a JSONata state's
 * typed input read the same in both languages: `$states.input.price <= 50 and …`.
 */
export function jsonataCondition(node: ir.ConditionNode): string {
  switch (node.kind) {
    case 'compare': {
      const variable = renderJsonataPath(node.variable);
      const value = isPath(node.value) ? renderJsonataPath(node.value) : JSON.stringify(node.value);
      if (node.operator === 'StringMatches') return `$contains(${variable}, ${wildcardRegex(String(node.value))})`;
      const [, type, comparison] = /^(String|Numeric|Boolean|Timestamp)(.+)$/.exec(node.operator)!;
      const operator = COMPARISON[comparison!]!;
      return type === 'Timestamp' ? `$toMillis(${variable}) ${operator} $toMillis(${value})` : `${variable} ${operator} ${value}`;
    }
    case 'test': {
      const variable = renderJsonataPath(node.variable);
      const test = {
        IsPresent: `$exists(${variable})`,
        IsNull: `${variable} = null`,
        IsString: `$type(${variable}) = "string"`,
        IsNumeric: `$type(${variable}) = "number"`,
        IsBoolean: `$type(${variable}) = "boolean"`,
        IsTimestamp: `($type(${variable}) = "string" and $contains(${variable}, ${TIMESTAMP}))`,
      }[node.operator];
      return node.value ? test : `$not(${test})`;
    }
    case 'and':
    case 'or':
      return node.conditions.map((inner) => `(${jsonataCondition(inner)})`).join(` ${node.kind} `);
    case 'not':
      return `$not(${jsonataCondition(node.condition)})`;
  }
}

const isPath = (value: unknown): value is ir.PathNode => typeof value === 'object' && value !== null && (value as ir.PathNode).kind === 'path';

/** StringMatches' pattern (`*` any run of characters, `\*` a literal star) as a JSONata regex literal. */
function wildcardRegex(pattern: string): string {
  let regex = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '\\' && index + 1 < pattern.length) regex += escapeRegex(pattern[++index]!);
    else regex += char === '*' ? '.*' : escapeRegex(char);
  }
  return `/^${regex}$/`;
}

const escapeRegex = (char: string) => (/[\\^$.|?*+()[\]{}/]/.test(char) ? `\\${char}` : char);
