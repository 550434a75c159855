import type { GraphLayout, PlacedEdge, PlacedNode, PlacedText, Point, Rect } from './layout.js';
import { TEXT_STYLES } from './text-block.js';
import { FONT_FAMILY } from './text-metrics.js';

/**
 * A laid-out graph as a standalone SVG document: shapes, text and one `<style>`, nothing
 * external (no fonts, images or scripts), so it opens anywhere and embeds in a page as is.
 * Every node's group carries `data-id`, and a state's its `data-state` name; tooltips
 * (`<title>`) hold full texts that the drawing wraps or cuts.
 */
export function toSvg(layout: GraphLayout, title: string): string {
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height);
  const frames = layout.nodes.filter(({ node }) => node.kind === 'container' || node.kind === 'branch');
  const boxes = layout.nodes.filter(({ node }) => node.kind !== 'container' && node.kind !== 'branch');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '<defs>',
    ...Object.entries(ARROW_COLORS).map(
      ([name, color]) =>
        `<marker id="arrow-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${color}"/></marker>`,
    ),
    '</defs>',
    ...frames.map(drawFrame),
    ...layout.edges.map(drawEdge),
    ...boxes.map(drawBox),
    ...layout.edges.flatMap(drawEdgeLabel),
    '</svg>',
    '',
  ].join('\n');
}

const ARROW_COLORS = { flow: '#545b64', catch: '#d13212' } as const;

const STYLE = [
  `text{font-family:${FONT_FAMILY};fill:#16191f;text-anchor:middle}`,
  ...Object.entries(TEXT_STYLES).map(([role, style]) => `.${role}{font-size:${style.size}px${style.bold ? ';font-weight:bold' : ''}}`),
  '.subtitle,.branch,.edge-label{fill:#545b64}',
  '.state>rect,.state>polygon{fill:#ffffff;stroke:#879596;stroke-width:1.2}',
  '.state.Choice>polygon{fill:#f2f8fd;stroke:#0073bb}',
  '.state.Succeed>rect{fill:#e9f7ec;stroke:#1d8102}',
  '.state.Fail>rect{fill:#fdecea;stroke:#d13212}',
  '.marker>rect{fill:#232f3e}.marker>text{fill:#ffffff}',
  '.missing>rect{fill:#ffffff;stroke:#d13212;stroke-dasharray:4 3}.missing>text{fill:#d13212}',
  '.container>rect{fill:#f8f8f8;stroke:#687078;stroke-width:1.2}',
  '.branch>rect{fill:#ffffff;stroke:#aab7b8;stroke-dasharray:4 3}',
  `.edge>path{fill:none;stroke:${ARROW_COLORS.flow};stroke-width:1.3}`,
  `.edge.catch>path{stroke:${ARROW_COLORS.catch};stroke-dasharray:6 4}`,
  '.label>rect{fill:#ffffff;fill-opacity:0.92}',
].join('');

/** A Parallel or Map state's frame, or a branch's, with its header; drawn behind everything. */
function drawFrame({ node, box, text }: PlacedNode): string {
  const kind = node.kind === 'container' ? `container ${node.type}` : 'branch';
  const attributes = node.kind === 'container' ? ` data-state="${escapeXml(node.name)}"` : '';
  const tooltip = node.kind === 'container' ? `<title>${escapeXml(`${node.name} (${node.subtitle})`)}</title>` : '';
  return `<g class="${kind}" data-id="${node.id}"${attributes}>${tooltip}${rect(box, 6)}${drawText(text)}</g>`;
}

function drawBox({ node, box, text }: PlacedNode): string {
  switch (node.kind) {
    case 'marker':
      return `<g class="marker" data-id="${node.id}">${rect(box, box.height / 2)}${drawText(text)}</g>`;
    case 'missing':
      return `<g class="missing" data-id="${node.id}"><title>${escapeXml(`No state is named "${node.name}" here`)}</title>${rect(box, 4)}${drawText(text)}</g>`;
    case 'state': {
      const shape = node.type === 'Choice' ? hexagon(box) : rect(box, 4);
      const tooltip = `<title>${escapeXml(`${node.name} (${node.subtitle})`)}</title>`;
      return `<g class="state ${escapeXml(node.type)}" data-id="${node.id}" data-state="${escapeXml(node.name)}">${tooltip}${shape}${drawText(text)}</g>`;
    }
    default:
      return '';
  }
}

function drawEdge({ edge, points }: PlacedEdge): string {
  const arrow = edge.kind === 'catch' ? 'catch' : 'flow';
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join('');
  const tooltip = edge.label === undefined ? '' : `<title>${escapeXml(edge.label)}</title>`;
  return `<g class="edge ${edge.kind}" data-id="${edge.id}" data-from="${edge.from}" data-to="${edge.to}">${tooltip}<path d="${d}" marker-end="url(#arrow-${arrow})"/></g>`;
}

/** Labels go last, over every line they might cross. */
function drawEdgeLabel({ edge, label }: PlacedEdge): string[] {
  if (label === undefined) return [];
  return [`<g class="label" data-edge="${edge.id}"><title>${escapeXml(edge.label ?? '')}</title>${rect(label.box, 3)}${drawText(label.text)}</g>`];
}

/** Lines of one role go in one `<text>` (one `<tspan>` per line), so a wrapped name is one text. */
function drawText(lines: readonly PlacedText[]): string {
  const groups: PlacedText[][] = [];
  for (const line of lines) {
    const last = groups.at(-1);
    if (last && last[0]!.role === line.role) last.push(line);
    else groups.push([line]);
  }
  return groups
    .map((group) => `<text class="${group[0]!.role}">${group.map((l) => `<tspan x="${num(l.x)}" y="${num(l.y)}">${escapeXml(l.text)}</tspan>`).join('')}</text>`)
    .join('');
}

function rect(box: Rect, radius: number): string {
  return `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="${num(radius)}"/>`;
}

/** A Choice: a box with pointed ends. */
function hexagon(box: Rect): string {
  const inset = box.height / 2;
  const middle = box.y + box.height / 2;
  const corners: Point[] = [
    { x: box.x + inset, y: box.y },
    { x: box.x + box.width - inset, y: box.y },
    { x: box.x + box.width, y: middle },
    { x: box.x + box.width - inset, y: box.y + box.height },
    { x: box.x + inset, y: box.y + box.height },
    { x: box.x, y: middle },
  ];
  return `<polygon points="${corners.map((p) => `${num(p.x)},${num(p.y)}`).join(' ')}"/>`;
}

/** Coordinates to two decimals at most: short, and the same on every machine. */
function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Text for XML content or attributes; control characters XML forbids become U+FFFD. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => XML_ENTITIES[character]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
