import jsonata from 'jsonata';
import type { Model } from '../model.js';
import { PLACEHOLDER } from '../placeholders.js';
import { JSONATA_FUNCTIONS, UNAVAILABLE_FUNCTIONS } from './functions.js';

/**
 * Parses the body of a `{% … %}` string with the `jsonata` package and walks its syntax tree
 * once, collecting what the validator's rules ask about. `expressionAnalysis` remembers the
 * results for one definition, so that the rules that read an expression parse it only once.
 *
 * Step Functions evaluates an expression with no context value: the state input is
 * `$states.input`, the Context Object `$states.context`, variables `$name`. So AWS refuses an
 * expression that reads the context at its top level — a bare field name, `$`, `*` — and `$$`
 * anywhere. Only the first step of a path is read against that context: later steps,
 * predicates, sort terms and groupings read the values before them, and may use bare names.
 * A lambda's body keeps the context it was defined in. (Measured against AWS's
 * ValidateStateMachineDefinition by floci-io/floci, issues #2670 and #2745.)
 */
export type ExpressionAnalysis =
  | { readonly ok: true; readonly facts: ExpressionFacts }
  | { readonly ok: false; readonly message: string; readonly position: number | undefined };

export interface ExpressionFacts {
  /** Workflow variables read (`$name`: neither `$states`, a function, nor bound in the expression). */
  readonly variables: readonly string[];
  /**
   * Function names used as values (`$count`, not `$count(…)`): a variable when the workflow
   * assigns one of that name (variables shadow functions), else the function itself.
   */
  readonly functionValues: readonly string[];
  /** Fields of `$states` read: `input`, `context`, `result`, `errorOutput` (or a misspelt one). */
  readonly statesFields: readonly string[];
  /** What the expression reads from the (absent) context at its top level: `phone`, `$`, `*`, `**`, `%`. */
  readonly contextReads: readonly string[];
  /** Whether `$$` occurs. */
  readonly usesRoot: boolean;
  /** JSONPath intrinsic functions written as if they were JSONata (`States.Format`). */
  readonly intrinsics: readonly string[];
  /** JSONata functions Step Functions leaves out (`eval`). */
  readonly unavailable: readonly string[];
}

/** A node of jsonata's syntax tree (the package's own type leaves out most fields). */
interface Node {
  readonly type: string;
  readonly value?: unknown;
  readonly steps?: readonly Node[];
  /** Filters of a path step (`stages`) or of any other expression (`predicate`): `{ type: 'filter', expr }`. */
  readonly stages?: readonly Node[];
  readonly predicate?: readonly Node[];
  readonly expr?: Node;
  readonly group?: { readonly lhs: readonly (readonly [Node, Node])[] };
  readonly focus?: string;
  readonly index?: string;
  readonly terms?: readonly { readonly expression: Node }[];
  readonly expressions?: readonly Node[];
  readonly expression?: Node;
  readonly arguments?: readonly Node[];
  readonly procedure?: Node;
  readonly body?: Node;
  readonly lhs?: Node | readonly (readonly [Node, Node])[];
  readonly rhs?: Node;
  readonly condition?: Node;
  readonly then?: Node;
  readonly else?: Node;
  readonly pattern?: Node;
  readonly update?: Node;
  readonly delete?: Node;
}

/** What `${Name}` placeholders become before parsing: a variable, valid wherever a value or step is. */
const PLACEHOLDER_VARIABLE = '__typestep_placeholder';

/** Analyses by expression text, per definition (its Model): kept as long as the definition is validated. */
const analyses = new WeakMap<Model, Map<string, ExpressionAnalysis>>();

/** The analysis of an expression of `model`'s definition, computed once per text. */
export function expressionAnalysis(model: Model, body: string): ExpressionAnalysis {
  let known = analyses.get(model);
  if (!known) analyses.set(model, (known = new Map()));
  let analysis = known.get(body);
  if (!analysis) known.set(body, (analysis = analyzeExpression(body)));
  return analysis;
}

/**
 * `$states.input.order.id`, `$total`, `$item.price`: the common case, read without the parser
 * (jsonata's parser takes tens of microseconds per expression; a 10,000-state machine has many).
 */
const SIMPLE_PATH = /^\s*\$([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)\s*$/;

export function analyzeExpression(body: string): ExpressionAnalysis {
  const simple = SIMPLE_PATH.exec(body);
  if (simple) return { ok: true, facts: simplePath(simple[1]!, simple[2]!) };
  const text = body.includes('${') ? body.replace(PLACEHOLDER, `$${PLACEHOLDER_VARIABLE}`) : body;
  let ast: Node;
  try {
    ast = jsonata(text).ast() as unknown as Node;
  } catch (error) {
    const { message, position } = error as { message?: string; position?: number };
    return { ok: false, message: message ?? String(error), position };
  }
  return { ok: true, facts: new Walker(ast).facts() };
}

function simplePath(variable: string, rest: string): ExpressionFacts {
  const field = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(rest)?.[1];
  const isStates = variable === 'states';
  const isFunction = !isStates && JSONATA_FUNCTIONS.has(variable);
  return {
    variables: isStates || isFunction || Object.hasOwn(UNAVAILABLE_FUNCTIONS, variable) ? [] : [variable],
    functionValues: isFunction ? [variable] : [],
    statesFields: isStates && field !== undefined ? [field] : [],
    contextReads: [],
    usesRoot: false,
    intrinsics: [],
    unavailable: Object.hasOwn(UNAVAILABLE_FUNCTIONS, variable) ? [variable] : [],
  };
}

class Walker {
  readonly #bound = new Set<string>([PLACEHOLDER_VARIABLE]);
  readonly #variables = new Set<string>();
  readonly #functionValues = new Set<string>();
  readonly #statesFields = new Set<string>();
  readonly #contextReads = new Set<string>();
  readonly #intrinsics = new Set<string>();
  readonly #unavailable = new Set<string>();
  #usesRoot = false;

  constructor(readonly ast: Node) {
    collectBindings(ast, this.#bound);
  }

  facts(): ExpressionFacts {
    this.#node(this.ast, true);
    return {
      variables: [...this.#variables],
      functionValues: [...this.#functionValues],
      statesFields: [...this.#statesFields],
      contextReads: [...this.#contextReads],
      usesRoot: this.#usesRoot,
      intrinsics: [...this.#intrinsics],
      unavailable: [...this.#unavailable],
    };
  }

  /** `top`: whether the node is evaluated against the expression's (absent) top-level context. */
  #node(node: Node | undefined, top: boolean): void {
    if (!node || typeof node !== 'object') return;
    switch (node.type) {
      case 'path':
        this.#path(node, top);
        break;
      case 'name':
      case 'wildcard':
      case 'descendant':
      case 'parent':
        if (top) this.#contextReads.add(contextName(node));
        break;
      case 'variable':
        this.#variable(String(node.value), top);
        break;
      case 'function':
      case 'partial':
        this.#call(node, top);
        break;
      case 'lambda':
        this.#node(node.body, top);
        break;
      case 'unary':
        if (node.value === '{') this.#pairs(node.lhs as readonly (readonly [Node, Node])[], top);
        else if (node.value === '[') node.expressions?.forEach((item) => this.#node(item, top));
        else this.#node(node.expression, top);
        break;
      case 'transform':
        // `| pattern | update, delete |` is a function applied to a value later: relative to it.
        this.#node(node.pattern, false);
        this.#node(node.update, false);
        this.#node(node.delete, false);
        break;
      case 'sort':
        node.terms?.forEach((term) => this.#node(term.expression, false));
        break;
      default:
        // binary, apply, condition, block, bind: their parts share the node's context.
        this.#node(node.lhs as Node | undefined, top);
        this.#node(node.rhs, top);
        this.#node(node.condition, top);
        this.#node(node.then, top);
        this.#node(node.else, top);
        node.expressions?.forEach((expression) => this.#node(expression, top));
    }
    // Filters and groupings read each value the node produces.
    for (const filter of [...(node.stages ?? []), ...(node.predicate ?? [])]) this.#node(filter.expr, false);
    if (node.group) this.#pairs(node.group.lhs, false);
  }

  #path(path: Node, top: boolean): void {
    const steps = path.steps ?? [];
    const [first, second] = steps;
    if (first?.type === 'name' && first.value === 'States' && second?.type === 'function') {
      const procedure = second.procedure?.steps?.[0];
      if (procedure?.type === 'name') {
        this.#intrinsics.add(`States.${String(procedure.value)}`);
        second.arguments?.forEach((argument) => this.#node(argument, top));
        steps.slice(2).forEach((step) => this.#node(step, false));
        return;
      }
    }
    if (first?.type === 'variable' && first.value === 'states' && second?.type === 'name') this.#statesFields.add(String(second.value));
    steps.forEach((step, index) => this.#node(step, top && index === 0));
    if (path.group) this.#pairs(path.group.lhs, false);
  }

  #variable(name: string, top: boolean): void {
    if (name === '') {
      if (top) this.#contextReads.add('$');
    } else if (name === '$') {
      this.#usesRoot = true;
    } else if (name !== 'states' && !this.#bound.has(name)) {
      if (JSONATA_FUNCTIONS.has(name)) this.#functionValues.add(name);
      else if (Object.hasOwn(UNAVAILABLE_FUNCTIONS, name)) this.#unavailable.add(name);
      else this.#variables.add(name);
    }
  }

  #call(call: Node, top: boolean): void {
    const procedure = call.procedure;
    if (procedure?.type === 'variable') {
      // A called `$name` is a function (a variable holds JSON, never a function): not a variable read.
      const name = String(procedure.value);
      if (Object.hasOwn(UNAVAILABLE_FUNCTIONS, name) && !this.#bound.has(name)) this.#unavailable.add(name);
    } else {
      this.#node(procedure, top);
    }
    call.arguments?.forEach((argument) => this.#node(argument, top));
  }

  #pairs(pairs: readonly (readonly [Node, Node])[] | undefined, top: boolean): void {
    for (const [key, value] of pairs ?? []) {
      this.#node(key, top);
      this.#node(value, top);
    }
  }
}

function contextName(node: Node): string {
  switch (node.type) {
    case 'wildcard':
      return '*';
    case 'descendant':
      return '**';
    case 'parent':
      return '%';
    default:
      return String(node.value);
  }
}

/** Names the expression binds itself: `$x := …`, lambda parameters, `@$item` and `#$index`. */
function collectBindings(node: unknown, bound: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectBindings(item, bound);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const current = node as Node;
  if (current.type === 'bind' && current.lhs && !Array.isArray(current.lhs)) bound.add(String((current.lhs as Node).value));
  if (current.type === 'lambda') current.arguments?.forEach((parameter) => bound.add(String(parameter.value)));
  if (typeof current.focus === 'string') bound.add(current.focus);
  if (typeof current.index === 'string') bound.add(current.index);
  for (const key in current) {
    if (key !== 'value') collectBindings((current as unknown as Record<string, unknown>)[key], bound);
  }
}
