import { formatDiagnostic, validateDefinition, validateDefinitionText, type Diagnostic } from '@typestep/compiler';
import type { StateMachineDefinition } from './asl.js';
import { BoundedSet } from './bounded-set.js';

/** The error `runExecution` throws for a definition that does not load; `message` lists the diagnostics. */
export class InvalidDefinition extends Error {
  override readonly name = 'InvalidDefinition';

  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`The state machine definition is invalid:\n${diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
  }
}

export interface LoadedDefinition {
  readonly definition: StateMachineDefinition;
  /** Resolved value → placeholder name, for every string that was exactly `${Name}`. */
  readonly placeholders: ReadonlyMap<string, string>;
}

/** Definitions already validated, so Distributed Map children and repeated runs skip the rules. */
const validTexts = new BoundedSet<string>(256);
const validObjects = new WeakSet<object>();

/**
 * Validates a definition with @typestep/compiler's rules (the same as `typestep validate`, so a
 * broken definition is rejected with the compiler's diagnostics) and resolves its
 * DefinitionSubstitutions: every `${Name}` in a string value that `substitutions` names.
 */
export function loadDefinition(
  source: string | object,
  substitutions: Readonly<Record<string, string>> = {},
  name = 'definition',
): LoadedDefinition {
  let parsed: object;
  if (typeof source === 'string') {
    if (!validTexts.has(source)) {
      reject(validateDefinitionText(source, { workflow: name }));
      validTexts.add(source);
    }
    parsed = JSON.parse(source.replace(/^\uFEFF/, '')) as object;
  } else {
    if (!validObjects.has(source)) {
      reject(validateDefinition(source, { workflow: name }));
      validObjects.add(source);
    }
    parsed = source;
  }
  const placeholders = new Map<string, string>();
  const definition = Object.keys(substitutions).length === 0 ? parsed : substitute(parsed, substitutions, placeholders);
  return { definition: definition as StateMachineDefinition, placeholders };
}

function reject(diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new InvalidDefinition(errors);
}

const PLACEHOLDER = /\$\{([^}]+)\}/g;

function substitute(value: unknown, substitutions: Readonly<Record<string, string>>, placeholders: Map<string, string>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value)?.[1];
    const resolved = value.replace(PLACEHOLDER, (text, key: string) => (Object.hasOwn(substitutions, key) ? substitutions[key]! : text));
    if (whole !== undefined && resolved !== value) placeholders.set(resolved, whole);
    return resolved;
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, substitutions, placeholders));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, substitutions, placeholders)]));
  }
  return value;
}
