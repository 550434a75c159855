import type { CatchNode } from '../ir/catch-node.js';
import { resultPathNode, type ApplyResultPath, type ResultPathSpec } from '../path/result-path.js';
import type { ErrorOutput } from './common.js';
import type { BranchBuilder } from './builder-kit.js';

/** One Catcher as written by the user. `next` is an existing state's name or a handler chain. */
export interface CatchRule<In, Scope extends object, RP extends ResultPathSpec = ResultPathSpec> {
  readonly errors: readonly [string, ...string[]];
  readonly resultPath?: RP;
  readonly next: (keyof Scope & string) | BranchBuilder<ApplyResultPath<In, RP, ErrorOutput>, Scope>;
  readonly comment?: string;
}

/**
 * `catch: (c) => [c(['States.ALL'], { resultPath: '$.error' }, (b) => b.task(…))]`: the helper
 * types each handler's input from that catcher's own ResultPath.
 */
export type Catcher<In, Scope extends object> = <const RP extends ResultPathSpec = '$'>(
  errors: readonly [string, ...string[]],
  options: { readonly resultPath?: RP; readonly comment?: string },
  next: (keyof Scope & string) | BranchBuilder<ApplyResultPath<In, RP, ErrorOutput>, Scope>,
) => CatchRule<In, Scope, any>;

export type CatchOption<In, Scope extends object> =
  | readonly CatchRule<In, Scope, any>[]
  | ((c: Catcher<In, Scope>) => readonly CatchRule<In, Scope, any>[]);

export function catchNodes<In, Scope extends object>(
  option: CatchOption<In, Scope> | undefined,
  handler: (next: CatchRule<In, Scope, any>['next']) => CatchNode['handler'],
): readonly CatchNode[] | undefined {
  if (option === undefined) return undefined;
  const catcher = ((errors, options, next) => ({ errors, next, ...options })) as Catcher<In, Scope>;
  const rules = typeof option === 'function' ? option(catcher) : option;
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
