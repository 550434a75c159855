import { expressionNode, type ExpressionNode, type PathNode, type PlaceholderNode } from '../ir/value-node.js';
import { isPathRef, nodeOfPath, type PathRef } from '../path/path.js';
import { isIntrinsic } from '../payload/intrinsic.js';
import { isPlaceholder, PLACEHOLDER_NODE, type Placeholder } from '../payload/placeholder.js';

export const EXPRESSION_NODE = Symbol.for('typestep.jsonata');
declare const VALUE_TYPE: unique symbol;

/** A JSONata expression whose value has type T: written `{% … %}` in a JSONata state. */
export interface Expr<out T> {
  readonly [EXPRESSION_NODE]: ExpressionNode;
  readonly [VALUE_TYPE]?: T;
}

/** What may be spliced into a `jsonata` template: typed paths, placeholders, other expressions, JSON literals. */
export type Splice = PathRef<unknown> | Expr<unknown> | Placeholder | string | number | boolean | null;

/**
 * A JSONata expression built from typed accessors: `jsonata<number>\`$sum(${result.items}.price)\``.
 * Spliced paths become `$states.input.…` / `$name.…`, placeholders the string `'${Name}'`, literals
 * JSON; the text around them is yours (the compiler parses the result with the jsonata package and
 * reports a syntax error at your source line). T is the type you claim for its value.
 */
export function jsonata<T = unknown>(text: TemplateStringsArray, ...splices: Splice[]): Expr<T> {
  const parts: (string | PathNode | PlaceholderNode)[] = [];
  text.forEach((piece, index) => {
    parts.push(piece);
    if (index < splices.length) parts.push(...spliceParts(splices[index], index));
  });
  return expression<T>(expressionNode(parts));
}

/** Escape hatch: a JSONata expression given as text (without `{% %}`), typed as you say. */
export function unsafeJsonata<T = unknown>(text: string): Expr<T> {
  return expression<T>(expressionNode([text]));
}

export const expression = <T>(node: ExpressionNode): Expr<T> => Object.freeze({ [EXPRESSION_NODE]: node }) as Expr<T>;

export function isExpr(value: unknown): value is Expr<unknown> {
  return typeof value === 'object' && value !== null && EXPRESSION_NODE in value;
}

function spliceParts(value: Splice | undefined, index: number): (string | PathNode | PlaceholderNode)[] {
  if (isPathRef(value)) return [nodeOfPath(value)];
  if (isExpr(value)) return ['(', ...value[EXPRESSION_NODE].parts, ')'];
  if (isPlaceholder(value)) return [value[PLACEHOLDER_NODE]];
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [JSON.stringify(value)];
  if (typeof value === 'number' && Number.isFinite(value)) return [JSON.stringify(value)];
  if (isIntrinsic(value)) {
    throw new TypeError(`jsonata\`…\`: splice ${index + 1} is an intrinsic function (States.*), which is JSONPath only; write the JSONata function in the expression's text instead`);
  }
  throw new TypeError(`jsonata\`…\`: splice ${index + 1} is ${value === undefined ? 'undefined' : String(value)}; splice a typed path, an expression, a sub() placeholder or a JSON literal`);
}
