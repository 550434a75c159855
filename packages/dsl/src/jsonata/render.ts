import type { ConditionNode } from '../ir/condition-node.js';
import type { ExpressionNode, PathNode } from '../ir/value-node.js';
import { renderPath } from '../path/path.js';

/** Names JSONata reads without quoting; anything else is written in backquotes. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Read as a path step, these are JSONata literals ("cannot be used as a step within a path"): backquote them too. */
const LITERALS = new Set(['true', 'false', 'null']);

/** Why a path cannot be read in a JSONata state (it is JSONPath), or undefined when it can. */
export function jsonataPathProblem(node: PathNode): string | undefined {
  if (node.raw !== undefined) {
    return `unsafePath(${JSON.stringify(node.raw)}) is JSONPath text and cannot be read in a JSONata state; write unsafeJsonata(…) instead`;
  }
  if (node.root === '$' || node.root === '$$') {
    return `the JSONPath ${renderPath(node)} cannot be read in a JSONata state: read the input through the callback's input ($states.input), the context through context ($states.context), variables through vars`;
  }
  return undefined;
}

/** Refuses, naming `where`, a JSONPath path on its own or spliced into an expression. */
export function assertJsonataReadable(node: PathNode | ExpressionNode, where: string): void {
  const paths = node.kind === 'path' ? [node] : node.parts.filter((part): part is PathNode => typeof part !== 'string' && part.kind === 'path');
  for (const path of paths) {
    const problem = jsonataPathProblem(path);
    if (problem) throw new TypeError(`${where}: ${problem}`);
  }
}

/** The paths a Choice condition reads. */
export function conditionPaths(node: ConditionNode): PathNode[] {
  switch (node.kind) {
    case 'compare':
      return typeof node.value === 'object' && node.value !== null && (node.value as PathNode).kind === 'path'
        ? [node.variable, node.value as PathNode]
        : [node.variable];
    case 'test':
      return [node.variable];
    case 'and':
    case 'or':
      return node.conditions.flatMap(conditionPaths);
    case 'not':
      return conditionPaths(node.condition);
  }
}

/** A typed path as JSONata: `$states.input.order.total`, `` $states.input.`detail-type` ``, `$name.items[0]`. */
export function renderJsonataPath(node: PathNode): string {
  const problem = jsonataPathProblem(node);
  if (problem) throw new TypeError(problem);
  let text: string = node.root;
  for (const segment of node.segments) {
    if (segment.kind === 'index') text += `[${segment.index}]`;
    else if (segment.kind === 'raw') throw new TypeError(`the raw path step ${segment.text} cannot be read in a JSONata state`);
    else if (NAME.test(segment.name) && !LITERALS.has(segment.name)) text += `.${segment.name}`;
    // JSONata has no escape for a backquote inside a backquoted name: look such a field up by its string.
    else if (segment.name.includes('`')) text = `$lookup(${text}, ${JSON.stringify(segment.name)})`;
    else text += `.\`${segment.name}\``;
  }
  return text;
}

/** An expression's text between `{%` and `%}`. `placeholder` renders `${Name}` (and records it). */
export function renderExpression(node: ExpressionNode, placeholder: (name: string) => string): string {
  return node.parts
    .map((part) => (typeof part === 'string' ? part : part.kind === 'path' ? renderJsonataPath(part) : `'${placeholder(part.name)}'`))
    .join('');
}
