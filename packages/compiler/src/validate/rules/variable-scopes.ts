import { describeField, describeState, type ValidationContext } from '../context.js';
import type { Scope, StateEntry } from '../model.js';
import { capitalize, closest, quoteList } from '../text.js';
import { allAssignments, assignmentsOf, NO_ASSIGNMENTS, type StateAssignments } from '../variables/assignments.js';
import { definitelyAssigned } from '../variables/definite-assignment.js';
import { variableReads, type VariableRead } from '../variables/reads.js';
import { distributedBoundary, outerScopes, readableScopes } from '../variables/scope-chain.js';

/**
 * Variable scopes (AWS: "Passing data between states with variables"):
 * - STEP703: a state reads a variable that not every path to it has assigned (definite
 *   assignment over the state graph; see definite-assignment.ts), or one it cannot see at all —
 *   assigned inside a Parallel branch or Map processor, or outside a Distributed Map's children;
 * - STEP704: a state of a Parallel branch or Map processor assigns a variable that a state of an
 *   enclosing scope assigns (an inner scope may read outer variables, never assign them).
 */
export function checkVariableScopes(context: ValidationContext): void {
  if (!mayUseVariables(context)) return;
  const { states } = context.model;
  const assignments = new Map<StateEntry, StateAssignments>();
  const reads = new Map<StateEntry, VariableRead[]>();
  const assigners = new Map<Scope, Map<string, StateEntry[]>>();
  for (const state of states) {
    const assigned = assignmentsOf(state);
    if (assigned !== NO_ASSIGNMENTS) {
      assignments.set(state, assigned);
      let byName = assigners.get(state.scope);
      if (!byName) assigners.set(state.scope, (byName = new Map()));
      for (const { name } of allAssignments(assigned)) {
        const list = byName.get(name);
        if (!list) byName.set(name, [state]);
        else if (!list.includes(state)) list.push(state);
      }
    }
    const read = variableReads(context.model, state);
    if (read.length > 0) reads.set(state, read);
  }
  const assignersOf = (scope: Scope, name: string) => assigners.get(scope)?.get(name) ?? [];

  for (const [state, assigned] of assignments) {
    if (state.scope.kind === 'machine') continue;
    for (const { name, location } of allAssignments(assigned)) {
      for (const outer of outerScopes(state.scope)) {
        const owners = assignersOf(outer, name);
        if (owners.length === 0) continue;
        context.report(
          'STEP704',
          location,
          `${capitalize(describeField(context, location))} assigns $${name}, but ${describeState(owners[0]!)} in ${outer.label} assigns it too. A Parallel branch or Map processor may read the variables around it but not assign them: rename the inner variable, or return the value in the ${state.scope.kind === 'branch' ? 'branch' : 'iteration'}'s output and assign it on ${describeState(state.scope.owner!)}.`,
        );
        break;
      }
    }
  }

  if (reads.size === 0) return;
  const assignedAnywhere = new Set([...assigners.values()].flatMap((byName) => [...byName.keys()]));
  const entering = definitelyAssigned(context.model, (state) => assignments.get(state) ?? NO_ASSIGNMENTS);
  for (const [state, list] of reads) {
    const known = entering.get(state);
    if (!known) continue;
    for (const read of list) {
      if (known.has(read.name) || (read.orFunction && !assignedAnywhere.has(read.name))) continue;
      context.report(
        'STEP703',
        read.location,
        `${capitalize(describeField(context, read.location))} reads the variable $${read.name}, which may not be assigned yet when "${state.name}" runs. ${explain(state, read.name, assignersOf, assigners)}`,
      );
    }
  }
}

/**
 * A `$` followed by anything but `.`, `[`, `$`, `{` (a placeholder) or the end of a path: how
 * every variable read starts, in either query language (`$states` too).
 */
const MAY_READ = /\$(?![.[${"\s,)])/;

/** False when the definition's JSON shows no Assign and no variable read: most JSONPath machines, skipped at once. */
function mayUseVariables(context: ValidationContext): boolean {
  const json = context.jsonText;
  return json === undefined || json.includes('"Assign"') || MAY_READ.test(json);
}

/** Why the variable is not there, and where it could be assigned. */
function explain(
  state: StateEntry,
  name: string,
  assignersOf: (scope: Scope, name: string) => StateEntry[],
  assigners: ReadonlyMap<Scope, ReadonlyMap<string, StateEntry[]>>,
): string {
  const readable = readableScopes(state.scope);
  const here = readable.flatMap((scope) => assignersOf(scope, name));
  if (here.length === 1 && here[0] === state) {
    return `"${state.name}" assigns it itself, but all of a state's fields are evaluated from its input, before its "Assign" takes effect. Assign $${name} in a state that runs before "${state.name}".`;
  }
  if (here.length > 0) {
    return `It is assigned by ${quoteList(here.filter((other) => other !== state).map((other) => other.name))}, but not on every path that reaches "${state.name}" (a Choice, a Catch or a loop can go around it). Assign it before the paths split, or on each of them.`;
  }
  const boundary = distributedBoundary(state.scope);
  if (
    boundary &&
    outerScopes(boundary.scope)
      .concat(boundary.scope)
      .some((scope) => assignersOf(scope, name).length > 0)
  ) {
    return `States of a Distributed Map's ItemProcessor run as child executions and cannot read the variables of the workflow around ${describeState(boundary)}. Pass the value in through its "ItemSelector" (or "ItemBatcher" "BatchInput") and read it from the item.`;
  }
  for (const [scope, byName] of assigners) {
    if (!readable.includes(scope) && byName.has(name) && scope.owner) {
      return `It is assigned only inside ${scope.label}, and variables assigned in a Parallel branch or Map processor are not visible outside it. Return the value in the output of ${describeState(scope.owner)} and assign it there from the result.`;
    }
  }
  const known = new Set(readable.flatMap((scope) => [...(assigners.get(scope)?.keys() ?? [])]));
  const suggestion = closest(name, known);
  return `No state assigns $${name}.${suggestion ? ` Did you mean $${suggestion}?` : ''} Add it to the "Assign" of a state that runs before "${state.name}".`;
}
