import { readPath, type PathResult } from './json-path.js';
import type { Variables } from '../variables.js';

/** What a JSONPath in a state can read: `$` the data, `$$` the context object, `$name` a variable. */
export interface PathScope {
  readonly data: unknown;
  /** The context object, built only when a `$$` path reads it. */
  context(): unknown;
  readonly variables: Variables;
}

const VARIABLE = /^\$([A-Za-z_][A-Za-z0-9_]*)/;

/** What a path reads, and the path to read there (`$…`), sorted out once per path text. */
type Target =
  | { readonly from: 'data' | 'context'; readonly path: string }
  | { readonly from: 'variable'; readonly name: string; readonly path: string };
const targets = new Map<string, Target>();

function targetOf(path: string): Target {
  let target = targets.get(path);
  if (!target) {
    const variable = VARIABLE.exec(path);
    target = path.startsWith('$$')
      ? { from: 'context', path: path.slice(1) }
      : variable
        ? { from: 'variable', name: variable[1]!, path: '$' + path.slice(variable[0].length) }
        : { from: 'data', path };
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
