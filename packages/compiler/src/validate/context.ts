import { statePathOf, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from './codes.js';
import type { Location, Model, StateEntry } from './model.js';
import type { ValidateOptions } from './validate-options.js';

/** What every rule gets: the indexed definition, the options, and `report`. */
export class ValidationContext {
  readonly #diagnostics: { diagnostic: Diagnostic; order: number; sequence: number }[] = [];
  #statesByLocation: Map<string, StateEntry> | undefined;

  constructor(
    readonly model: Model,
    readonly options: ValidateOptions,
    /** The definition as compact JSON, when the caller already made it (for fast whole-text checks). */
    readonly compactJson?: string,
    /**
     * The definition's JSON text, compact or as read from a file: for checks that only ask whether
     * some text occurs at all (`"Assign"`), so that most definitions skip a rule at once.
     */
    readonly jsonText: string | undefined = compactJson,
  ) {}

  /** States by location, indexed on first use: a valid definition never needs it. */
  get #byLocation(): Map<string, StateEntry> {
    if (!this.#statesByLocation) {
      this.#statesByLocation = new Map();
      for (const state of this.model.states) this.#statesByLocation.set(locationKey(state.location), state);
    }
    return this.#statesByLocation;
  }

  report(code: DiagnosticCode, location: Location, message: string, severity: Diagnostic['severity'] = 'error'): void {
    const source = this.#sourceOf(location);
    const diagnostic: Diagnostic = {
      code,
      severity,
      message,
      workflow: this.options.workflow,
      location: [...location],
      statePath: statePathOf(this.options.workflow, location),
      ...(source && { source: { file: source.file, line: source.line, column: source.column } }),
    };
    this.#diagnostics.push({ diagnostic, order: this.stateAt(location)?.order ?? -1, sequence: this.#diagnostics.length });
  }

  /**
   * The diagnostics in document order of the states they concern (definition-level ones first),
   * and within a state by source position when there is one.
   */
  diagnostics(): Diagnostic[] {
    const position = (diagnostic: Diagnostic) => (diagnostic.source ? diagnostic.source.line * 1e6 + diagnostic.source.column : 0);
    return [...this.#diagnostics]
      .sort((a, b) => a.order - b.order || position(a.diagnostic) - position(b.diagnostic) || a.sequence - b.sequence)
      .map((entry) => entry.diagnostic);
  }

  /** The innermost state containing a location (the state itself for a state's location). */
  stateAt(location: Location): StateEntry | undefined {
    for (let i = location.length - 2; i >= 0; i--) {
      if (location[i] === 'States') {
        const state = this.#byLocation.get(locationKey(location.slice(0, i + 2)));
        if (state) return state;
      }
    }
    return undefined;
  }

  /** The source site of a location, or of its nearest enclosing location that has one. */
  #sourceOf(location: Location) {
    const sourceOf = this.options.sourceOf;
    if (!sourceOf) return undefined;
    for (let length = location.length; length >= 0; length--) {
      const site = sourceOf(location.slice(0, length));
      if (site) return site;
    }
    return undefined;
  }
}

export function locationKey(location: Location): string {
  return JSON.stringify(location);
}

/** `Task state "Buy Stock"`, or `state "X"` when its Type is unknown. */
export function describeState(state: StateEntry): string {
  return state.type ? `${state.type} state "${state.name}"` : `state "${state.name}"`;
}

/** `Retry[0]`, `Choices[1].And[0]`, `Parameters.payload` — a location relative to some base. */
export function formatRelative(location: Location): string {
  let text = '';
  for (const key of location) text += typeof key === 'number' ? `[${key}]` : text === '' ? key : `.${key}`;
  return text;
}

/**
 * Where a field is, as a phrase: `"IntervalSeconds" in Retry[0] of Task state "X"`,
 * `"ResultPath" of Task state "X"`, `"StartAt" of branch 0 of Parallel state "P"`,
 * `"TimeoutSeconds" of the state machine`.
 */
export function describeField(context: ValidationContext, location: Location): string {
  const state = context.stateAt(location);
  const base = state ? state.location.length : (deepestScope(context, location)?.location.length ?? 0);
  const relative = location.slice(base);
  const owner = state ? describeState(state) : ownerOfScope(context, location);
  const last = relative.at(-1);
  if (last === undefined) return owner;
  if (typeof last === 'number') return `${formatRelative(relative)} of ${owner}`;
  const within = relative.slice(0, -1);
  return within.length > 0 ? `"${last}" in ${formatRelative(within)} of ${owner}` : `"${last}" of ${owner}`;
}

/**
 * A place that holds fields (a rule, a retrier, a nested object), named by its path:
 * `Choices[0].Not of Choice state "X"`, `Parameters.Payload of Task state "X"`.
 */
export function describePlace(context: ValidationContext, location: Location): string {
  const state = context.stateAt(location);
  const base = state ? state.location.length : (deepestScope(context, location)?.location.length ?? 0);
  const relative = location.slice(base);
  const owner = state ? describeState(state) : ownerOfScope(context, location);
  return relative.length === 0 ? owner : `${formatRelative(relative)} of ${owner}`;
}

/** For a location outside any state: the scope object it belongs to. */
function ownerOfScope(context: ValidationContext, location: Location): string {
  const scope = deepestScope(context, location);
  return scope ? scope.label : 'the state machine';
}

function deepestScope(context: ValidationContext, location: Location) {
  let best: (typeof context.model.scopes)[number] | undefined;
  for (const scope of context.model.scopes) {
    if (scope.location.length <= location.length && scope.location.every((key, i) => location[i] === key)) {
      if (!best || scope.location.length > best.location.length) best = scope;
    }
  }
  return best;
}
