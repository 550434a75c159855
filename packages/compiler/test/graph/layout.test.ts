import { describe, expect, it } from 'vitest';
import { layoutGraph, readStateGraph, type GraphLayout, type PlacedNode } from '../../src/graph/index.js';
import type { Point, Rect } from '../../src/graph/layout.js';
import { TEXT_STYLES } from '../../src/graph/text-block.js';
import { loadTextMeasure } from '../../src/graph/text-metrics.js';
import { corpus, reference, referenceFiles } from './fixtures.js';

const EPSILON = 0.5;

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - EPSILON && inner.y >= outer.y - EPSILON && inner.x + inner.width <= outer.x + outer.width + EPSILON && inner.y + inner.height <= outer.y + outer.height + EPSILON;

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width - EPSILON && b.x < a.x + a.width - EPSILON && a.y < b.y + b.height - EPSILON && b.y < a.y + a.height - EPSILON;

const onBorder = (p: Point, r: Rect) =>
  p.x >= r.x - EPSILON &&
  p.x <= r.x + r.width + EPSILON &&
  p.y >= r.y - EPSILON &&
  p.y <= r.y + r.height + EPSILON &&
  (Math.abs(p.x - r.x) <= EPSILON || Math.abs(p.x - r.x - r.width) <= EPSILON || Math.abs(p.y - r.y) <= EPSILON || Math.abs(p.y - r.y - r.height) <= EPSILON);

const isFrame = ({ node }: PlacedNode) => node.kind === 'container' || node.kind === 'branch';

/** The checks a drawing must pass to be readable, whatever ELK decides. */
async function checkLayout(layout: GraphLayout) {
  const measure = await loadTextMeasure();
  const byId = new Map(layout.nodes.map((placed) => [placed.node.id, placed]));
  const whole = { x: 0, y: 0, width: layout.width, height: layout.height };
  const boxes = layout.nodes.filter((placed) => !isFrame(placed));

  for (const placed of layout.nodes) {
    expect(placed.box.width, placed.node.id).toBeGreaterThan(0);
    expect(placed.box.height, placed.node.id).toBeGreaterThan(0);
    expect(inside(placed.box, whole), `${placed.node.id} inside the drawing`).toBe(true);
    // Every line of text fits its box (with the metrics the layout used; Chromium checks the real fonts).
    for (const line of placed.text) {
      expect(measure(line.text, TEXT_STYLES[line.role]), `"${line.text}" fits`).toBeLessThanOrEqual(placed.box.width);
      expect(line.y).toBeGreaterThan(placed.box.y);
      expect(line.y).toBeLessThan(placed.box.y + placed.box.height);
    }
    if (placed.node.kind === 'container' || placed.node.kind === 'branch') {
      const headerBottom = Math.max(...placed.text.map((line) => line.y));
      for (const child of placed.node.children) {
        const box = byId.get(child.id)!.box;
        expect(inside(box, placed.box), `${child.id} inside ${placed.node.id}`).toBe(true);
        expect(box.y, `${child.id} below the header of ${placed.node.id}`).toBeGreaterThan(headerBottom);
      }
    }
  }
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) expect(overlap(a.box, b.box), `${a.node.id} and ${b.node.id} overlap`).toBe(false);
  }
  for (const { edge, points, label } of layout.edges) {
    expect(points.length, edge.id).toBeGreaterThanOrEqual(2);
    expect(onBorder(points[0]!, byId.get(edge.from)!.box), `${edge.id} starts on ${edge.from}`).toBe(true);
    expect(onBorder(points.at(-1)!, byId.get(edge.to)!.box), `${edge.id} ends on ${edge.to}`).toBe(true);
    expect(label === undefined).toBe(edge.label === undefined);
    if (label) {
      for (const box of boxes) expect(overlap(label.box, box.box), `label of ${edge.id} covers ${box.node.id}`).toBe(false);
    }
  }
}

describe('layoutGraph', () => {
  it.each(referenceFiles)('%s: boxes apart, children inside their frames, edges from border to border, text inside', async (file) => {
    await checkLayout(await layoutGraph(readStateGraph(reference(file))));
  });

  it('a machine with Catch edges, loops and a Parallel state passes the same checks', async () => {
    await checkLayout(await layoutGraph(readStateGraph(corpus('aws-stepfunctions-examples__sam__app-control-concurrency-with-dynamodb__statemachines__dynamodb-semaphore.json'))));
  });

  it('reads top to bottom: Start above the first state, End below the states that end, a loop drawn back up', async () => {
    const layout = await layoutGraph(readStateGraph(reference('001-1.asl.json')));
    const box = (name: string) => layout.nodes.find(({ node }) => (node.kind === 'marker' ? node.label : 'name' in node ? node.name : '') === name)!.box;
    expect(box('Start').y).toBeLessThan(box('CreateStateMachine').y);
    expect(box('CreateStateMachine').y).toBeLessThan(box('DescribeExecution').y);
    expect(box('DescribeExecution').y).toBeLessThan(box('Choice').y);
    expect(box('Choice').y).toBeLessThan(box('Wait').y);
    expect(box('DeleteStateMachine').y).toBeLessThan(box('End').y);
    // Wait → DescribeExecution goes back up.
    expect(box('Wait').y).toBeGreaterThan(box('DescribeExecution').y);
  });

  it('sets a Parallel state’s branches side by side, in order', async () => {
    const layout = await layoutGraph(readStateGraph(reference('001-2-dynamic-3-buckets.asl.json')));
    const branches = layout.nodes.filter(({ node }) => node.kind === 'branch');
    expect(branches.map(({ node }) => (node.kind === 'branch' ? node.label : ''))).toEqual(['Branch 1', 'Branch 2', 'Branch 3']);
    const [one, two, three] = branches.map(({ box }) => box);
    expect(one!.y).toBe(two!.y);
    expect(two!.y).toBe(three!.y);
    expect(one!.x + one!.width).toBeLessThan(two!.x);
    expect(two!.x + two!.width).toBeLessThan(three!.x);
  });

  it('wraps a long state name over lines instead of drawing a very wide box', async () => {
    const name = 'Publish the monthly usage report to every subscriber of the reporting topic';
    const layout = await layoutGraph(readStateGraph({ StartAt: name, States: { [name]: { Type: 'Pass', End: true } } }));
    const placed = layout.nodes.find(({ node }) => node.kind === 'state')!;
    const nameLines = placed.text.filter((line) => line.role === 'name');
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.map((line) => line.text).join(' ')).toBe(name);
    await checkLayout(layout);
  });

  it('copes with self-loops, empty branches, a Map without a processor and a missing target in a branch', async () => {
    const layout = await layoutGraph(
      readStateGraph({
        StartAt: 'Poll',
        States: {
          Poll: { Type: 'Choice', Choices: [{ Variable: '$.done', BooleanEquals: false, Next: 'Poll' }], Default: 'Fan' },
          Fan: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: {} }, {}, { StartAt: 'Y', States: { Y: { Type: 'Pass', Next: 'Gone' } } }], Next: 'Each' },
          Each: { Type: 'Map', End: true },
        },
      }),
    );
    await checkLayout(layout);
    const selfLoop = layout.edges.find(({ edge }) => edge.from === edge.to)!;
    expect(selfLoop.edge.label).toBe('$.done == false');
    expect(selfLoop.points.length).toBeGreaterThan(2);
    expect(layout.nodes.filter(({ node }) => node.kind === 'missing').map(({ node }) => node.kind === 'missing' && node.name)).toEqual(['Gone']);
  });

  it('gives the same coordinates every time', async () => {
    const graph = readStateGraph(reference('001-1.asl.json'));
    expect(await layoutGraph(graph)).toEqual(await layoutGraph(graph));
  });
});
