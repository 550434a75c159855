import { describe, expect, it } from 'vitest';
import { GraphInputError, readStateGraph, type GraphNode, type StateGraph } from '../../src/graph/index.js';
import { allNodes } from '../../src/graph/state-graph.js';
import { corpus, reference, referenceFiles, stateNames } from './fixtures.js';

/** The edges as `[kind, from, to, label]` with names instead of ids (`Start`/`End` for the markers). */
function edgesByName(graph: StateGraph) {
  const names = new Map([...allNodes(graph.nodes)].map((node) => [node.id, nameOf(node)]));
  return graph.edges.map((edge) => [edge.kind, names.get(edge.from), names.get(edge.to), edge.label]);
}

function nameOf(node: GraphNode): string {
  if (node.kind === 'marker') return node.label;
  if (node.kind === 'branch') return node.label;
  return node.name;
}

function findNode(graph: StateGraph, name: string): GraphNode {
  const node = [...allNodes(graph.nodes)].find((n) => nameOf(n) === name);
  if (!node) throw new Error(`no node ${name}`);
  return node;
}

describe('readStateGraph', () => {
  it.each(referenceFiles)('%s: one node per state, every id unique, every edge between known nodes', (file) => {
    const definition = reference(file);
    const graph = readStateGraph(definition);
    const nodes = [...allNodes(graph.nodes)];
    const drawnStates = nodes.filter((n) => n.kind === 'state' || n.kind === 'container').map(nameOf);
    expect(drawnStates.sort()).toEqual(stateNames(definition).sort());
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const edge of graph.edges) {
      expect(ids).toContain(edge.from);
      expect(ids).toContain(edge.to);
    }
    expect(nodes.filter((n) => n.kind === 'missing')).toEqual([]);
    expect(graph.nodes[0]).toEqual({ kind: 'marker', id: 'start', label: 'Start' });
    expect(graph.nodes.at(-1)).toEqual({ kind: 'marker', id: 'end', label: 'End' });
  });

  it('002 (stock trader): the Choice edge carries its condition, the Default edge says so, both branches meet again', () => {
    const graph = readStateGraph(reference('002-1.asl.json'));
    expect(edgesByName(graph)).toEqual([
      ['start', 'Start', 'Check Stock Value', undefined],
      ['next', 'Check Stock Value', 'Buy or Sell?', undefined],
      ['choice', 'Buy or Sell?', 'Buy Stock', '$.stock_price <= 50'],
      ['default', 'Buy or Sell?', 'Sell Stock', 'Default'],
      ['next', 'Buy Stock', 'Record Transaction', undefined],
      ['next', 'Sell Stock', 'Record Transaction', undefined],
      ['end', 'Record Transaction', 'End', undefined],
    ]);
    // Flow order, not the order written (Sell Stock is written before Buy Stock).
    expect(graph.nodes.map(nameOf)).toEqual(['Start', 'Check Stock Value', 'Buy or Sell?', 'Buy Stock', 'Sell Stock', 'Record Transaction', 'End']);
    expect(findNode(graph, 'Check Stock Value')).toMatchObject({ kind: 'state', type: 'Task', subtitle: 'Task · ${StockCheckerFunctionArn}' });
  });

  it('001 (controller): the poll loop goes back up, and the Choice has two rules and a Default', () => {
    const edges = edgesByName(readStateGraph(reference('001-1.asl.json')));
    expect(edges).toContainEqual(['next', 'Wait', 'DescribeExecution', undefined]);
    expect(edges.filter(([kind]) => kind === 'choice' || kind === 'default')).toEqual([
      ['choice', 'Choice', 'DeleteStateMachine', '$.status == "SUCCEEDED"'],
      ['choice', 'Choice', 'Wait', '$.status == "RUNNING"'],
      ['default', 'Choice', 'Error', 'Default'],
    ]);
  });

  it('001 (3 buckets): a Parallel state is a container of numbered branches, each with its own flow', () => {
    const graph = readStateGraph(reference('001-2-dynamic-3-buckets.asl.json'));
    const parallel = findNode(graph, 'Parallel');
    expect(parallel).toMatchObject({ kind: 'container', type: 'Parallel' });
    if (parallel.kind !== 'container') throw new Error('not a container');
    expect(parallel.children.map((b) => (b.kind === 'branch' ? [b.label, b.children.map(nameOf)] : b.kind))).toEqual([
      ['Branch 1', ['ListObject0', 'PutDynamoDB0']],
      ['Branch 2', ['ListObject1', 'PutDynamoDB1']],
      ['Branch 3', ['ListObject2', 'PutDynamoDB2']],
    ]);
    const edges = edgesByName(graph);
    expect(edges).toContainEqual(['next', 'ListObject1', 'PutDynamoDB1', undefined]);
    expect(edges).toContainEqual(['next', 'Parallel', 'CreateMessage', undefined]);
    // The branches end inside the Parallel state: no edge from them to the End marker.
    expect(edges.filter(([kind]) => kind === 'end')).toEqual([['end', 'Publish', 'End', undefined]]);
  });

  it('003 (Map with the older Iterator): the processor states are inside the Map container', () => {
    const graph = readStateGraph(reference('003-3.asl.json'));
    const map = findNode(graph, 'Map');
    expect(map).toMatchObject({ kind: 'container', type: 'Map', subtitle: 'Map' });
    if (map.kind !== 'container') throw new Error('not a container');
    expect(map.children.map(nameOf)).toEqual(['Lambda TEST001', 'Wait']);
    expect(edgesByName(graph)).toContainEqual(['next', 'Lambda TEST001', 'Wait', undefined]);
    expect(findNode(graph, 'Wait')).toMatchObject({ subtitle: 'Wait · 5 s' });
  });

  it('003 (RunCommand poll): a Fail state leads to End, like the console draws it', () => {
    const edges = edgesByName(readStateGraph(reference('003-4.asl.json')));
    expect(edges).toContainEqual(['end', 'Fail', 'End', undefined]);
    expect(edges).toContainEqual(['choice', 'Choice', 'Wait', expect.stringContaining('$.com_status')]);
  });

  it('draws Catch handlers as catch edges labelled with their errors, inside a branch too', () => {
    const graph = readStateGraph(corpus('aws-stepfunctions-examples__sam__app-control-concurrency-with-dynamodb__statemachines__dynamodb-semaphore.json'));
    const catches = edgesByName(graph).filter(([kind]) => kind === 'catch');
    expect(catches).toEqual(
      expect.arrayContaining([
        ['catch', 'Acquire Lock', 'Initialize Lock Item', 'DynamoDB.AmazonDynamoDBException'],
        ['catch', 'Acquire Lock', 'Get Current Lock Record', 'DynamoDB.ConditionalCheckFailedException'],
        ['catch', 'Initialize Lock Item', 'Acquire Lock', 'States.ALL'],
      ]),
    );
  });

  it('labels JSONata Choice rules with their Condition', () => {
    const graph = readStateGraph(corpus('aws-stepfunctions-examples__sam__app-meeting-summarization__statemachines__transcribe_file.json'));
    const choices = edgesByName(graph).filter(([kind]) => kind === 'choice' || kind === 'default');
    expect(choices).toEqual([
      ['choice', 'Is Job Completed?', 'Write Transcription Job Summary', "$states.input.TranscriptionJob.TranscriptionJobStatus = 'COMPLETED'"],
      ['choice', 'Is Job Completed?', 'Transcription Failed', "$states.input.TranscriptionJob.TranscriptionJobStatus = 'FAILED'"],
      ['default', 'Is Job Completed?', 'Wait', 'Default'],
    ]);
  });

  it('draws a transition to a name no state has as a "missing" node in that scope, once', () => {
    const graph = readStateGraph({
      StartAt: 'A',
      States: {
        A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsNull: true, Next: 'Nowhere' }], Default: 'Nowhere' },
        'Not a state': 'just a string',
      },
    });
    expect(graph.nodes.map((n) => [n.kind, nameOf(n)])).toEqual([
      ['marker', 'Start'],
      ['state', 'A'],
      ['missing', 'Nowhere'],
      ['marker', 'End'],
    ]);
    expect(edgesByName(graph)).toEqual([
      ['start', 'Start', 'A', undefined],
      ['choice', 'A', 'Nowhere', '$.x is null'],
      ['default', 'A', 'Nowhere', 'Default'],
    ]);
  });

  it('draws states nothing reaches too, after the reachable ones', () => {
    const graph = readStateGraph({ StartAt: 'A', States: { Orphan: { Type: 'Pass', End: true }, A: { Type: 'Succeed' } } });
    expect(graph.nodes.map(nameOf)).toEqual(['Start', 'A', 'Orphan', 'End']);
  });

  it('gives the same model, ids included, for the same definition', () => {
    const definition = reference('001-2-dynamic-3-buckets.asl.json');
    expect(readStateGraph(definition)).toEqual(readStateGraph(structuredClone(definition)));
  });

  it.each([
    [[], /expected a JSON object, not an array/],
    ['{}', /expected a JSON object, not a string/],
    [{ StartAt: 'A' }, /no "States" object.*"StartAt": "First"/],
    [{ Resources: {} }, /no "States" object.*SAM or CloudFormation template/],
    [{ States: {} }, /no "StartAt" naming the first state/],
  ])('refuses %j, which is no state machine, saying what one looks like', (input, message) => {
    expect(() => readStateGraph(input)).toThrow(GraphInputError);
    expect(() => readStateGraph(input)).toThrow(message);
  });
});
