import { toHtml } from './html.js';
import { layoutGraph } from './layout.js';
import { toMermaid } from './mermaid.js';
import { readStateGraph } from './read-state-graph.js';
import { toSvg } from './svg.js';

export const GRAPH_FORMATS = ['mermaid', 'svg', 'html'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface RenderGraphOptions {
  /** Names the drawing (the SVG's title, the page's heading): the workflow or file name. */
  readonly title: string;
}

/**
 * Draws an ASL definition the way the Step Functions console does: Mermaid flowchart text, a
 * standalone SVG, or a self-contained HTML page. The same definition gives the same bytes.
 * Throws a GraphInputError when the input is not a state machine.
 */
export async function renderGraph(definition: unknown, format: GraphFormat, options: RenderGraphOptions): Promise<string> {
  const graph = readStateGraph(definition);
  if (format === 'mermaid') return toMermaid(graph);
  const svg = toSvg(await layoutGraph(graph), options.title);
  return format === 'svg' ? svg : toHtml(svg, options.title, graph.comment);
}
