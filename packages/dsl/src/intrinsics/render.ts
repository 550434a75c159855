import type { ArgumentNode, IntrinsicNode } from '../ir/value-node.js';
import { renderPath } from '../path/path.js';

const RESERVED = /['{}\\]/g;
const PLACEHOLDER = '{}';

/** A string as an intrinsic literal: single-quoted, with `'`, `{`, `}` and `\` escaped by a backslash. */
export function quoteString(value: string): string {
  return `'${value.replace(RESERVED, '\\$&')}'`;
}

/**
 * A States.Format template as a literal: each `{}` stays a placeholder, every other reserved
 * character is escaped (so a lone `{` or `}` is text, as in `'\{"id": {}\}'`).
 */
export function quoteTemplate(template: string): string {
  return `'${template
    .split(PLACEHOLDER)
    .map((piece) => piece.replace(RESERVED, '\\$&'))
    .join(PLACEHOLDER)}'`;
}

/** How many `{}` placeholders a States.Format template holds (counted left to right, without overlap). */
export const countPlaceholders = (template: string): number => template.split(PLACEHOLDER).length - 1;

/**
 * Throws when a States.Format call with a literal template has a different number of `{}`
 * placeholders than of remaining arguments (AWS requires them to be equal).
 */
export function checkFormat(node: IntrinsicNode): void {
  const [template, ...values] = node.args;
  if (template?.kind !== 'literal' || typeof template.value !== 'string') return;
  const placeholders = countPlaceholders(template.value);
  if (placeholders !== values.length) {
    throw new TypeError(
      `${node.name}: the template ${quoteTemplate(template.value)} has ${placeholders} {} placeholder${placeholders === 1 ? '' : 's'} ` +
        `but ${values.length} value${values.length === 1 ? ' follows' : 's follow'} it; AWS requires as many values as placeholders`,
    );
  }
}

function renderArgument(arg: ArgumentNode, template: boolean): string {
  switch (arg.kind) {
    case 'path':
      return renderPath(arg);
    case 'intrinsic':
      return renderIntrinsic(arg);
    case 'placeholder':
      // DefinitionSubstitutions replaces `${Name}` anywhere in the definition text.
      return `'\${${arg.name}}'`;
    case 'literal':
      if (typeof arg.value === 'string') return template ? quoteTemplate(arg.value) : quoteString(arg.value);
      if (typeof arg.value === 'number' && !Number.isFinite(arg.value)) {
        throw new TypeError(`intrinsic argument ${arg.value} is not a JSON number`);
      }
      return JSON.stringify(arg.value);
  }
}

/**
 * Renders an intrinsic call as ASL text: `States.Format('Hello, {}!', $.name)`. String literals
 * are single-quoted and escaped; numbers, booleans and null are written as JSON; paths as
 * JSONPath; nested calls recursively. The first argument of States.Format, when a literal, is a
 * template: its `{}` pairs are placeholders and are not escaped.
 */
export function renderIntrinsic(node: IntrinsicNode): string {
  const isFormat = node.name === 'States.Format';
  if (isFormat) checkFormat(node);
  const args = node.args.map((arg, index) => renderArgument(arg, isFormat && index === 0));
  return `${node.name}(${args.join(', ')})`;
}
