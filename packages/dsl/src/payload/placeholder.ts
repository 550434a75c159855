import { placeholderNode, type PlaceholderNode } from '../ir/value-node.js';

export const PLACEHOLDER_NODE = Symbol.for('typestep.placeholder');

/** A `${Name}` DefinitionSubstitutions placeholder; emitted as the string `"${Name}"`. */
export interface Placeholder {
  readonly [PLACEHOLDER_NODE]: PlaceholderNode;
  readonly name: string;
  toString(): string;
}

const NAME = /^[A-Za-z0-9_]+$/;

/**
 * `sub('StockCheckerFunctionArn')`: a value filled in at deploy time (SAM DefinitionSubstitutions,
 * or `typestep push`). The compiler lists every placeholder in `<Workflow>.substitutions.json`.
 */
export function sub(name: string): Placeholder {
  if (!NAME.test(name)) {
    throw new TypeError(`sub(${JSON.stringify(name)}): a substitution name may only hold letters, digits and "_"`);
  }
  const node = placeholderNode(name);
  return Object.freeze({ [PLACEHOLDER_NODE]: node, name, toString: () => `\${${name}}` });
}

export function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === 'object' && value !== null && PLACEHOLDER_NODE in value;
}
