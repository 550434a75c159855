import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { labelText } from './label-text.js';
import type { GraphEdge, GraphNode, StateGraph } from './state-graph.js';
import { textBlock, wrappedLines, type TextBlock } from './text-block.js';
import type { MeasureText } from './text-metrics.js';

const STATE_PADDING = { x: 16, y: 9 };
const MIN_STATE_WIDTH = 140;
const MARKER_PADDING = { x: 18, y: 7 };
const CONTAINER_PADDING = 16;
const EDGE_LABEL_PADDING = { x: 3, y: 3 };
const MAX_EDGE_LABEL_WIDTH = 200;
const MAX_EDGE_LABEL_LINES = 3;
const MARGIN = 20;

/**
 * ELK's layered algorithm (Sugiyama style, the drawing the console makes), top to bottom:
 * loops are turned back by depth-first cycle breaking, so the flow from Start still reads
 * downwards; Choice targets keep the rules' order where that adds no crossing; edges are
 * orthogonal, with their labels placed by ELK. Every container is laid out on its own: no edge
 * ever crosses a branch's or a Map processor's border in ASL, and so branches stay in order.
 */
const LAYOUT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '34',
  'elk.spacing.edgeLabel': '4',
};

/** The ELK input for a graph, and the text of every node and edge label (what sized them). */
export interface ElkInput {
  readonly root: ElkNode;
  readonly text: ReadonlyMap<string, TextBlock>;
}

export function toElkGraph(graph: StateGraph, measure: MeasureText): ElkInput {
  const text = new Map<string, TextBlock>();
  // Each edge is declared in the node that holds both its ends: its source's parent.
  const parentOf = new Map<string, string>();
  const recordParents = (nodes: readonly GraphNode[], parent: string) => {
    for (const node of nodes) {
      parentOf.set(node.id, parent);
      if (node.kind === 'container' || node.kind === 'branch') recordParents(node.children, node.id);
    }
  };
  recordParents(graph.nodes, 'root');
  const edgesIn = (scope: string) => graph.edges.filter((edge) => parentOf.get(edge.from) === scope).map((edge) => elkEdge(edge, measure, text));

  const elkNode = (node: GraphNode): ElkNode => {
    switch (node.kind) {
      case 'marker': {
        const block = textBlock(wrappedLines(node.label, 'marker', measure), MARKER_PADDING, measure);
        text.set(node.id, block);
        return { id: node.id, width: block.width, height: block.height };
      }
      case 'state':
      case 'missing': {
        const name = node.kind === 'missing' ? `${node.name} (missing)` : node.name;
        const subtitle = node.kind === 'missing' ? 'no such state' : node.subtitle;
        const block = textBlock([...wrappedLines(name, 'name', measure), ...wrappedLines(subtitle, 'subtitle', measure)], STATE_PADDING, measure);
        text.set(node.id, block);
        const width = Math.max(block.width, MIN_STATE_WIDTH);
        // A Choice is drawn with pointed ends: room for the points.
        return { id: node.id, width: node.kind === 'state' && node.type === 'Choice' ? width + block.height : width, height: block.height };
      }
      case 'container':
      case 'branch': {
        const header = node.kind === 'branch' ? wrappedLines(node.label, 'branch', measure) : [...wrappedLines(node.name, 'name', measure), ...wrappedLines(node.subtitle, 'subtitle', measure)];
        const block = textBlock(header, { x: CONTAINER_PADDING, y: 8 }, measure);
        text.set(node.id, block);
        return {
          id: node.id,
          layoutOptions: {
            ...LAYOUT_OPTIONS,
            // A Parallel's branches (unconnected to each other) side by side, in order, not packed in rows.
            ...(node.kind === 'container' && node.type === 'Parallel' && { 'elk.separateConnectedComponents': 'false' }),
            'elk.padding': `[top=${block.height + 6},left=${CONTAINER_PADDING},bottom=${CONTAINER_PADDING},right=${CONTAINER_PADDING}]`,
            'elk.nodeSize.constraints': 'MINIMUM_SIZE',
            'elk.nodeSize.minimum': `(${block.width}, ${block.height + CONTAINER_PADDING})`,
          },
          children: node.children.map(elkNode),
          edges: edgesIn(node.id),
        };
      }
    }
  };

  const root: ElkNode = {
    id: 'root',
    layoutOptions: { ...LAYOUT_OPTIONS, 'elk.padding': `[top=${MARGIN},left=${MARGIN},bottom=${MARGIN},right=${MARGIN}]` },
    children: graph.nodes.map(elkNode),
    edges: edgesIn('root'),
  };
  return { root, text };
}

function elkEdge(edge: GraphEdge, measure: MeasureText, text: Map<string, TextBlock>): ElkExtendedEdge {
  const elk: ElkExtendedEdge = { id: edge.id, sources: [edge.from], targets: [edge.to] };
  if (edge.label === undefined) return elk;
  const block = textBlock(wrappedLines(labelText(edge.label), 'edge-label', measure, MAX_EDGE_LABEL_WIDTH, MAX_EDGE_LABEL_LINES), EDGE_LABEL_PADDING, measure);
  text.set(edge.id, block);
  return { ...elk, labels: [{ id: `${edge.id}-label`, text: edge.label, width: block.width, height: block.height }] };
}
