/**
 * Values inside payload templates (Parameters, ResultSelector, ItemSelector, Fail paths…):
 * a path into the data, an intrinsic function call, a DefinitionSubstitutions placeholder,
 * or plain JSON. Paths and intrinsics make their key end in `.$` when emitted.
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * `$` is the state's data and `$$` the context object (JSONPath); `$name` a variable (both
 * languages); `$states.input`, `$states.result`, `$states.errorOutput`, `$states.context` the
 * JSONata roots.
 */
export type PathRoot = '$' | '$$' | `$${string}`;

/** One step of a path: a field name, or an array index / slice / wildcard kept as raw text. */
export type PathSegment =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'raw'; readonly text: string };

export interface PathNode {
  readonly kind: 'path';
  readonly root: PathRoot;
  readonly segments: readonly PathSegment[];
  /** Set for `unsafePath('…')`: text the user wrote, checked only by the compiler. */
  readonly raw?: string;
}

export interface IntrinsicNode {
  readonly kind: 'intrinsic';
  /** e.g. `States.Format` */
  readonly name: string;
  readonly args: readonly ArgumentNode[];
}

/** An argument of an intrinsic function (a placeholder becomes a quoted `'${Name}'` string). */
export type ArgumentNode =
  | PathNode
  | IntrinsicNode
  | PlaceholderNode
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null };

export interface PlaceholderNode {
  readonly kind: 'placeholder';
  readonly name: string;
}

export interface TemplateNode {
  readonly kind: 'template';
  readonly entries: readonly (readonly [key: string, value: ValueNode])[];
}

export interface LiteralNode {
  readonly kind: 'literal';
  readonly value: Json;
}

/** An array in a template whose elements hold paths or placeholders (in objects nested in it). */
export interface ArrayNode {
  readonly kind: 'array';
  readonly items: readonly ValueNode[];
}

/**
 * A JSONata expression (the text between `{%` and `%}`): literal text with typed paths and
 * placeholders spliced in, rendered by the emitter.
 */
export interface ExpressionNode {
  readonly kind: 'expression';
  readonly parts: readonly (string | PathNode | PlaceholderNode)[];
}

export type ValueNode = PathNode | IntrinsicNode | PlaceholderNode | TemplateNode | LiteralNode | ArrayNode | ExpressionNode;

export const pathNode = (root: PathRoot, segments: readonly PathSegment[], raw?: string): PathNode =>
  Object.freeze(raw === undefined ? { kind: 'path', root, segments } : { kind: 'path', root, segments, raw });

export const intrinsicNode = (name: string, args: readonly ArgumentNode[]): IntrinsicNode =>
  Object.freeze({ kind: 'intrinsic', name, args: Object.freeze([...args]) });

export const placeholderNode = (name: string): PlaceholderNode => Object.freeze({ kind: 'placeholder', name });

export const literalNode = (value: Json): LiteralNode => Object.freeze({ kind: 'literal', value });

export const arrayNode = (items: readonly ValueNode[]): ArrayNode => Object.freeze({ kind: 'array', items: Object.freeze([...items]) });

export const templateNode = (entries: readonly (readonly [string, ValueNode])[]): TemplateNode =>
  Object.freeze({ kind: 'template', entries: Object.freeze(entries.map((entry) => Object.freeze(entry))) });

export const expressionNode = (parts: readonly (string | PathNode | PlaceholderNode)[]): ExpressionNode =>
  Object.freeze({ kind: 'expression', parts: Object.freeze([...parts]) });
