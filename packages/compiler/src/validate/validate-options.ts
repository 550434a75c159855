import type { SourceSite } from '@typestep/dsl/ir';

export interface ValidateOptions {
  /** The name diagnostics are reported under: the workflow name, or the file name for hand-written ASL. */
  readonly workflow: string;
  /**
   * The substitutions the definition may use. When given, every `${Name}` must be in it and every
   * entry must be used. When omitted (hand-written ASL), placeholders are allowed and unchecked.
   */
  readonly substitutions?: { readonly [name: string]: unknown };
  /** For DSL input: the source site of whatever is at a location (the compiler passes its source map). */
  readonly sourceOf?: (location: readonly (string | number)[]) => SourceSite | undefined;
}
