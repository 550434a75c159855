import type { Chain, ChainLike } from '../chain.js';

/** A callback that builds a branch (Choice rule, Catch handler, Parallel branch, Map processor). */
export type BranchBuilder<In, Scope extends object = {}> = (b: Chain<In, In, Scope>) => ChainLike<unknown, object>;
