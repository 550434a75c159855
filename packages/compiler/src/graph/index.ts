// Drawing a state machine: ASL JSON in, Mermaid / SVG / HTML text out. No I/O; the layout
// library (elkjs) and the font metrics load only when an SVG or page is drawn.
export { renderGraph, GRAPH_FORMATS, type GraphFormat, type RenderGraphOptions } from './render-graph.js';
export { readStateGraph, GraphInputError } from './read-state-graph.js';
export type { StateGraph, GraphNode, GraphEdge, EdgeKind, MarkerNode, StateNode, ContainerNode, BranchNode, MissingNode } from './state-graph.js';
export { conditionText } from './condition-text.js';
export { toMermaid } from './mermaid.js';
export { layoutGraph, type GraphLayout, type PlacedNode, type PlacedEdge, type PlacedText } from './layout.js';
export { toSvg } from './svg.js';
export { toHtml } from './html.js';
