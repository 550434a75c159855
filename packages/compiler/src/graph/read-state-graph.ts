import { isObject, type JsonObject } from '../validate/model.js';
import { conditionText } from './condition-text.js';
import type { EdgeKind, GraphEdge, GraphNode, MissingNode, StateGraph } from './state-graph.js';
import { stateSubtitle } from './state-subtitle.js';

/** The input is not a state machine at all (not an object, no `States`, no `StartAt`). */
export class GraphInputError extends Error {
  override readonly name = 'GraphInputError';
}

const SHAPE = 'an Amazon States Language definition looks like { "StartAt": "First", "States": { "First": { "Type": "Pass", "End": true } } }';

/**
 * Reads an ASL definition into the model every drawing is made from. It draws what is there
 * rather than judging it (`typestep validate` does that): a transition to a name that no state
 * in its scope has is drawn to a "missing" node, and an entry of `States` that is not an object
 * is not a state. Only input that is no state machine at all is refused, with a GraphInputError.
 *
 * Nodes come in flow order (breadth first from `StartAt`, then states nothing reaches), so the
 * output is the same for the same definition, and the text renderings read top to bottom.
 */
export function readStateGraph(definition: unknown): StateGraph {
  if (!isObject(definition)) throw new GraphInputError(`expected a JSON object, not ${describe(definition)}: ${SHAPE}`);
  if (!isObject(definition['States'])) {
    throw new GraphInputError(`the definition has no "States" object: ${SHAPE}. (For a SAM or CloudFormation template, graph the state machine's own definition file.)`);
  }
  if (typeof definition['StartAt'] !== 'string') throw new GraphInputError(`the definition has no "StartAt" naming the first state: ${SHAPE}`);

  const reader = new GraphReader();
  const states = reader.scope(definition, true);
  return {
    comment: typeof definition['Comment'] === 'string' ? definition['Comment'] : undefined,
    nodes: [{ kind: 'marker', id: 'start', label: 'Start' }, ...states, { kind: 'marker', id: 'end', label: 'End' }],
    edges: reader.edges,
  };
}

/** Hands out ids in reading order (s1, s2…, e1, e2…) and collects the edges of every scope. */
class GraphReader {
  readonly edges: GraphEdge[] = [];
  private nodeCount = 0;

  /** The nodes of one `States` object: the machine's, a branch's or a Map processor's. */
  scope(machine: JsonObject, topLevel: boolean): GraphNode[] {
    const states = new Map(Object.entries(isObject(machine['States']) ? machine['States'] : {}).filter((entry): entry is [string, JsonObject] => isObject(entry[1])));
    const startAt = typeof machine['StartAt'] === 'string' ? machine['StartAt'] : undefined;
    const order = flowOrder(startAt, states);
    const ids = new Map(order.map((name) => [name, this.nextNodeId()]));
    const missing = new Map<string, MissingNode>();
    const idOf = (name: string): string => {
      const id = ids.get(name) ?? missing.get(name)?.id;
      if (id !== undefined) return id;
      const node: MissingNode = { kind: 'missing', id: this.nextNodeId(), name };
      missing.set(name, node);
      return node.id;
    };

    if (topLevel && startAt !== undefined) this.edge('start', 'start', idOf(startAt));
    const nodes: GraphNode[] = [];
    for (const name of order) {
      const state = states.get(name)!;
      const id = ids.get(name)!;
      nodes.push(this.node(id, name, state));
      for (const transition of transitionsOf(state)) this.edge(transition.kind, id, idOf(transition.to), transition.label);
      if (topLevel && isTerminal(state)) this.edge('end', id, 'end');
      for (const handler of catchersOf(state)) this.edge('catch', id, idOf(handler.to), handler.label);
    }
    return [...nodes, ...missing.values()];
  }

  private node(id: string, name: string, state: JsonObject): GraphNode {
    const subtitle = stateSubtitle(state);
    if (state['Type'] === 'Parallel') {
      const branches = Array.isArray(state['Branches']) ? state['Branches'] : [];
      const children = branches.map((branch, index): GraphNode => ({
        kind: 'branch',
        id: this.nextNodeId(),
        label: `Branch ${index + 1}`,
        children: isObject(branch) ? this.scope(branch, false) : [],
      }));
      return { kind: 'container', id, name, type: 'Parallel', subtitle, children };
    }
    if (state['Type'] === 'Map') {
      const processor = state['ItemProcessor'] ?? state['Iterator'];
      return { kind: 'container', id, name, type: 'Map', subtitle, children: isObject(processor) ? this.scope(processor, false) : [] };
    }
    return { kind: 'state', id, name, type: typeof state['Type'] === 'string' ? state['Type'] : '?', subtitle };
  }

  private edge(kind: EdgeKind, from: string, to: string, label?: string): void {
    this.edges.push({ id: `e${this.edges.length + 1}`, kind, from, to, label });
  }

  private nextNodeId(): string {
    this.nodeCount += 1;
    return `s${this.nodeCount}`;
  }
}

interface Transition {
  readonly kind: EdgeKind;
  readonly to: string;
  readonly label: string | undefined;
}

/** `Next`, or a Choice's rules (each labelled with its condition) and its `Default`. */
function transitionsOf(state: JsonObject): Transition[] {
  const transitions: Transition[] = [];
  if (state['Type'] === 'Choice') {
    for (const rule of Array.isArray(state['Choices']) ? state['Choices'] : []) {
      if (isObject(rule) && typeof rule['Next'] === 'string') transitions.push({ kind: 'choice', to: rule['Next'], label: conditionText(rule) });
    }
    if (typeof state['Default'] === 'string') transitions.push({ kind: 'default', to: state['Default'], label: 'Default' });
  }
  if (typeof state['Next'] === 'string') transitions.push({ kind: 'next', to: state['Next'], label: undefined });
  return transitions;
}

/** Each `Catch` handler, labelled with the errors it catches. */
function catchersOf(state: JsonObject): Transition[] {
  const catchers = Array.isArray(state['Catch']) ? state['Catch'] : [];
  return catchers.flatMap((catcher): Transition[] => {
    if (!isObject(catcher) || typeof catcher['Next'] !== 'string') return [];
    const errors = Array.isArray(catcher['ErrorEquals']) ? catcher['ErrorEquals'].filter((e) => typeof e === 'string') : [];
    return [{ kind: 'catch', to: catcher['Next'], label: errors.length > 0 ? errors.join(', ') : 'Catch' }];
  });
}

function isTerminal(state: JsonObject): boolean {
  return state['End'] === true || state['Type'] === 'Succeed' || state['Type'] === 'Fail';
}

/** Breadth first from `StartAt` along every transition, then the states nothing reaches, in the order written. */
function flowOrder(startAt: string | undefined, states: ReadonlyMap<string, JsonObject>): string[] {
  const seen = new Set<string>();
  const queue = startAt !== undefined && states.has(startAt) ? [startAt] : [];
  for (const name of queue) {
    if (seen.has(name)) continue;
    seen.add(name);
    const state = states.get(name)!;
    for (const { to } of [...transitionsOf(state), ...catchersOf(state)]) {
      if (states.has(to) && !seen.has(to)) queue.push(to);
    }
  }
  return [...seen, ...[...states.keys()].filter((name) => !seen.has(name))];
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
