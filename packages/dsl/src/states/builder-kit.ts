import type { Chain, ChainLike } from '../chain.js';

/** A callback that builds a branch (Choice rule, Catch handler, Parallel branch, Map processor). */
export type BranchBuilder<In, Scope extends object = {}> = (b: Chain<In, In, Scope>) => ChainLike<unknown, object>;

/** The output type of a branch callback. */
export type BranchOutput<B> = B extends (b: any) => ChainLike<infer Out, any> ? Out : never;

/** The state names a branch callback declares. */
export type BranchScope<B> = B extends (b: any) => ChainLike<any, infer Scope> ? Scope : {};
