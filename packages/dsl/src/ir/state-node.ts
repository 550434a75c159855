import type { CatchNode } from './catch-node.js';
import type { ChainNode } from './chain-node.js';
import type { ConditionNode } from './condition-node.js';
import type { RetryNode } from './retry-node.js';
import type { CapturedSite } from './source-site.js';
import type { TransitionNode } from './transition-node.js';
import type { ExpressionNode, IntrinsicNode, Json, PathNode, PlaceholderNode, TemplateNode, ValueNode } from './value-node.js';

/** Fields every state node has. `unsafeFields` is the visible escape hatch: raw ASL merged in as is. */
export interface StateBase {
  readonly name: string;
  readonly comment?: string;
  /** Set on states built in a JSONata chain; the emitter writes it where it differs from the top level. */
  readonly queryLanguage?: 'JSONata';
  /** `Assign`: JSONPath templates (`.$` keys) or JSONata values, by the state's language. */
  readonly assign?: TemplateNode;
  readonly site: CapturedSite;
  readonly unsafeFields?: { readonly [field: string]: Json };
}

/** InputPath / OutputPath: a path, or null (the state sees / passes on `{}`). */
export interface InputOutputFields {
  readonly inputPath?: PathNode | null;
  readonly outputPath?: PathNode | null;
  /** JSONata `Output`: any JSON, with `{% %}` expressions inside. */
  readonly output?: ValueNode;
}

/** A JSONata number or timestamp field: an expression, or a path rendered as one. */
export type JsonataValue = ExpressionNode | PathNode;

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
  /** JSONata `Arguments`. */
  readonly arguments?: ValueNode;
  readonly credentials?: TemplateNode;
  readonly timeoutSeconds?: number | JsonataValue;
  readonly timeoutSecondsPath?: PathNode;
  readonly heartbeatSeconds?: number | JsonataValue;
  readonly heartbeatSecondsPath?: PathNode;
}

export interface PassNode extends StateBase, InputOutputFields {
  readonly type: 'Pass';
  readonly result?: Json;
  readonly parameters?: TemplateNode;
  readonly resultPath?: PathNode | null;
}

export type WaitFor =
  | { readonly seconds: number | JsonataValue }
  | { readonly timestamp: string | JsonataValue }
  | { readonly secondsPath: PathNode }
  | { readonly timestampPath: PathNode };

export interface WaitNode extends StateBase, InputOutputFields {
  readonly type: 'Wait';
  readonly waitFor: WaitFor;
}

export interface ChoiceRuleNode {
  /** A JSONPath rule, or a JSONata `Condition`. */
  readonly condition: ConditionNode | JsonataValue;
  readonly target: TransitionNode;
  readonly comment?: string;
  readonly assign?: TemplateNode;
  readonly output?: ValueNode;
}

export interface ChoiceNode extends StateBase, InputOutputFields {
  readonly type: 'Choice';
  readonly rules: readonly ChoiceRuleNode[];
  readonly otherwise?: TransitionNode;
}

export interface ParallelNode extends StateBase, InputOutputFields, ResultFields, ErrorHandlingFields {
  readonly type: 'Parallel';
  readonly parameters?: TemplateNode;
  readonly arguments?: ValueNode;
  readonly branches: readonly ChainNode[];
}

export interface MapNode extends StateBase, InputOutputFields, ResultFields, ErrorHandlingFields {
  readonly type: 'Map';
  readonly itemsPath?: PathNode;
  /** JSONata `Items`. */
  readonly items?: ValueNode;
  /** `ItemSelector`, or the deprecated `Parameters` when `processorField` is `Iterator`. */
  readonly itemSelector?: TemplateNode | JsonataValue;
  readonly maxConcurrency?: number | JsonataValue;
  readonly maxConcurrencyPath?: PathNode;
  /** Distributed Map: where the items come from, how they are batched, where results go. */
  readonly itemReader?: TemplateNode;
  readonly itemBatcher?: TemplateNode;
  readonly resultWriter?: TemplateNode;
  readonly toleratedFailurePercentage?: number | JsonataValue;
  readonly toleratedFailurePercentagePath?: PathNode;
  readonly toleratedFailureCount?: number | JsonataValue;
  readonly toleratedFailureCountPath?: PathNode;
  readonly label?: string;
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
  readonly error?: string | JsonataValue;
  readonly cause?: string | JsonataValue;
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
