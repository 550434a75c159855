import { describeField, type ValidationContext } from '../context.js';
import type { Location, Scope, StateEntry } from '../model.js';
import { capitalize, closest, quoteList, truncate } from '../text.js';
import { forEachChoiceRule, forEachHandler } from './walk.js';

/**
 * STEP104 (a target that names no state) and STEP105 (a target in another scope: states of a
 * Parallel branch or Map processor only transition among themselves, and nothing outside can
 * transition into them). Targets: StartAt, Next, Default, Choices[].Next, Catch[].Next.
 */
export function checkTransitions(context: ValidationContext): void {
  for (const scope of context.model.scopes) {
    if (typeof scope.startAt === 'string' && scope.hasStates) resolve(context, scope, scope.startAt, [...scope.location, 'StartAt']);
  }
  for (const state of context.model.states) {
    for (const target of targetsOf(state)) resolve(context, state.scope, target.name, target.location, state);
  }
}

export interface Target {
  readonly name: string;
  readonly location: Location;
}

/** Where a state can go next: Next, Default, each top-level Choice rule's Next, each Catcher's Next. */
export function targetsOf(state: StateEntry): readonly Target[] {
  let targets = targetCache.get(state);
  if (!targets) targetCache.set(state, (targets = findTargets(state)));
  return targets;
}

const targetCache = new WeakMap<StateEntry, readonly Target[]>();

function findTargets(state: StateEntry): Target[] {
  const object = state.object;
  if (!object || !state.type) return [];
  const targets: Target[] = [];
  const add = (value: unknown, location: Location) => {
    if (typeof value === 'string') targets.push({ name: value, location });
  };
  if (state.type !== 'Choice' && state.type !== 'Succeed' && state.type !== 'Fail') add(object.Next, [...state.location, 'Next']);
  if (state.type === 'Choice') {
    add(object.Default, [...state.location, 'Default']);
    forEachChoiceRule(state, (rule, location, depth) => {
      if (depth === 0) add(rule.Next, [...location, 'Next']);
    });
  }
  forEachHandler(state, 'Catch', (catcher, location) => add(catcher.Next, [...location, 'Next']));
  return targets;
}

function resolve(context: ValidationContext, scope: Scope, target: string, location: Location, from?: StateEntry): void {
  if (scope.states.has(target)) return;
  const field = describeField(context, location);
  const elsewhere = context.model.byName.get(target);
  if (elsewhere && elsewhere.length > 0) {
    const other = elsewhere[0]!;
    if (scope.kind === 'machine' || isInside(other.scope, scope)) {
      // Into a nested scope (from outside it).
      const container = other.scope;
      const owner = container.owner;
      context.report(
        'STEP105',
        location,
        `${capitalize(field)} names "${target}", which is inside ${container.label}; states outside a ${container.kind === 'branch' ? 'Parallel branch' : 'Map processor'} cannot transition into it. ${
          owner ? `Go to the ${owner.type} state "${owner.name}" instead, or move "${target}" out of it.` : `Move "${target}" out of it.`
        }`,
      );
    } else {
      const owner = scope.owner;
      context.report(
        'STEP105',
        location,
        `${capitalize(field)} names "${target}", which is outside ${scope.label}; states in a ${scope.kind === 'branch' ? 'Parallel branch' : 'Map processor'} can only transition to states of the same ${scope.kind === 'branch' ? 'branch' : 'processor'}. ${
          owner && from
            ? `End "${from.name}" with "End": true and put "Next": "${target}" on the ${owner.type} state "${owner.name}" instead.`
            : `Name a state of ${scope.label}.`
        }`,
      );
    }
    return;
  }
  const names = [...scope.states.keys()];
  const suggestion = closest(target, names);
  const hint = suggestion
    ? `Did you mean "${suggestion}"?`
    : names.length === 0
      ? `${capitalize(scope.label)} has no states yet.`
      : `The states here are ${quoteList(names.slice(0, 8).map((name) => truncate(name, 40)))}${names.length > 8 ? ` and ${names.length - 8} more` : ''}.`;
  context.report(
    'STEP104',
    location,
    `${capitalize(field)} names "${target}", but there is no state with that name in ${scope.label}. ${hint}`,
  );
}

/** Whether `inner` is nested (at any depth) inside `outer`. */
function isInside(inner: Scope, outer: Scope): boolean {
  for (let scope: Scope | undefined = inner; scope; scope = scope.owner?.scope) {
    if (scope === outer) return true;
  }
  return false;
}
