import { compile, type CompileResult, type WorkflowLike } from '@typestep/compiler';
import { virtualClock } from './clock.js';
import { InvalidDefinition } from './load-definition.js';
import { runExecution } from './run-execution.js';
import type { TaskMock } from './tasks/mocks.js';
import type { ExecutionResult, RunOptions } from './types.js';

/** The names of every state of an ASL definition's type, nested Parallel branches and Map processors included. */
export type StateNameOf<D> = D extends { readonly States: infer S }
  ? { [K in keyof S & string]: K | NestedStateNameOf<S[K]> }[keyof S & string]
  : never;
type NestedStateNameOf<S> = S extends { readonly Branches: readonly (infer B)[] }
  ? StateNameOf<B>
  : S extends { readonly ItemProcessor: infer P }
    ? StateNameOf<P>
    : S extends { readonly Iterator: infer P }
      ? StateNameOf<P>
      : never;

/** Mock keys: a state name of the definition (checked when its type is known) or a resource. */
export type MockKey<D> = [StateNameOf<D>] extends [never] ? string : StateNameOf<D> | `arn:${string}` | `\${${string}}`;

export interface RunWorkflowOptions<D> extends Omit<RunOptions, 'definition' | 'mocks'> {
  /** Stand-ins for tasks, by state name or resource: `{ result }`, `{ error, cause }`, a function, or a list per call. */
  readonly mocks?: { readonly [K in MockKey<D>]?: TaskMock };
}

/** What `runWorkflow` accepts: ASL (text or object), a compile result, or a DSL workflow (`workflow(…)`). */
export type WorkflowSource = string | { readonly StartAt: string; readonly States: object } | CompileResult | WorkflowLike;

/**
 * Runs a workflow for a test: ASL, a compile result or a DSL workflow (compiled with
 * @typestep/compiler), with input, handlers and mocks. Time is virtual unless a clock is given, so
 * Wait states and retry intervals pass at once. Resolves with status, output or error and cause,
 * and the history; rejects only for a definition that does not load (InvalidDefinition).
 *
 * @example
 * const result = await runWorkflow(definition, { input: {}, mocks: { 'Check Stock Value': { result: { stock_price: 42 } } } });
 * expect(result.status).toBe('SUCCEEDED');
 */
export async function runWorkflow<const D extends WorkflowSource>(
  workflow: D,
  options: RunWorkflowOptions<D> = {},
): Promise<ExecutionResult> {
  const { mocks, ...rest } = options;
  const definition = definitionOf(workflow);
  return runExecution({ clock: virtualClock(), ...rest, definition, ...(mocks ? { mocks } : {}) } as RunOptions);
}

function definitionOf(workflow: WorkflowSource): string | object {
  if (typeof workflow === 'string') return workflow;
  if ('StartAt' in workflow && 'States' in workflow) return workflow;
  if ('definition' in workflow && 'diagnostics' in workflow) return checked(workflow as CompileResult);
  return checked(compile(workflow as WorkflowLike));
}

function checked(result: CompileResult): object {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new InvalidDefinition(errors);
  return result.definition;
}
