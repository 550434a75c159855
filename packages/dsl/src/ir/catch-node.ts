import type { TransitionNode } from './transition-node.js';
import type { PathNode, TemplateNode, ValueNode } from './value-node.js';

/** One Catcher. Its handler chain ends the execution unless it jumps elsewhere (it does not converge). */
export interface CatchNode {
  readonly errorEquals: readonly string[];
  readonly resultPath?: PathNode | null;
  readonly comment?: string;
  /** JSONata: the handler's input (default `$states.errorOutput`). */
  readonly output?: ValueNode;
  readonly assign?: TemplateNode;
  readonly handler: TransitionNode;
}
