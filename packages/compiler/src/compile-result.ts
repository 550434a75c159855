import type { Diagnostic } from './diagnostics/diagnostic.js';

/** An ASL definition as plain JSON. */
export type AslDefinition = { readonly [field: string]: unknown };

/**
 * The DefinitionSubstitutions a workflow needs: every `${Name}` placeholder it uses, with the
 * description and default value it was declared with (null when none). SAM's
 * DefinitionSubstitutions and `typestep push` fill in the values.
 */
export type SubstitutionsMap = { readonly [name: string]: { readonly description: string | null; readonly default: string | null } };

export interface CompileResult {
  readonly name: string;
  /** The definition, even when there are diagnostics (so tools can show it). */
  readonly definition: AslDefinition;
  readonly substitutions: SubstitutionsMap;
  readonly diagnostics: readonly Diagnostic[];
}
