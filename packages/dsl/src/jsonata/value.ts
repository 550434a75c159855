import { arrayNode, literalNode, templateNode, type Json, type ValueNode } from '../ir/value-node.js';
import { isPathRef, nodeOfPath, type PathRef } from '../path/path.js';
import { isIntrinsic } from '../payload/intrinsic.js';
import { isPlaceholder, PLACEHOLDER_NODE, type Placeholder } from '../payload/placeholder.js';
import { EXPRESSION_NODE, isExpr, type Expr } from './expression.js';
import { assertJsonataReadable } from './render.js';

/**
 * What a JSONata field (Arguments, Output, Assign, Items…) may hold: JSON, typed paths and
 * expressions at any depth (arrays included: a JSONata state evaluates every `{% %}` string),
 * and placeholders. `Resolve<T>` gives the JSON it produces, as a type.
 */
export type JsonataTemplate =
  | undefined
  | string
  | number
  | boolean
  | null
  | PathRef<unknown>
  | Expr<unknown>
  | Placeholder
  | readonly JsonataTemplate[]
  | { readonly [key: string]: JsonataTemplate };

/** Converts a JSONata field's value into its IR node. */
export function toJsonataNode(value: unknown, where: string): ValueNode {
  if (isPathRef(value) || isExpr(value)) {
    const node = isExpr(value) ? value[EXPRESSION_NODE] : nodeOfPath(value);
    assertJsonataReadable(node, where);
    return node;
  }
  if (isPlaceholder(value)) return value[PLACEHOLDER_NODE];
  if (isIntrinsic(value)) {
    throw new TypeError(`${where}: intrinsic functions (States.*) are JSONPath only; in a JSONata state write the JSONata function with jsonata\`…\``);
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => toJsonataNode(item, `${where}[${index}]`));
    return items.every((item) => item.kind === 'literal') ? literalNode(items.map((item) => (item as { value: Json }).value)) : arrayNode(items);
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    const nodes = entries.map(([key, inner]) => [key, toJsonataNode(inner, `${where}.${key}`)] as const);
    return nodes.every(([, node]) => node.kind === 'literal')
      ? literalNode(Object.fromEntries(nodes.map(([key, node]) => [key, (node as { value: Json }).value])))
      : templateNode(nodes);
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return literalNode(value);
  if (typeof value === 'number' && Number.isFinite(value)) return literalNode(value);
  throw new TypeError(`${where}: ${value === undefined ? 'undefined' : typeof value} is not JSON`);
}

/** An object-valued JSONata field (Assign, ItemReader Arguments…) as a template node. */
export function toJsonataTemplate(value: unknown, where: string) {
  const node = toJsonataNode(value, where);
  if (node.kind === 'template') return node;
  if (node.kind === 'literal' && typeof node.value === 'object' && node.value !== null && !Array.isArray(node.value)) {
    return templateNode(Object.entries(node.value).map(([key, inner]) => [key, literalNode(inner)] as const));
  }
  throw new TypeError(`${where}: expected an object of fields`);
}
