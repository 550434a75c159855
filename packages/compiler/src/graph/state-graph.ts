/**
 * What a drawing of a state machine shows, before any layout: the nodes (nested for Parallel
 * branches and Map processors) and the edges between them. Every renderer (Mermaid, SVG, HTML)
 * draws this model, so they all show the same thing.
 */
export interface StateGraph {
  /** The definition's `Comment`, if any. */
  readonly comment: string | undefined;
  /** The top level: the Start and End markers and the top-level states, in flow order. */
  readonly nodes: readonly GraphNode[];
  /** Every edge, nested ones included, in flow order. */
  readonly edges: readonly GraphEdge[];
}

export type GraphNode = MarkerNode | StateNode | ContainerNode | BranchNode | MissingNode;

/** The Start and End markers the console draws around the top-level flow. */
export interface MarkerNode {
  readonly kind: 'marker';
  readonly id: 'start' | 'end';
  readonly label: 'Start' | 'End';
}

/** A state without nested states: Task, Pass, Choice, Wait, Succeed, Fail. */
export interface StateNode {
  readonly kind: 'state';
  readonly id: string;
  readonly name: string;
  /** The state's `Type` as written (`?` when it has none). */
  readonly type: string;
  /** A second line under the name: `Task: lambda:invoke`, `Choice`, `Wait: 5 s`. */
  readonly subtitle: string;
}

/** A Parallel state (its children are branches) or a Map state (its children are the processor's states). */
export interface ContainerNode {
  readonly kind: 'container';
  readonly id: string;
  readonly name: string;
  readonly type: 'Parallel' | 'Map';
  readonly subtitle: string;
  readonly children: readonly GraphNode[];
}

/** One branch of a Parallel state. */
export interface BranchNode {
  readonly kind: 'branch';
  readonly id: string;
  /** `Branch 1`, `Branch 2`, … */
  readonly label: string;
  readonly children: readonly GraphNode[];
}

/** A name a transition targets but no state in its scope has: drawn so the mistake shows. */
export interface MissingNode {
  readonly kind: 'missing';
  readonly id: string;
  readonly name: string;
}

export type EdgeKind = 'start' | 'next' | 'choice' | 'default' | 'catch' | 'end';

export interface GraphEdge {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  /** The Choice rule's condition, `Default`, or a Catch's error names. */
  readonly label: string | undefined;
}

/** Every node, depth first, nested ones after their parent. */
export function* allNodes(nodes: readonly GraphNode[]): Generator<GraphNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind === 'container' || node.kind === 'branch') yield* allNodes(node.children);
  }
}
