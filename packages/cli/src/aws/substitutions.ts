import type { SubstitutionsMap } from '@typestep/compiler';

/**
 * Where `typestep push` finds a `${Name}` placeholder's value, first match wins: `--sub Name=value`,
 * then the environment variable of exactly that name (`DDBTable=orders typestep push`; an empty one
 * counts as unset), then the `--stage`'s substitutions in typestep.config.json, then the default the
 * workflow declared with `sub(name, { default })`.
 */
export interface SubstitutionSources {
  readonly flags: Readonly<Record<string, string>>;
  readonly environment: Readonly<Record<string, string | undefined>>;
  readonly stage: Readonly<Record<string, string>>;
}

export interface ResolvedSubstitutions {
  readonly values: Readonly<Record<string, string>>;
  /** Placeholders with no value anywhere, in the order the workflow declares them. */
  readonly missing: readonly string[];
}

export function resolveSubstitutions(declared: SubstitutionsMap, sources: SubstitutionSources): ResolvedSubstitutions {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, { default: fallback }] of Object.entries(declared)) {
    const environment = own(sources.environment, name);
    const value = own(sources.flags, name) ?? (environment === '' ? undefined : environment) ?? own(sources.stage, name) ?? fallback ?? undefined;
    if (value === undefined) missing.push(name);
    else values[name] = value;
  }
  return { values, missing };
}

/**
 * The definition text with each placeholder replaced, as DefinitionSubstitutions replaces them (in
 * the text, keys included); each value is JSON-escaped so that a quote or backslash in it cannot
 * break the JSON. Placeholders without a value are left as they are.
 */
export function applySubstitutions(definition: string, values: Readonly<Record<string, string>>): string {
  return definition.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = own(values, name);
    return value === undefined ? placeholder : JSON.stringify(value).slice(1, -1);
  });
}

/** The placeholders a hand-written definition uses, each once, as a map without defaults. */
export function placeholdersOf(definition: string): SubstitutionsMap {
  return Object.fromEntries([...definition.matchAll(PLACEHOLDER)].map((match) => [match[1]!, { description: null, default: null }]));
}

/** The compiler's placeholder syntax: `${Name}`, no braces or spaces inside. */
const PLACEHOLDER = /\$\{([^{}\s]+)\}/g;

function own(record: Readonly<Record<string, string | undefined>>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
