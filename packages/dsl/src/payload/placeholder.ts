import { placeholderNode, type PlaceholderNode } from '../ir/value-node.js';

export const PLACEHOLDER_NODE = Symbol.for('typestep.placeholder');

/** A `${Name}` DefinitionSubstitutions placeholder; emitted as the string `"${Name}"`. */
export interface Placeholder {
  readonly [PLACEHOLDER_NODE]: PlaceholderNode;
  readonly name: string;
  /** Throws: a placeholder is a value, and `${sub('X')}` in a template string would lose track of it. */
  toString(): never;
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
  const toString = () => {
    throw new TypeError(
      `sub('${name}') is a value, not text, so it cannot be put inside a string. To use \${${name}} within a longer string, declare it — workflow(…, { substitutions: { ${name}: {} } }) — and write the text with the placeholder in it, e.g. '\${${name}}:$LATEST'.`,
    );
  };
  return Object.freeze({ [PLACEHOLDER_NODE]: node, name, toString });
}

export function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === 'object' && value !== null && PLACEHOLDER_NODE in value;
}
