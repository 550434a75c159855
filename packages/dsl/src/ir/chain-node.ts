import type { CapturedSite } from './source-site.js';
import type { StateNode } from './state-node.js';
import type { GotoNode } from './transition-node.js';

/**
 * What a builder call records. A chain is a persistent (shared-tail) list of these operations,
 * so appending is O(1) and earlier chains stay valid: a 10,000-state chain costs 10,000 links,
 * not 10,000 copies.
 */
export type ChainOp =
  | { readonly kind: 'state'; readonly state: StateNode }
  | GotoNode
  | { readonly kind: 'end'; readonly site: CapturedSite }
  | { readonly kind: 'fragment'; readonly chain: ChainNode };

interface ChainLink {
  readonly prev: ChainLink | undefined;
  readonly op: ChainOp;
}

export interface ChainNode {
  readonly kind: 'chain';
  readonly last: ChainLink | undefined;
}

export const emptyChain: ChainNode = Object.freeze({ kind: 'chain', last: undefined });

export const appendOp = (chain: ChainNode, op: ChainOp): ChainNode =>
  Object.freeze({ kind: 'chain', last: Object.freeze({ prev: chain.last, op }) });

/** The chain's operations, first to last. */
export function chainOps(chain: ChainNode): ChainOp[] {
  const ops: ChainOp[] = [];
  for (let link = chain.last; link; link = link.prev) ops.push(link.op);
  return ops.reverse();
}
