import { labelText } from './label-text.js';
import type { EdgeKind, GraphNode, StateGraph } from './state-graph.js';

/**
 * The graph as a Mermaid flowchart (`flowchart TD`): Parallel states, their branches and Map
 * processors are subgraphs, Catch edges are dotted, Choice edges carry their conditions.
 * Node ids are the model's (`s1`, `s2`…; the markers `m_start`/`m_end`, since `end` is a Mermaid
 * keyword); every label is quoted and escaped, so state names may hold any character.
 */
export function toMermaid(graph: StateGraph): string {
  const lines = ['flowchart TD'];
  const classes = new Map<string, string[]>();
  const addClass = (name: string, id: string) => classes.set(name, [...(classes.get(name) ?? []), id]);

  const writeNodes = (nodes: readonly GraphNode[], indent: string): void => {
    for (const node of nodes) {
      const id = mermaidId(node.id);
      switch (node.kind) {
        case 'marker':
          lines.push(`${indent}${id}(["${escapeLabel(node.label)}"])`);
          addClass('marker', id);
          break;
        case 'state': {
          const label = `${escapeLabel(node.name)}<br/><small>${escapeLabel(node.subtitle)}</small>`;
          lines.push(node.type === 'Choice' ? `${indent}${id}{"${label}"}` : `${indent}${id}("${label}")`);
          if (node.type === 'Succeed' || node.type === 'Fail') addClass(node.type.toLowerCase(), id);
          break;
        }
        case 'missing':
          lines.push(`${indent}${id}["${escapeLabel(`${node.name} (missing)`)}"]`);
          addClass('missing', id);
          break;
        case 'container':
        case 'branch': {
          const title = node.kind === 'branch' ? escapeLabel(node.label) : `${escapeLabel(node.name)}<br/><small>${escapeLabel(node.subtitle)}</small>`;
          lines.push(`${indent}subgraph ${id} ["${title}"]`, `${indent}  direction TB`);
          writeNodes(node.children, `${indent}  `);
          lines.push(`${indent}end`);
          addClass(node.kind, id);
          break;
        }
      }
    }
  };
  writeNodes(graph.nodes, '  ');

  for (const edge of graph.edges) {
    const arrow = ARROWS[edge.kind];
    const label = edge.label === undefined ? '' : `|"${escapeLabel(labelText(edge.label))}"|`;
    lines.push(`  ${mermaidId(edge.from)} ${arrow}${label} ${mermaidId(edge.to)}`);
  }

  for (const [name, style] of Object.entries(CLASS_STYLES)) lines.push(`  classDef ${name} ${style}`);
  for (const [name, ids] of classes) lines.push(`  class ${ids.join(',')} ${name}`);
  return `${lines.join('\n')}\n`;
}

const ARROWS: Readonly<Record<EdgeKind, string>> = {
  start: '-->',
  next: '-->',
  choice: '-->',
  default: '-->',
  end: '-->',
  catch: '-.->',
};

/** The console's palette: dark markers, green Succeed, red Fail; branches and Map processors framed, not filled. */
const CLASS_STYLES = {
  marker: 'fill:#232f3e,stroke:#232f3e,color:#ffffff',
  succeed: 'fill:#e9f7ec,stroke:#1d8102',
  fail: 'fill:#fdecea,stroke:#d13212',
  missing: 'fill:#ffffff,stroke:#d13212,stroke-dasharray:4 3,color:#d13212',
  container: 'fill:#f8f8f8,stroke:#687078',
  branch: 'fill:#ffffff,stroke:#aab7b8,stroke-dasharray:4 3',
} as const;

function mermaidId(id: string): string {
  return id === 'start' || id === 'end' ? `m_${id}` : id;
}

/**
 * Text inside a quoted Mermaid label. Mermaid decodes `#name;` / `#code;` entities there, so
 * `#` itself is one; `"` would end the string; `<`, `>` and `&` would be read as HTML; `%` could
 * start a `%%` comment or directive; and a leading backtick would start a Markdown string.
 */
export function escapeLabel(text: string): string {
  return text.replace(/[#"<>&%`]/g, (character) => MERMAID_ENTITIES[character]!).replace(/\s+/g, ' ');
}

const MERMAID_ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '%': '#37;',
  '`': '#96;',
};
