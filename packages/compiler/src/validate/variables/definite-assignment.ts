import { isDistributedMap } from '../map-mode.js';
import type { Model, Scope, StateEntry } from '../model.js';
import { forEachChoiceRule, forEachHandler } from '../rules/walk.js';
import type { StateAssignments } from './assignments.js';

/**
 * Definite assignment over the state graph: for each state, the variables every path from the
 * start to it has assigned — the ones its fields may read. A state's own `Assign` counts only
 * for the states after it (AWS evaluates all of a state's fields, `Assign` too, from its input).
 *
 * Per scope (the machine, each Parallel branch, each Map processor), the classic forward
 * data-flow fixpoint: a state's set is the intersection of what reaches it over each incoming
 * transition; a loop is iterated until nothing changes. A branch or an inline Map processor
 * starts with what its Parallel or Map state had on entry; a Distributed Map's processor starts
 * empty, since its child executions cannot read the parent's variables. Unreachable states get
 * no set (nothing runs them, and STEP106 already says so).
 */
export function definitelyAssigned(
  model: Model,
  assignmentsOf: (state: StateEntry) => StateAssignments,
): ReadonlyMap<StateEntry, ReadonlySet<string>> {
  const entering = new Map<StateEntry, Set<string>>();
  // Scopes come in document order, so an owner's scope is always solved before the scopes inside it.
  for (const scope of model.scopes) {
    const start = typeof scope.startAt === 'string' ? scope.states.get(scope.startAt) : undefined;
    if (!start) continue;
    const owner = scope.owner;
    const entry = !owner || (scope.kind === 'processor' && isDistributedMap(owner)) ? new Set<string>() : entering.get(owner);
    if (!entry) continue;
    solve(scope, start, new Set(entry), entering, assignmentsOf);
  }
  return entering;
}

function solve(
  scope: Scope,
  start: StateEntry,
  entry: Set<string>,
  entering: Map<StateEntry, Set<string>>,
  assignmentsOf: (state: StateEntry) => StateAssignments,
): void {
  entering.set(start, entry);
  const pending = [start];
  const arrive = (target: string, names: Set<string>) => {
    const next = scope.states.get(target);
    if (!next) return;
    const known = entering.get(next);
    if (!known) {
      entering.set(next, names);
      pending.push(next);
      return;
    }
    let shrunk = false;
    for (const name of known) {
      if (!names.has(name)) {
        known.delete(name);
        shrunk = true;
      }
    }
    if (shrunk) pending.push(next);
  };
  while (pending.length > 0) {
    const state = pending.pop()!;
    const object = state.object;
    if (!object || !state.type) continue;
    const before = entering.get(state)!;
    const assigned = assignmentsOf(state);
    const after = plus(
      before,
      assigned.own.map((assignment) => assignment.name),
    );
    if (state.type === 'Choice') {
      forEachChoiceRule(state, (rule, location, depth) => {
        if (depth === 0 && typeof rule.Next === 'string') {
          const extra = assigned.rules.get(Number(location.at(-1))) ?? [];
          arrive(
            rule.Next,
            plus(
              after,
              extra.map((assignment) => assignment.name),
            ),
          );
        }
      });
      if (typeof object.Default === 'string') arrive(object.Default, after);
    } else if (typeof object.Next === 'string') {
      arrive(object.Next, after);
    }
    forEachHandler(state, 'Catch', (catcher, _location, index) => {
      if (typeof catcher.Next !== 'string') return;
      const extra = assigned.catchers.get(index) ?? [];
      arrive(
        catcher.Next,
        plus(
          before,
          extra.map((assignment) => assignment.name),
        ),
      );
    });
  }
}

/** A copy of the set with the names added (always a copy: each target narrows its own set). */
function plus(names: ReadonlySet<string>, added: readonly string[]): Set<string> {
  const result = new Set(names);
  for (const name of added) result.add(name);
  return result;
}
