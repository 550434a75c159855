import type { ELK, ELKConstructorArguments, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { toElkGraph } from './elk-graph.js';
import { allNodes, type GraphEdge, type GraphNode, type StateGraph } from './state-graph.js';
import { placeText, type PlacedText } from './text-block.js';
import { loadTextMeasure } from './text-metrics.js';

export type { PlacedText } from './text-block.js';

/** Where everything goes: absolute coordinates, top-left origin, in pixels. */
export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  /** Every node; a container comes before what it contains, so drawing in order paints it behind. */
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlacedNode {
  readonly node: GraphNode;
  readonly box: Rect;
  readonly text: readonly PlacedText[];
}

export interface PlacedEdge {
  readonly edge: GraphEdge;
  /** From the source's border to the target's border, bends included. */
  readonly points: readonly Point[];
  readonly label: { readonly box: Rect; readonly text: readonly PlacedText[] } | undefined;
}

/**
 * Lays the graph out with ELK (see elk-graph.ts for how) and returns absolute positions. ELK
 * is deterministic (a fixed random seed), so the same graph gives the same coordinates.
 */
export async function layoutGraph(graph: StateGraph): Promise<GraphLayout> {
  const [elk, measure] = await Promise.all([sharedElk(), loadTextMeasure()]);
  const { root, text } = toElkGraph(graph, measure);
  const laidOut = await elk.layout(root);

  const nodesById = new Map([...allNodes(graph.nodes)].map((node) => [node.id, node]));
  const edgesById = new Map(graph.edges.map((edge) => [edge.id, edge]));
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];

  // ELK places a child relative to its parent, and an edge relative to the node that holds it.
  const visit = (elk: ElkNode, origin: Point) => {
    for (const child of elk.children ?? []) {
      const box = { x: origin.x + (child.x ?? 0), y: origin.y + (child.y ?? 0), width: child.width ?? 0, height: child.height ?? 0 };
      const node = nodesById.get(child.id)!;
      nodes.push({ node, box, text: placeText(text.get(child.id)!, box, node.kind === 'container' || node.kind === 'branch') });
      visit(child, box);
    }
    for (const edge of elk.edges ?? []) edges.push(placeEdge(edge, origin));
  };
  const placeEdge = (elk: ElkExtendedEdge, origin: Point): PlacedEdge => {
    const shift = (p: Point): Point => ({ x: origin.x + p.x, y: origin.y + p.y });
    const points = (elk.sections ?? []).flatMap((section) => [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]).map(shift);
    const label = elk.labels?.[0];
    const block = text.get(elk.id);
    if (label === undefined || block === undefined) return { edge: edgesById.get(elk.id)!, points, label: undefined };
    const box = { ...shift({ x: label.x ?? 0, y: label.y ?? 0 }), width: label.width ?? 0, height: label.height ?? 0 };
    return { edge: edgesById.get(elk.id)!, points, label: { box, text: placeText(block, box, false) } };
  };
  visit(laidOut, { x: 0, y: 0 });

  // Edges in graph order, whatever the nesting: the output reads like the definition.
  const order = new Map(graph.edges.map((edge, index) => [edge.id, index]));
  edges.sort((a, b) => order.get(a.edge.id)! - order.get(b.edge.id)!);
  return { width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes, edges };
}

let elkInstance: Promise<ELK> | undefined;

/** One ELK for the process: each new one starts its own copy of the engine. */
function sharedElk(): Promise<ELK> {
  elkInstance ??= (
    // A CommonJS module: its `default` is module.exports, the constructor (its .d.ts says otherwise).
    import('elkjs/lib/elk.bundled.js') as Promise<unknown> as Promise<{ default: new (args?: ELKConstructorArguments) => ELK }>
  ).then(({ default: Elk }) => new Elk());
  return elkInstance;
}
