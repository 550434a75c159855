import type { RetryNode, JitterStrategy } from '../ir/retry-node.js';
import type { Json, PathNode } from '../ir/value-node.js';
import type { Context } from '../path/context-object.js';
import { nodeOfPath, type Path, type PathRef, type PathTo } from '../path/path.js';
import type { Resolve } from '../payload/template.js';
import { isEmptyPath } from '../path/empty.js';

/** Options every state accepts. */
export interface CommonOptions {
  readonly comment?: string;
  /** Escape hatch: raw ASL fields merged into the emitted state as they are. */
  readonly unsafeFields?: { readonly [field: string]: Json };
}

/** `($) => $.field`, or `empty` (ASL's `null`: the state sees `{}`). */
export type InputPathOption<In, Selected> = ($: Path<In>, $$: Context) => PathTo<Selected>;

export interface RetryOptions {
  /** Error names this retrier handles (`States.ALL` alone and last). */
  readonly errors: readonly [string, ...string[]];
  readonly intervalSeconds?: number;
  readonly maxAttempts?: number;
  readonly backoffRate?: number;
  readonly maxDelaySeconds?: number;
  readonly jitterStrategy?: JitterStrategy;
  readonly comment?: string;
}

export function retryNode(options: RetryOptions): RetryNode {
  const { errors, ...rest } = options;
  return Object.freeze({ errorEquals: Object.freeze([...errors]), ...rest });
}

/** Evaluates a path option: a callback on the typed accessor, or null. */
export function pathOption<In>(option: ((...args: [Path<In>, Context]) => PathTo<unknown>) | null | undefined, $: Path<In>, $$: Context): PathNode | null | undefined {
  if (option === undefined) return undefined;
  // `null` is accepted from JavaScript callers; TypeScript callers write `empty`, which types as `{}`.
  if (option === null || isEmptyPath(option)) return null;
  return nodeOfPath(option($, $$));
}

/** The error output a Catcher hands to its handler (written at the catcher's ResultPath). */
export interface ErrorOutput {
  readonly Error: string;
  readonly Cause: string;
}

/** A state's result after its ResultSelector (the raw result when there is none). */
export type Selection<Result, Selector> = [Selector] extends [never] ? Result : Resolve<Selector>;
