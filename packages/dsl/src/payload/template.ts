import { arrayNode, literalNode, templateNode, type Json, type ValueNode } from '../ir/value-node.js';
import { isPathRef, nodeOfPath, type PathRef } from '../path/path.js';
import { isExpr, type Expr } from '../jsonata/expression.js';
import { INTRINSIC_NODE, isIntrinsic, type Intrinsic } from './intrinsic.js';
import { isPlaceholder, PLACEHOLDER_NODE, type Placeholder } from './placeholder.js';

/**
 * What may stand in a payload template (Parameters, ResultSelector, ItemSelector): JSON, typed
 * paths, intrinsic calls and placeholders. ASL evaluates `.$` keys in objects at any depth, arrays
 * included (`ContainerOverrides: [{ Name, 'Command.$': … }]`), but a path standing alone *as* an
 * array element is not evaluated — so arrays hold values and objects, not bare paths (build such an
 * array with the `array()` intrinsic).
 */
export type TemplateValue =
  | undefined
  | string
  | number
  | boolean
  | null
  | PathRef<unknown>
  | Intrinsic<unknown>
  | Placeholder
  | readonly TemplateArrayItem[]
  | { readonly [key: string]: TemplateValue };

/** An element of an array in a template. */
export type TemplateArrayItem =
  | string
  | number
  | boolean
  | null
  | Placeholder
  | readonly TemplateArrayItem[]
  | { readonly [key: string]: TemplateValue };

export type Template = { readonly [key: string]: TemplateValue };

/** The JSON a template produces at run time, as a type. */
export type Resolve<T> =
  T extends PathRef<infer V>
    ? V
    : T extends Intrinsic<infer V>
      ? V
      : T extends Expr<infer V>
        ? V
      : T extends Placeholder
        ? string
        : T extends readonly unknown[]
          ? { -readonly [K in keyof T]: Resolve<T[K]> }
          : T extends object
            ? { -readonly [K in keyof T]: Resolve<T[K]> }
            : T;

/** Converts a template value into its IR node, refusing what ASL cannot express. */
export function toValueNode(value: unknown, where: string): ValueNode {
  if (isPathRef(value)) return nodeOfPath(value);
  if (isIntrinsic(value)) return value[INTRINSIC_NODE];
  if (isPlaceholder(value)) return value[PLACEHOLDER_NODE];
  if (Array.isArray(value)) {
    const items = value.map((item, index) => {
      if (isPathRef(item) || isIntrinsic(item)) {
        throw new TypeError(
          `${where}[${index}]: ASL does not evaluate a path or intrinsic standing alone as an array element; put it in an object ({ 'key': … }) or build the array with array(…)`,
        );
      }
      return toValueNode(item, `${where}[${index}]`);
    });
    return items.every((item) => item.kind === 'literal') ? literalNode(items.map((item) => (item as { value: Json }).value)) : arrayNode(items);
  }
  if (isExpr(value)) {
    throw new TypeError(`${where}: a jsonata\`…\` expression cannot be used in a JSONPath state; use a typed path or an intrinsic, or continue with .jsonata()`);
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    return templateNode(entries.map(([key, inner]) => [key, toValueNode(inner, `${where}.${key}`)] as const));
  }
  return literalNode(toJson(value, where));
}

function toJson(value: unknown, where: string): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${where}: ${value} is not a JSON number`);
    return value;
  }
  throw new TypeError(`${where}: ${typeof value} is not JSON`);
}

/** A template as an IR node (a template node for objects). */
export function toTemplateNode(value: object, where: string) {
  const node = toValueNode(value, where);
  if (node.kind !== 'template') throw new TypeError(`${where}: expected an object of fields`);
  return node;
}
