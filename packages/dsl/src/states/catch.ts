import type { GotoTarget, UnsafeTarget } from '../chain.js';
import type { CatchNode } from '../ir/catch-node.js';
import { resultPathNode, type ApplyResultPath, type ResultPathSpec } from '../path/result-path.js';
import type { BranchBuilder } from './builder-kit.js';
import type { ErrorOutput } from './common.js';

/** One Catcher as recorded: where to go is a state's name or a handler chain. */
export interface CatchRule {
  readonly errors: readonly [string, ...string[]];
  readonly resultPath?: ResultPathSpec;
  readonly next: string | BranchBuilder<any, any>;
  readonly comment?: string;
}

/** A Catcher that jumps to a state declared earlier: `{ errors: ['States.ALL'], next: 'Notify' }`. */
export interface CatchByName<Scope extends object> {
  readonly errors: readonly [string, ...string[]];
  readonly resultPath?: ResultPathSpec;
  readonly next: (keyof Scope & string) | UnsafeTarget;
  readonly comment?: string;
}

/** The data a catcher hands on: the state's input with the error output written at its ResultPath. */
export type CaughtInput<In, RP extends ResultPathSpec> = ApplyResultPath<In, RP, ErrorOutput>;

/**
 * `catch: (c) => [c(['States.ALL'], { resultPath: '$.error' }, (b) => b.task(…))]`: the helper types
 * each handler's input from that catcher's own ResultPath, and checks a target given by name
 * accepts that data.
 */
export type Catcher<In, Scope extends object> = <const RP extends ResultPathSpec = '$'>(
  errors: readonly [string, ...string[]],
  options: { readonly resultPath?: RP; readonly comment?: string },
  next: GotoTarget<CaughtInput<In, RP>, Scope> | BranchBuilder<CaughtInput<In, RP>, Scope>,
) => CatchRule;

/** Catchers by name as a plain array, or any catchers through the typed `c(…)` helper. */
export type CatchOption<In, Scope extends object> = readonly CatchByName<Scope>[] | ((c: Catcher<In, Scope>) => readonly CatchRule[]);

export function catchNodes(option: CatchOption<any, any> | undefined, handler: (next: CatchRule['next']) => CatchNode['handler']): readonly CatchNode[] | undefined {
  if (option === undefined) return undefined;
  const catcher = ((errors, options, next) => ({ errors, next, ...options })) as Catcher<any, any>;
  const rules: readonly CatchRule[] = typeof option === 'function' ? option(catcher) : option;
  return Object.freeze(
    rules.map((rule): CatchNode => {
      const node: CatchNode = {
        errorEquals: Object.freeze([...rule.errors]),
        ...(rule.resultPath !== undefined && { resultPath: resultPathNode(rule.resultPath) }),
        ...(rule.comment !== undefined && { comment: rule.comment }),
        handler: handler(rule.next),
      };
      return Object.freeze(node);
    }),
  );
}
