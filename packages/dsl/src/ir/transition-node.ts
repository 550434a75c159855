import type { ChainNode } from './chain-node.js';
import type { CapturedSite } from './source-site.js';

/** A jump to a state by name: a loop back, or a Choice rule / Catch that points at an existing state. */
export interface GotoNode {
  readonly kind: 'goto';
  readonly target: string;
  readonly site: CapturedSite;
}

/** Where a Choice rule, a Choice default or a Catch goes: a chain of new states, or an existing state. */
export type TransitionNode = ChainNode | GotoNode;

export const gotoNode = (target: string, site: CapturedSite): GotoNode => Object.freeze({ kind: 'goto', target, site });
