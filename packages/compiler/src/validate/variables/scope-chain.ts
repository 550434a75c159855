import { isDistributedMap } from '../map-mode.js';
import type { Scope, StateEntry } from '../model.js';

/** The scopes around a scope, innermost first (the scope itself not included). */
export function outerScopes(scope: Scope): Scope[] {
  const scopes: Scope[] = [];
  for (let current = scope.owner?.scope; current; current = current.owner?.scope) scopes.push(current);
  return scopes;
}

/**
 * The scopes whose variables a state of `scope` may read: its own and those around it, except
 * past a Distributed Map's processor (AWS: Distributed Map child executions cannot reference
 * variables in outer scopes).
 */
export function readableScopes(scope: Scope): Scope[] {
  const scopes: Scope[] = [];
  for (let current: Scope | undefined = scope; current; current = current.owner?.scope) {
    scopes.push(current);
    if (distributedOwner(current)) break;
  }
  return scopes;
}

/** The Distributed Map whose processor is (or encloses) `scope`, cutting it off from outer variables. */
export function distributedBoundary(scope: Scope): StateEntry | undefined {
  for (let current: Scope | undefined = scope; current; current = current.owner?.scope) {
    const owner = distributedOwner(current);
    if (owner) return owner;
  }
  return undefined;
}

function distributedOwner(scope: Scope): StateEntry | undefined {
  return scope.kind === 'processor' && scope.owner && isDistributedMap(scope.owner) ? scope.owner : undefined;
}
