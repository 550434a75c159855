import { analyzePath } from '@typestep/compiler';
import { readPath, type PathResult } from './json-path.js';
import type { Variables } from '../variables.js';

/** What a JSONPath in a state can read: `$` the data, `$$` the context object, `$name` a variable. */
export interface PathScope {
  readonly data: unknown;
  /** The context object, built only when a `$$` path reads it. */
  context(): unknown;
  readonly variables: Variables;
}

/** What a path reads, and the path to read there (`$…`), sorted out once per path text. */
type Target =
  | { readonly from: 'data' | 'context'; readonly path: string }
  | { readonly from: 'variable'; readonly name: string; readonly path: string };
const targets = new Map<string, Target>();

/** The root comes from the validator's recogniser, so a variable's name is what it checked (a Unicode identifier). */
function targetOf(path: string): Target {
  let target = targets.get(path);
  if (!target) {
    const text = path.trim();
    const { root, variable } = analyzePath(text);
    target =
      root === 'context'
        ? { from: 'context', path: text.slice(1) }
        : root === 'variable' && variable !== undefined
          ? { from: 'variable', name: variable, path: '$' + text.slice(1 + variable.length) }
          : { from: 'data', path: text };
    targets.set(path, target);
  }
  return target;
}

export function evaluatePath(path: string, scope: PathScope): PathResult {
  const target = targetOf(path);
  switch (target.from) {
    case 'data':
      return readPath(scope.data, target.path);
    case 'context':
      return readPath(scope.context(), target.path);
    case 'variable': {
      const found = scope.variables.lookup(target.name);
      return found.found ? readPath(found.value, target.path) : found;
    }
  }
}
