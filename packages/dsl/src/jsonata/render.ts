import type { ExpressionNode, PathNode } from '../ir/value-node.js';

/** Names JSONata reads without quoting; anything else is written in backquotes. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A typed path as JSONata: `$states.input.order.total`, `` $states.input.`detail-type` ``, `$name.items[0]`. */
export function renderJsonataPath(node: PathNode): string {
  if (node.root === '$' || node.root === '$$') {
    throw new TypeError(
      `the JSONPath ${node.raw ?? node.root} cannot be used in a JSONata state: read the input through the callback's input (\$states.input), the context through context, variables through vars`,
    );
  }
  let text: string = node.root;
  for (const segment of node.segments) {
    if (segment.kind === 'index') text += `[${segment.index}]`;
    else if (segment.kind === 'raw') throw new TypeError(`unsafePath(…) is JSONPath text and cannot be used in a JSONata state; write unsafeJsonata(…) instead`);
    else text += NAME.test(segment.name) ? `.${segment.name}` : `.\`${segment.name.replace(/`/g, '``')}\``;
  }
  return text;
}

/** An expression's text between `{%` and `%}`. `placeholder` renders `${Name}` (and records it). */
export function renderExpression(node: ExpressionNode, placeholder: (name: string) => string): string {
  return node.parts
    .map((part) => (typeof part === 'string' ? part : part.kind === 'path' ? renderJsonataPath(part) : `'${placeholder(part.name)}'`))
    .join('');
}
