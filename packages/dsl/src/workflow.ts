import { Chain } from './chain.js';
import { JsonataChain } from './jsonata/chain.js';
import { emptyChain } from './ir/chain-node.js';
import { captureSite } from './ir/source-site.js';
import type { SubstitutionSpec, WorkflowNode } from './ir/workflow-node.js';
import type { Schema } from './schema.js';

export interface WorkflowOptions<Input> {
  /** The execution input's schema; types `$` in the first state. */
  readonly input?: Schema<Input>;
  readonly comment?: string;
  /** The whole execution's timeout (`TimeoutSeconds` at the top level). */
  readonly timeoutSeconds?: number;
  /** ASL `Version` (only "1.0" exists). */
  readonly version?: '1.0';
  /** Substitutions declared up front (with a description or default); `sub()` declares the rest. */
  readonly substitutions?: { readonly [name: string]: SubstitutionSpec };
  /** `'JSONata'` makes every state a JSONata state (`arguments` / `output` / `assign`); JSONPath is the default. */
  readonly queryLanguage?: 'JSONPath' | 'JSONata';
}

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * Starts a state machine: `workflow('StockTrader', { input: Trade }).task(…).choice(…)`.
 * Export the chain (default export, or any named export) from a `*.workflow.ts` file.
 */
export function workflow<Input = unknown>(name: string, options: WorkflowOptions<Input> & { readonly queryLanguage: 'JSONata' }): JsonataChain<Input, Input, {}, {}>;
export function workflow<Input = unknown>(name: string, options?: WorkflowOptions<Input> & { readonly queryLanguage?: 'JSONPath' }): Chain<Input, Input, {}>;
export function workflow<Input = unknown>(name: string, options: WorkflowOptions<Input> = {}): Chain<Input, Input, {}> | JsonataChain<Input, Input, {}, {}> {
  if (!NAME.test(name)) {
    throw new TypeError(`workflow(${JSON.stringify(name)}): a state machine name is 1–80 letters, digits, "-" or "_"`);
  }
  const meta: Omit<WorkflowNode, 'chain'> = Object.freeze({
    kind: 'workflow',
    name,
    site: captureSite(),
    substitutions: Object.freeze({ ...options.substitutions }),
    ...(options.comment !== undefined && { comment: options.comment }),
    ...(options.timeoutSeconds !== undefined && { timeoutSeconds: options.timeoutSeconds }),
    ...(options.version !== undefined && { version: options.version }),
    ...(options.queryLanguage !== undefined && { queryLanguage: options.queryLanguage }),
  });
  return options.queryLanguage === 'JSONata' ? new JsonataChain(emptyChain, meta) : new Chain(emptyChain, meta);
}

/**
 * Starts a reusable chain with no workflow of its own, to attach with `.next(fragment)` in
 * several workflows: `fragment(Trade).task('Record Transaction', …)`.
 */
export function fragment<Input = unknown>(_input?: Schema<Input>): Chain<Input, Input, {}> {
  return new Chain(emptyChain);
}

/** True for a chain started by `workflow()`; the compiler and CLI look for these. */
export function isWorkflow(value: unknown): value is Chain<unknown, unknown, {}> & { readonly workflow: Omit<WorkflowNode, 'chain'> } {
  return value instanceof Chain || value instanceof JsonataChain ? value.workflow !== undefined : isForeignWorkflow(value);
}

/** A workflow built by another copy of this package (e.g. dist vs src) is still recognised by its brand. */
function isForeignWorkflow(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[Symbol.for('typestep.chain')] === true
    && (value as { workflow?: unknown }).workflow !== undefined;
}

/** The IR of a workflow chain. */
export function toWorkflowNode(chain: { readonly node: Chain<any, any, any>['node']; readonly workflow?: Omit<WorkflowNode, 'chain'> | undefined }): WorkflowNode {
  if (!chain.workflow) throw new TypeError('not a workflow: start the chain with workflow(name, …)');
  return Object.freeze({ ...chain.workflow, chain: chain.node });
}
