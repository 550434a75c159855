import type { CatchNode } from './catch-node.js';
import type { ChainNode } from './chain-node.js';
import type { ConditionNode } from './condition-node.js';
import type { RetryNode } from './retry-node.js';
import type { CapturedSite } from './source-site.js';
import type { TransitionNode } from './transition-node.js';
import type { IntrinsicNode, Json, PathNode, PlaceholderNode, TemplateNode } from './value-node.js';

/** Fields every state node has. `unsafeFields` is the visible escape hatch: raw ASL merged in as is. */
export interface StateBase {
  readonly name: string;
  readonly comment?: string;
  readonly site: CapturedSite;
  readonly unsafeFields?: { readonly [field: string]: Json };
}

/** InputPath / OutputPath: a path, or null (the state sees / passes on `{}`). */
export interface InputOutputFields {
  readonly inputPath?: PathNode | null;
  readonly outputPath?: PathNode | null;
}

export interface ResultFields {
  readonly resultSelector?: TemplateNode;
  readonly resultPath?: PathNode | null;
}

export interface ErrorHandlingFields {
  readonly retry?: readonly RetryNode[];
  readonly catch?: readonly CatchNode[];
}

export interface TaskNode extends StateBase, InputOutputFields, ResultFields, ErrorHandlingFields {
  readonly type: 'Task';
  readonly resource: string | PlaceholderNode;
  readonly parameters?: TemplateNode;
  readonly credentials?: TemplateNode;
  readonly timeoutSeconds?: number;
  readonly timeoutSecondsPath?: PathNode;
  readonly heartbeatSeconds?: number;
  readonly heartbeatSecondsPath?: PathNode;
}

export interface PassNode extends StateBase, InputOutputFields {
  readonly type: 'Pass';
  readonly result?: Json;
  readonly parameters?: TemplateNode;
  readonly resultPath?: PathNode | null;
}

export type WaitFor =
  | { readonly seconds: number }
  | { readonly timestamp: string }
  | { readonly secondsPath: PathNode }
  | { readonly timestampPath: PathNode };

export interface WaitNode extends StateBase, InputOutputFields {
  readonly type: 'Wait';
  readonly waitFor: WaitFor;
}

export interface ChoiceRuleNode {
  readonly condition: ConditionNode;
  readonly target: TransitionNode;
  readonly comment?: string;
}

export interface ChoiceNode extends StateBase, InputOutputFields {
  readonly type: 'Choice';
  readonly rules: readonly ChoiceRuleNode[];
  readonly otherwise?: TransitionNode;
}

export interface ParallelNode extends StateBase, InputOutputFields, ResultFields, ErrorHandlingFields {
  readonly type: 'Parallel';
  readonly parameters?: TemplateNode;
  readonly branches: readonly ChainNode[];
}

export interface MapNode extends StateBase, InputOutputFields, ResultFields, ErrorHandlingFields {
  readonly type: 'Map';
  readonly itemsPath?: PathNode;
  /** `ItemSelector`, or the deprecated `Parameters` when `processorField` is `Iterator`. */
  readonly itemSelector?: TemplateNode;
  readonly maxConcurrency?: number;
  readonly processor: ChainNode;
  /** `ItemProcessor` (current) or `Iterator` (deprecated, kept so old definitions can be expressed). */
  readonly processorField: 'ItemProcessor' | 'Iterator';
  readonly processorConfig?: { readonly [field: string]: Json };
}

export interface SucceedNode extends StateBase, InputOutputFields {
  readonly type: 'Succeed';
}

export interface FailNode extends StateBase {
  readonly type: 'Fail';
  readonly error?: string;
  readonly cause?: string;
  readonly errorPath?: PathNode | IntrinsicNode;
  readonly causePath?: PathNode | IntrinsicNode;
}

export type StateNode = TaskNode | PassNode | WaitNode | ChoiceNode | ParallelNode | MapNode | SucceedNode | FailNode;

/**
 * Freezes a node, dropping fields left undefined so emitted JSON never carries them. It copies
 * rather than deleting keys: `delete` would turn every node into a slow dictionary-mode object.
 */
export function freezeNode<T extends object>(node: T): T {
  const copy = {} as T;
  for (const key in node) if (node[key] !== undefined) copy[key] = node[key];
  return Object.freeze(copy);
}
