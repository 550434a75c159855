import type { ChainNode } from './chain-node.js';
import type { CapturedSite } from './source-site.js';

export interface SubstitutionSpec {
  readonly description?: string;
  /** A value to use when nothing else (CLI flag, environment, stage config) provides one. */
  readonly default?: string;
}

/** The root of the IR: a named state machine and its top-level fields. */
export interface WorkflowNode {
  readonly kind: 'workflow';
  readonly name: string;
  readonly comment?: string;
  readonly timeoutSeconds?: number;
  readonly version?: string;
  /** Top-level `QueryLanguage` (JSONPath when absent). */
  readonly queryLanguage?: 'JSONata' | 'JSONPath';
  readonly chain: ChainNode;
  /** Substitutions declared up front; those used through `sub()` are collected by the compiler. */
  readonly substitutions: { readonly [name: string]: SubstitutionSpec };
  readonly site: CapturedSite;
}
