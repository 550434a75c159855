import { describe, expect, it } from 'vitest';
import { readStateGraph, renderGraph } from '../../src/graph/index.js';
import { allNodes } from '../../src/graph/state-graph.js';
import { escapeXml } from '../../src/graph/svg.js';
import { corpus, corpusFiles, stateNames } from './fixtures.js';

describe('the real-world corpus (shared/corpus), drawn', () => {
  it('has all 182 definitions', () => {
    expect(corpusFiles).toHaveLength(182);
  });

  // Every file, the invalid ones included: the drawing shows what is there.
  it.each(corpusFiles)('%s renders as Mermaid and as a page, with every state on it', async (file) => {
    const definition = corpus(file);
    const names = stateNames(definition);
    const mermaid = await renderGraph(definition, 'mermaid', { title: file });
    const html = await renderGraph(definition, 'html', { title: file });
    expect(mermaid.startsWith('flowchart TD\n')).toBe(true);
    for (const name of names) expect(html).toContain(`data-state="${escapeXml(name)}"`);
    const graph = readStateGraph(definition);
    // One node per state, whatever the nesting.
    expect([...allNodes(graph.nodes)].filter((n) => n.kind === 'state' || n.kind === 'container')).toHaveLength(names.length);
    // One Mermaid node or subgraph per state, plus the markers and the branches.
    const declared = mermaid.split('\n').filter((line) => /^\s+(s\d+[({[]|m_(start|end)\(|subgraph )/.test(line));
    expect(declared).toHaveLength([...allNodes(graph.nodes)].length);
  });

  it('the one definition with a non-state in "States" draws the four real states', () => {
    const file = 'step-functions-workflows-collection__shared-fallback-state-jsonata__statemachine__statemachine.json';
    const graph = readStateGraph(corpus(file));
    expect(graph.nodes.map((n) => (n.kind === 'marker' ? n.label : 'name' in n ? n.name : n.kind))).toEqual([
      'Start',
      'FirstLambdaState',
      'SecondLambdaState',
      'FallbackState',
      'ThirdLambdaState',
      'End',
    ]);
    expect(graph.edges.filter((e) => e.kind === 'catch')).toHaveLength(3);
  });
});
