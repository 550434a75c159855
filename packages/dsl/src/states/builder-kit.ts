import type { Chain } from '../chain.js';
import type { CapturedSite } from '../ir/source-site.js';

/** A callback that builds a branch (Choice rule, Catch handler, Parallel branch, Map processor). */
export type BranchBuilder<In, Scope extends object> = (b: Chain<In, In, Scope>) => Chain<any, any, any>;

export type CaptureSiteFn = () => CapturedSite;

/** The output type of a branch callback. */
export type BranchOutput<B> = B extends (b: any) => Chain<any, infer Out, any> ? Out : never;

/** The state names a branch callback declares. */
export type BranchScope<B> = B extends (b: any) => Chain<any, any, infer Scope> ? Scope : {};
