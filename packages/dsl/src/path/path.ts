import { pathNode, type PathNode, type PathRoot, type PathSegment } from '../ir/value-node.js';

/** Symbol under which every typed accessor carries its IR node. */
export const PATH_NODE = Symbol.for('typestep.path');
declare const VALUE_TYPE: unique symbol;

/**
 * A reference to a value of type T inside the state's data (or the context object).
 * Only the compiler reads the node; T exists for the type checker.
 */
export interface PathRef<out T> {
  readonly [PATH_NODE]: PathNode;
  readonly [VALUE_TYPE]?: T;
}

type IsAny<T> = 0 extends 1 & T ? true : false;
type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** Fields of an untyped path: any name, all untyped. Reached only through `any` (see `untyped`). */
type AnyFields = { readonly [field: string]: Path<any> };

type Fields<T> = [NonNullable<T>] extends [Primitive]
    ? unknown
    : NonNullable<T> extends readonly unknown[]
      ? unknown // array elements are reached with at(); JSONPath has no typed `.field` on arrays
      : FieldsOf<NonNullable<T>>;

type FieldsOf<T> = T extends object ? { readonly [K in keyof T & (string | number)]-?: Path<T[K]> } : unknown;

/**
 * The typed accessor handed to builder callbacks as `$`: `$.order.total` is a `Path<number>`
 * when the state's input says so, and a misspelt field is a compile error. After a state that
 * never passes data on (goto, end, succeed, fail) the accessor is `never`.
 */
export type Path<T> = IsAny<T> extends true ? PathRef<any> & AnyFields : [T] extends [never] ? never : PathRef<T> & Fields<T>;

/**
 * What a path callback may return. Reading through an index signature (a record, or `untyped`
 * data) under `noUncheckedIndexedAccess` types the read as `… | undefined`, although the accessor
 * always returns a path at run time; accepting it here spares users a `!` on every such read.
 */
export type PathTo<T> = PathRef<T> | undefined;

/** The type a path points at. */
export type ValueOf<P> = P extends PathRef<infer T> ? T : never;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$|^[0-9]+$/;

/** Renders a path node as JSONPath text: `$.a.b`, `$['key with space']`, `$$.Map.Item.Value`. */
export function renderPath(node: PathNode): string {
  if (node.raw !== undefined) return node.raw;
  let text: string = node.root;
  for (const segment of node.segments) {
    if (segment.kind === 'index') text += `[${segment.index}]`;
    else if (segment.kind === 'raw') text += segment.text;
    else if (IDENTIFIER.test(segment.name)) text += `.${segment.name}`;
    else text += `['${segment.name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return text;
}

const proxyTarget = Object.freeze({});

/** A typed accessor rooted at `node`: each property read returns the accessor of that field. */
export function pathProxy<T>(node: PathNode): Path<T> {
  return new Proxy(proxyTarget, {
    get(_target, key) {
      if (key === PATH_NODE) return node;
      if (typeof key === 'symbol') return undefined;
      return pathProxy(pathNode(node.root, [...node.segments, { kind: 'field', name: key }]));
    },
    has: (_target, key) => key === PATH_NODE,
    ownKeys: () => [],
  }) as Path<T>;
}

export const rootPath = <T>(root: PathRoot = '$'): Path<T> => pathProxy<T>(pathNode(root, []));

export function isPathRef(value: unknown): value is PathRef<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && PATH_NODE in value;
}

export function nodeOfPath(ref: PathTo<unknown>): PathNode {
  if (!isPathRef(ref)) throw new TypeError(`expected a path such as $.field, got ${ref === undefined ? 'undefined' : typeof ref}`);
  return ref[PATH_NODE];
}

/** The element at `index` of an array: `at($.items, 0)` is `$.items[0]`. */
export function at<E>(array: PathTo<readonly E[] | null | undefined>, index: number): Path<E> {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`at(): index must be a whole number ≥ 0, got ${index}`);
  const node = nodeOfPath(array);
  return pathProxy<E>(pathNode(node.root, [...node.segments, { kind: 'index', index }]));
}

/**
 * Escape hatch: a JSONPath written as text (filters, slices, wildcards…). Its type is whatever you
 * say it is; the compiler still checks its syntax.
 */
export function unsafePath<T = any>(text: string): Path<T> {
  const root: PathRoot = text.startsWith('$$') ? '$$' : '$';
  const segments: PathSegment[] = [{ kind: 'raw', text: text.slice(root.length) }];
  return pathProxy<T>(pathNode(root, segments, text));
}

/**
 * A workflow variable in a JSONPath state: `variable<number>('total')` is `$total`. Its type is
 * the one you give (JSONata chains type variables from their `assign`); the compiler checks that
 * a state assigns it on every path before it is read.
 */
export function variable<T>(name: string): Path<T> {
  // AWS: a Unicode identifier (ID_Start, then ID_Continue), at most 80 characters.
  if (!/^\p{ID_Start}\p{ID_Continue}*$/u.test(name) || name.length > 80) {
    throw new TypeError(`variable(${JSON.stringify(name)}): a variable name starts with a letter and holds letters, digits and "_" (at most 80 characters)`);
  }
  return pathProxy<T>(pathNode(`$${name}`, []));
}
