import { capitalize } from '../text.js';
import { describeState, type ValidationContext } from '../context.js';
import type { Scope, StateEntry } from '../model.js';
import { targetsOf } from './transitions.js';

/**
 * STEP106 (a state no transition leads to from StartAt) and STEP107 (no terminal state — Succeed,
 * Fail or "End": true — reachable, so no execution can end), for the machine and for every
 * Parallel branch and Map processor. Skipped for a scope whose StartAt names no state of its own
 * (that is reported already, and everything would look unreachable).
 */
export function checkReachability(context: ValidationContext): void {
  for (const scope of context.model.scopes) {
    if (typeof scope.startAt !== 'string') continue;
    const start = scope.states.get(scope.startAt);
    if (!start) continue;
    const { reached, complete } = reachable(scope, start);
    for (const state of scope.states.values()) {
      if (!reached.has(state)) {
        context.report(
          'STEP106',
          state.location,
          `${capitalize(describeState(state))} can never run: no transition leads to it from "${scope.startAt}", where ${scope.label} starts. Add a "Next", Choice rule or Catch that goes to it, or remove it.`,
        );
      }
    }
    // With a transition to an unknown state (reported already) the graph is incomplete: no verdict.
    if (complete && ![...reached].some(isTerminal)) {
      context.report(
        'STEP107',
        scope.location,
        `No execution of ${scope.label} can end: none of the states reachable from "${scope.startAt}" is a Succeed or Fail state or has "End": true. Add "End": true to the last state, or go to a Succeed or Fail state.`,
      );
    }
  }
}

function reachable(scope: Scope, start: StateEntry): { reached: Set<StateEntry>; complete: boolean } {
  const reached = new Set<StateEntry>([start]);
  const queue = [start];
  let complete = true;
  while (queue.length > 0) {
    const state = queue.pop()!;
    for (const target of targetsOf(state)) {
      const next = scope.states.get(target.name);
      if (!next) complete = false;
      else if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return { reached, complete };
}

function isTerminal(state: StateEntry): boolean {
  return state.type === 'Succeed' || state.type === 'Fail' || state.object?.End === true;
}
