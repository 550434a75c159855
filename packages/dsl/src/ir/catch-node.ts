import type { TransitionNode } from './transition-node.js';
import type { PathNode } from './value-node.js';

/** One Catcher. Its handler chain ends the execution unless it jumps elsewhere (it does not converge). */
export interface CatchNode {
  readonly errorEquals: readonly string[];
  readonly resultPath?: PathNode | null;
  readonly comment?: string;
  readonly handler: TransitionNode;
}
