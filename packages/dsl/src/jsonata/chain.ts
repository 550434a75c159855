import type { ChainLike, GotoTarget, Named } from '../chain.js';
import { CHAIN, INPUT, OUTPUT, SCOPE } from '../chain-brand.js';
import { nodeOfCondition, type Condition } from '../conditions/condition.js';
import type { CatchNode } from '../ir/catch-node.js';
import { appendOp, emptyChain, type ChainNode, type ChainOp } from '../ir/chain-node.js';
import { captureSite, type CapturedSite } from '../ir/source-site.js';
import { freezeNode, type ChoiceRuleNode, type JsonataValue, type StateNode, type WaitFor } from '../ir/state-node.js';
import { gotoNode, type TransitionNode } from '../ir/transition-node.js';
import type { WorkflowNode } from '../ir/workflow-node.js';
import { isPathRef, nodeOfPath } from '../path/path.js';
import { isPlaceholder, PLACEHOLDER_NODE } from '../payload/placeholder.js';
import { retryNode } from '../states/common.js';
import { distributedFields, type DistributedOptions } from '../states/distributed.js';
import { EXPRESSION_NODE, isExpr, type Expr } from './expression.js';
import type {
  Assigned,
  ProcessorInput,
  ProcessorVars,
  ReaderItem,
  CaughtOutput,
  ItemInput,
  JsonataCatcherOptions,
  JsonataChoiceOptions,
  JsonataCommon,
  JsonataFailOptions,
  JsonataMapOptions,
  JsonataParallelOptions,
  JsonataPassOptions,
  JsonataSucceedOptions,
  JsonataTaskOptions,
  JsonataWaitOptions,
  OutputOf,
} from './options.js';
import { assertJsonataReadable, conditionPaths } from './render.js';
import { statesObject, type StatesInput } from './states-object.js';
import { toJsonataNode, toJsonataTemplate } from './value.js';

/** One Catcher of a JSONata state, as recorded. */
export interface JsonataCatchRule {
  readonly errors: readonly [string, ...string[]];
  readonly options: JsonataCatcherOptions<any, any, any, any>;
  readonly next: string | ((b: JsonataChain<any, any, any, any>) => ChainLike<unknown, object>);
}

/**
 * `(c) => [c(['States.ALL'], { output, assign }, (b) => b.task(…))]`: types each handler's input from
 * its catcher. With an `output`, jump to an existing state as `(b) => b.goto('Name')`: a bare name is
 * checked before TypeScript has read the output, against the error output.
 */
export type JsonataCatcher<In, Scope extends object, V> = <O = never, A = never>(
  errors: readonly [string, ...string[]],
  options: JsonataCatcherOptions<In, V, O, A>,
  next: GotoTarget<CaughtOutput<O>, Scope> | ((b: JsonataChain<CaughtOutput<O>, CaughtOutput<O>, Scope, Assigned<V, A>>) => ChainLike<unknown, object>),
) => JsonataCatchRule;

export type JsonataHandlers<In, Scope extends object, V> = (c: JsonataCatcher<In, Scope, V>) => readonly JsonataCatchRule[];

/** A branch: a chain starting with `In` and the variables in scope. */
type Branch<In, Scope extends object, V, Out> = (b: JsonataChain<In, In, Scope, V>) => ChainLike<Out, object>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A chain of JSONata states (`workflow(name, { queryLanguage: 'JSONata' })`, or `.jsonata()` on a
 * JSONPath chain). Like `Chain`, but each state's data flows through `arguments` / `output`, and
 * `V` holds the workflow variables assigned so far with their types, so `vars.total` is typed and
 * the compiler checks it is assigned on every path to its reader.
 */
export class JsonataChain<In, Out, Scope extends object = {}, V = {}> {
  declare readonly [INPUT]: (input: In) => void;
  declare readonly [OUTPUT]: Out;
  declare readonly [SCOPE]: Scope;
  declare readonly vars: V;
  readonly [CHAIN] = true;
  readonly node: ChainNode;
  readonly workflow: Omit<WorkflowNode, 'chain'> | undefined;

  constructor(node: ChainNode, workflow?: Omit<WorkflowNode, 'chain'>) {
    this.node = node;
    this.workflow = workflow;
    Object.freeze(this);
  }

  #append<O, S extends object, NV>(op: ChainOp): JsonataChain<In, O, S, NV> {
    return new JsonataChain(appendOp(this.node, op), this.workflow);
  }

  #state<O, S extends object, NV>(state: StateNode): JsonataChain<In, O, S, NV> {
    return this.#append({ kind: 'state', state });
  }

  /** A Task: runs `resource` with `arguments`; passes on `output` (default: the result). */
  task<const N extends string, Args = never, Result = unknown, O = never, A = never>(
    name: N,
    options: JsonataTaskOptions<Out, V, Args, Result, O, A, JsonataHandlers<Out, Named<Scope, NoInfer<N>, Out>, V>>,
  ): JsonataChain<In, OutputOf<O, Result>, Named<Scope, N, Out>, Assigned<V, A>> {
    const site = captureSite();
    const s = statesObject();
    const args = typeof options.arguments === 'function' ? (options.arguments as (s: unknown) => unknown)(s) : options.arguments;
    return this.#state(
      freezeNode({
        type: 'Task',
        name,
        site,
        queryLanguage: 'JSONata',
        comment: options.comment,
        resource: isPlaceholder(options.resource) ? options.resource[PLACEHOLDER_NODE] : options.resource,
        arguments: args === undefined ? undefined : toJsonataNode(args, `${name}: arguments`),
        credentials: options.credentials === undefined ? undefined : toJsonataTemplate(options.credentials, `${name}: credentials`),
        output: options.output ? toJsonataNode(options.output(s), `${name}: output`) : undefined,
        assign: assignNode(options.assign, s, name),
        timeoutSeconds: numberField(options.timeoutSeconds, s, `${name}: timeoutSeconds`),
        heartbeatSeconds: numberField(options.heartbeatSeconds, s, `${name}: heartbeatSeconds`),
        retry: options.retry?.map(retryNode),
        catch: this.#catchers(options.catch as never, site),
        unsafeFields: options.unsafeFields,
      }),
    );
  }

  /** A Pass: passes on its input, or `output`. */
  pass<const N extends string, O = never, A = never>(
    name: N,
    options: JsonataPassOptions<Out, V, O, A> = {},
  ): JsonataChain<In, OutputOf<O, Out>, Named<Scope, N, Out>, Assigned<V, A>> {
    const site = captureSite();
    const s = statesObject();
    const output = typeof options.output === 'function' ? (options.output as (s: unknown) => unknown)(s) : options.output;
    return this.#state(
      freezeNode({
        type: 'Pass',
        name,
        site,
        queryLanguage: 'JSONata',
        comment: options.comment,
        output: output === undefined ? undefined : toJsonataNode(output, `${name}: output`),
        assign: assignNode(options.assign, s, name),
        unsafeFields: options.unsafeFields,
      }),
    );
  }

  /** A Wait: for `seconds`, or until `timestamp` (either may be read at run time). */
  wait<const N extends string, O = never, A = never>(
    name: N,
    options: JsonataWaitOptions<Out, V, O, A>,
  ): JsonataChain<In, OutputOf<O, Out>, Named<Scope, N, Out>, Assigned<V, A>> {
    const site = captureSite();
    const s = statesObject();
    const { seconds, timestamp } = options as { seconds?: unknown; timestamp?: unknown };
    if ((seconds === undefined) === (timestamp === undefined)) throw new TypeError(`wait('${name}'): give exactly one of seconds, timestamp`);
    const waitFor: WaitFor =
      seconds !== undefined
        ? { seconds: numberField(seconds as never, s, `${name}: seconds`)! }
        : { timestamp: typeof timestamp === 'string' ? timestamp : jsonataValue((timestamp as (s: unknown) => unknown)(s), `${name}: timestamp`) };
    return this.#state(
      freezeNode({
        type: 'Wait',
        name,
        site,
        queryLanguage: 'JSONata',
        comment: options.comment,
        waitFor,
        output: options.output ? toJsonataNode(options.output(s), `${name}: output`) : undefined,
        assign: assignNode(options.assign, s, name),
        unsafeFields: options.unsafeFields,
      }),
    );
  }

  /**
   * A Choice: `(c) => c.when(({ input }) => lte(input.price, 50), (b) => …).otherwise(…)`. A rule's
   * test is a condition built with eq/lt/and/… (written as JSONata), or any `jsonata<boolean>` expression.
   * The branches converge on whatever follows the Choice.
   */
  choice<const N extends string, Built extends BuiltChoice>(
    name: N,
    build: (c: JsonataChoiceBuilder<Out, Named<Scope, N, Out>, never, {}, V>) => Built,
    options?: JsonataCommon,
  ): JsonataChain<In, ChoiceOutput<Built>, Named<Scope, N, Out> & ChoiceScope<Built>, V>;
  /**
   * With `output` (what the chosen branch receives) and `assign` (variables set whichever rule
   * matches): the options come first so that TypeScript knows them when it types the branches.
   * Rule tests read the variables from before this state; its Assign applies after.
   */
  choice<const N extends string, Built extends BuiltChoice, O = never, A = never>(
    name: N,
    options: JsonataChoiceOptions<Out, V, O, A>,
    build: (c: JsonataChoiceBuilder<Out, Named<Scope, N, Out>, never, {}, V, OutputOf<O, Out>, Assigned<V, A>>) => Built,
  ): JsonataChain<In, ChoiceOutput<Built>, Named<Scope, N, Out> & ChoiceScope<Built>, Assigned<V, A>>;
  // The implementation only has to cover both overloads: a chain with `any` variables is no supertype
  // of a typed one (`Path<any>` carries an index signature), so it is typed as the chain it is.
  choice(name: string, first: unknown, second?: unknown): ChainLike<unknown, object> {
    const [build, options] = (typeof first === 'function' ? [first, second ?? {}] : [second, first]) as [
      ((c: JsonataChoiceBuilder<any, any, never, {}, any>) => BuiltChoice) | undefined,
      JsonataChoiceOptions<any, any, any, any>,
    ];
    if (typeof build !== 'function' || typeof options !== 'object') {
      throw new TypeError(`choice('${name}'): give the rules as a callback, (c) => c.when(…)…`);
    }
    const site = captureSite();
    const s = statesObject();
    const builder = build(new JsonataChoiceBuilder([], undefined));
    builder.rules.forEach(({ condition }, index) => {
      const where = `${name}: when[${index}]`;
      if (condition.kind === 'expression' || condition.kind === 'path') assertJsonataReadable(condition, where);
      else for (const path of conditionPaths(condition)) assertJsonataReadable(path, where);
    });
    return this.#state(
      freezeNode({
        type: 'Choice',
        name,
        site,
        queryLanguage: 'JSONata',
        comment: options.comment,
        rules: builder.rules,
        otherwise: builder.otherwiseTarget,
        output: options.output ? toJsonataNode(options.output(s), `${name}: output`) : undefined,
        assign: assignNode(options.assign, s, name),
        unsafeFields: options.unsafeFields,
      }),
    );
  }

  /** A Parallel: every branch gets `arguments` (default: the input); the result is the array of their outputs. */
  parallel<const N extends string, const Results extends readonly unknown[], Args = never, O = never, A = never>(
    name: N,
    options: JsonataParallelOptions<
      Out,
      V,
      Args,
      Mutable<Results>,
      O,
      A,
      // Mapped over the results (not a constraint on the branches' type), so each branch is typed from `arguments`.
      { readonly [K in keyof Results]: Branch<ItemInput<Out, Args>, {}, V, Results[K]> },
      JsonataHandlers<Out, Named<Scope, NoInfer<N>, Out>, V>
    >,
  ): JsonataChain<In, OutputOf<O, Mutable<Results>>, Named<Scope, N, Out>, Assigned<V, A>> {
    const site = captureSite();
    const s = statesObject();
    const args = typeof options.arguments === 'function' ? (options.arguments as (s: unknown) => unknown)(s) : options.arguments;
    return this.#state(
      freezeNode({
        type: 'Parallel',
        name,
        site,
        queryLanguage: 'JSONata',
        comment: options.comment,
        arguments: args === undefined ? undefined : toJsonataNode(args, `${name}: arguments`),
        branches: options.branches.map((branch) => branchChain(branch as never)),
        output: options.output ? toJsonataNode(options.output(s), `${name}: output`) : undefined,
        assign: assignNode(options.assign, s, name),
        retry: options.retry?.map(retryNode),
        catch: this.#catchers(options.catch as never, site),
        unsafeFields: options.unsafeFields,
      }),
    );
  }

  /**
   * A Map: runs `itemProcessor` once per item of `items` (or of `distributed.itemReader`). With
   * `distributed`, each iteration is a child execution; with an ItemBatcher it gets `{ Items, BatchInput }`.
   */
  map<
    const N extends string,
    Item = Out extends readonly (infer E)[] ? E : unknown,
    Sel = never,
    ItemOut = unknown,
    O = never,
    A = never,
    const D extends DistributedOptions<any, any> | undefined = undefined,
  >(
    name: N,
    options: JsonataMapOptions<
      Out,
      V,
      ReaderItem<D, Item>,
      Sel,
      ItemOut,
      O,
      A,
      Branch<ProcessorInput<ItemInput<ReaderItem<D, Item>, Sel>, D>, {}, ProcessorVars<D, V>, ItemOut>,
      JsonataHandlers<Out, Named<Scope, NoInfer<N>, Out>, V>,
      D
    >,
  ): JsonataChain<In, OutputOf<O, ItemOut[]>, Named<Scope, N, Out>, Assigned<V, A>> {
    const site = captureSite();
    const s = statesObject();
    const items = typeof options.items === 'function' ? options.items(s as never) : options.items;
    const config = typeof options.distributed === 'function' ? options.distributed(s as never) : options.distributed;
    const distributed = config ? distributedFields(config, true, toJsonataNode, name) : undefined;
    return this.#state(
      freezeNode({
        type: 'Map',
        name,
        site,
        queryLanguage: 'JSONata',
        comment: options.comment,
        items: items === undefined ? undefined : toJsonataNode(items, `${name}: items`),
        itemSelector: options.itemSelector ? selectorNode(options.itemSelector(s as never), name) : undefined,
        maxConcurrency: numberField(options.maxConcurrency, s, `${name}: maxConcurrency`),
        processor: branchChain(options.itemProcessor as Branch<any, {}, any, any>),
        processorField: 'ItemProcessor',
        ...distributed,
        output: options.output ? toJsonataNode(options.output(s), `${name}: output`) : undefined,
        assign: assignNode(options.assign, s, name),
        retry: options.retry?.map(retryNode),
        catch: this.#catchers(options.catch as never, site),
        unsafeFields: options.unsafeFields,
      }),
    );
  }

  /** A Succeed state: the execution (or branch) ends successfully, passing on `output` (default: its input). */
  succeed<const N extends string, O = never>(name: N, options: JsonataSucceedOptions<Out, V, O> = {}): JsonataChain<In, never, Named<Scope, N, Out>, V> {
    const site = captureSite();
    const s = statesObject();
    return this.#state(
      freezeNode({
        type: 'Succeed',
        name,
        site,
        queryLanguage: 'JSONata',
        comment: options.comment,
        output: options.output ? toJsonataNode(options.output(s), `${name}: output`) : undefined,
        unsafeFields: options.unsafeFields,
      }),
    );
  }

  /** A Fail state: the execution (or branch) fails with `error` and `cause` (either may be read at run time). */
  fail<const N extends string>(name: N, options: JsonataFailOptions<Out, V> = {}): JsonataChain<In, never, Named<Scope, N, Out>, V> {
    const site = captureSite();
    const s = statesObject();
    const text = (value: JsonataFailOptions<Out, V>['error'], field: string) =>
      value === undefined || typeof value === 'string' ? value : jsonataValue(value(s as never), `${name}: ${field}`);
    return this.#state(
      freezeNode({
        type: 'Fail',
        name,
        site,
        queryLanguage: 'JSONata',
        comment: options.comment,
        error: text(options.error, 'error'),
        cause: text(options.cause, 'cause'),
        unsafeFields: options.unsafeFields,
      }),
    );
  }

  /** Appends a reusable JSONata fragment (`jsonataFragment()`). */
  next<FragmentOut, FragmentScope extends object, FV>(
    fragment: JsonataChain<Out, FragmentOut, FragmentScope, FV>,
  ): JsonataChain<In, FragmentOut, Scope & FragmentScope, V & FV> {
    return this.#append({ kind: 'fragment', chain: fragment.node });
  }

  /** Jumps to a state declared earlier (a loop). Only names whose input accepts this data are allowed. */
  goto(target: GotoTarget<Out, Scope>): JsonataChain<In, never, Scope, V> {
    return this.#append(gotoNode(target, captureSite()));
  }

  /** Escape hatch: jumps to a state by a name the type system cannot see. The compiler still checks it exists. */
  unsafeGoto(target: string): JsonataChain<In, never, Scope, V> {
    return this.#append(gotoNode(target, captureSite()));
  }

  /** Ends the open ends here (`"End": true`). */
  end(): JsonataChain<In, never, Scope, V> {
    return this.#append({ kind: 'end', site: captureSite() });
  }

  #catchers(option: JsonataHandlers<any, any, any> | undefined, site: CapturedSite): readonly CatchNode[] | undefined {
    if (option === undefined) return undefined;
    const catcher: JsonataCatcher<any, any, any> = (errors, options, next) => ({ errors, options, next: next as JsonataCatchRule['next'] });
    const s = statesObject();
    return Object.freeze(
      option(catcher).map((rule): CatchNode =>
        freezeNode({
          errorEquals: Object.freeze([...rule.errors]),
          comment: rule.options.comment,
          output: rule.options.output ? toJsonataNode(rule.options.output(s), 'catch: output') : undefined,
          assign: assignNode(rule.options.assign, s, 'catch'),
          handler: typeof rule.next === 'string' ? gotoNode(rule.next, site) : branchChain(rule.next),
        }),
      ),
    );
  }
}

/** What a choice callback returns, read through its brands (a builder's `any` form would not match its typed tests). */
interface BuiltChoice {
  readonly [OUTPUT]: unknown;
  readonly [SCOPE]: object;
  readonly rules: readonly ChoiceRuleNode[];
  readonly otherwiseTarget: TransitionNode | undefined;
}
type ChoiceOutput<B> = B extends { readonly [OUTPUT]: infer Out } ? Out : never;
type ChoiceScope<B> = B extends { readonly [SCOPE]: infer S extends object } ? S : {};

/** A rule's test: a condition (eq/lt/and/…) on the typed input, or a boolean JSONata expression. */
export type JsonataTest<In, V> = (s: StatesInput<In, V>) => Condition | Expr<boolean> | import('../path/path.js').PathRef<boolean>;

/**
 * Builds a JSONata Choice's rules. Tests read the variables `V` from before the Choice; the chosen
 * branch receives the Choice's output (`Passed`, default: its input) and variables `BranchV` (with
 * the Choice's own Assign).
 */
export class JsonataChoiceBuilder<In, Scope extends object, Out, BranchNames extends object, V, Passed = In, BranchV = V> {
  declare readonly [OUTPUT]: Out;
  declare readonly [SCOPE]: BranchNames;
  readonly rules: readonly ChoiceRuleNode[];
  readonly otherwiseTarget: TransitionNode | undefined;

  constructor(rules: readonly ChoiceRuleNode[], otherwise: TransitionNode | undefined) {
    this.rules = rules;
    this.otherwiseTarget = otherwise;
    Object.freeze(this);
  }

  /** A rule: when `test` holds, go to `target` (an existing state's name, or a new branch). */
  when<BranchOut = never, BranchScope extends object = {}>(
    test: JsonataTest<In, V>,
    target: GotoTarget<Passed, Scope> | ((b: JsonataChain<Passed, Passed, Scope, BranchV>) => ChainLike<BranchOut, BranchScope>),
    comment?: string,
  ): JsonataChoiceBuilder<In, Scope, Out | BranchOut, BranchNames & BranchScope, V, Passed, BranchV> {
    const value = test(statesObject() as never);
    const condition = isExpr(value) ? value[EXPRESSION_NODE] : isPathRef(value) ? nodeOfPath(value) : nodeOfCondition(value);
    const site = captureSite();
    const rule: ChoiceRuleNode = Object.freeze({ condition, target: transition(target as never, site), ...(comment !== undefined && { comment }) });
    return new JsonataChoiceBuilder([...this.rules, rule], this.otherwiseTarget);
  }

  /** The Default: where to go when no rule matches (without it, States.NoChoiceMatched). */
  otherwise<BranchOut = never, BranchScope extends object = {}>(
    target: GotoTarget<Passed, Scope> | ((b: JsonataChain<Passed, Passed, Scope, BranchV>) => ChainLike<BranchOut, BranchScope>),
  ): JsonataChoiceBuilder<In, Scope, Out | BranchOut, BranchNames & BranchScope, V, Passed, BranchV> {
    return new JsonataChoiceBuilder(this.rules, transition(target as never, captureSite()));
  }
}

function transition(target: string | ((b: JsonataChain<any, any, any, any>) => ChainLike<unknown, object>), site: CapturedSite): TransitionNode {
  return typeof target === 'string' ? gotoNode(target, site) : branchChain(target);
}

/** Runs a branch callback on an empty JSONata chain and returns what it recorded. */
function branchChain(build: (b: JsonataChain<any, any, any, any>) => ChainLike<unknown, object>): ChainNode {
  const built = build(new JsonataChain(emptyChain));
  if (!(built instanceof JsonataChain)) throw new TypeError('a branch callback must return the chain it was given, extended');
  return built.node;
}

function assignNode(assign: ((s: any) => unknown) | undefined, s: unknown, name: string) {
  return assign ? toJsonataTemplate(assign(s), `${name}: assign`) : undefined;
}

/** A number given as a number, or a callback returning a path / expression. */
function numberField(value: number | ((s: any) => unknown) | undefined, s: unknown, where: string): number | JsonataValue | undefined {
  if (value === undefined || typeof value === 'number') return value;
  return jsonataValue(value(s), where);
}

function jsonataValue(value: unknown, where: string): JsonataValue {
  if (isExpr(value) || isPathRef(value)) {
    const node = isExpr(value) ? value[EXPRESSION_NODE] : nodeOfPath(value);
    assertJsonataReadable(node, where);
    return node;
  }
  throw new TypeError(`${where}: expected a typed path or a jsonata\`…\` expression`);
}

/** ItemSelector: an object (with paths / expressions inside), or one expression. */
function selectorNode(value: unknown, name: string) {
  if (isExpr(value) || isPathRef(value)) return jsonataValue(value, `${name}: itemSelector`);
  return toJsonataTemplate(value, `${name}: itemSelector`);
}

/** Starts a reusable JSONata chain with no workflow of its own (attach with `.next(fragment)`). */
export function jsonataFragment<Input = unknown, V = {}>(): JsonataChain<Input, Input, {}, V> {
  return new JsonataChain(emptyChain);
}

