import { nodeOfCondition, type Condition } from './conditions/condition.js';
import { appendOp, emptyChain, type ChainNode, type ChainOp } from './ir/chain-node.js';
import type { ChoiceRuleNode, StateNode } from './ir/state-node.js';
import { captureSite, type CapturedSite } from './ir/source-site.js';
import { gotoNode, type TransitionNode } from './ir/transition-node.js';
import type { WorkflowNode } from './ir/workflow-node.js';
import { contextPath, type Context } from './path/context-object.js';
import { rootPath, type Path } from './path/path.js';
import type { ApplyResultPath, ResultPathSpec } from './path/result-path.js';
import type { Template } from './payload/template.js';
import type { Selection } from './states/common.js';
import { JsonataChain } from './jsonata/chain.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
import type { BranchBuilder } from './states/builder-kit.js';
import { choiceNode, type ChoiceOptions } from './states/choice.js';
import type { CommonOptions } from './states/common.js';
import { failNode, type FailOptions } from './states/fail.js';
import { mapNode, type MapItemInput, type MapOptions } from './states/map.js';
import { parallelNode, type ParallelOptions } from './states/parallel.js';
import { passNode, type PassOptions, type PassResult } from './states/pass.js';
import { succeedNode, type SucceedOptions } from './states/succeed.js';
import { taskNode, type TaskOptions } from './states/task.js';
import { waitNode, type WaitOptions } from './states/wait.js';

import { CHAIN, INPUT, OUTPUT, SCOPE } from './chain-brand.js';
export { CHAIN, INPUT, OUTPUT, SCOPE };

/** What a branch callback must hand back: a chain, seen only through its output and scope. */
export interface ChainLike<out Out, out Scope extends object> {
  readonly node: ChainNode;
  readonly [OUTPUT]: Out;
  readonly [SCOPE]: Scope;
}

/** A state name added to the scope, with the type of the data that enters it. */
export type Named<Scope extends object, N extends string, In> = Scope & { readonly [K in N]: In };

declare const UNSAFE_TARGET: unique symbol;

/** A state name the type system does not check (see `unsafeTarget`). */
export type UnsafeTarget = string & { readonly [UNSAFE_TARGET]: true };

/**
 * Escape hatch: a Choice or Catch target named by a state the type system cannot see yet (declared
 * later in the chain, or built at run time). The compiler still reports a name that does not exist.
 */
export const unsafeTarget = (name: string): UnsafeTarget => name as UnsafeTarget;

/** The names of states in scope whose input accepts `Out`: where `goto` may jump. */
export type GotoTarget<Out, Scope extends object> =
  | ({
      [K in keyof Scope]: [Out] extends [Scope[K]] ? K : never;
    }[keyof Scope] &
      string)
  | UnsafeTarget;

/**
 * An immutable sequence of states. `In` is the data entering the chain, `Out` the data leaving
 * its open ends (where the next state attaches), `Scope` the states declared so far by name.
 * Every method returns a new chain and only records intent; the compiler turns it into ASL.
 */
export class Chain<In, Out, Scope extends object = {}> {
  declare readonly [INPUT]: (input: In) => void;
  declare readonly [OUTPUT]: Out;
  declare readonly [SCOPE]: Scope;
  readonly [CHAIN] = true;

  /** The recorded operations (IR). */
  readonly node: ChainNode;
  /** Set on chains started by `workflow()`: the state machine's name and top-level fields. */
  readonly workflow: Omit<WorkflowNode, 'chain'> | undefined;

  constructor(node: ChainNode, workflow?: Omit<WorkflowNode, 'chain'>) {
    this.node = node;
    this.workflow = workflow;
    Object.freeze(this);
  }

  #append<NewOut, NewScope extends object>(op: ChainOp): Chain<In, NewOut, NewScope> {
    return new Chain(appendOp(this.node, op), this.workflow);
  }

  #state<NewOut, NewScope extends object>(state: StateNode): Chain<In, NewOut, NewScope> {
    return this.#append({ kind: 'state', state });
  }

  /** A Task: runs `resource` (a Lambda ARN, a service integration, an activity). */
  task<
    const N extends string,
    Selected = Out,
    Params extends Template = never,
    Result = unknown,
    Selector extends Template = never,
    const RP extends ResultPathSpec = '$',
    TaskOut = ApplyResultPath<Out, RP, Selection<Result, Selector>>,
  >(
    name: N,
    options: TaskOptions<Out, Selected, Params, Result, Selector, RP, TaskOut, Named<Scope, NoInfer<N>, Out>>,
  ): Chain<In, TaskOut, Named<Scope, N, Out>> {
    const site = captureSite();
    const handlers = this.#handlers(site);
    return this.#state(taskNode(name, site, options as unknown as Parameters<typeof taskNode>[2], anyRoot(), contextPath(), handlers));
  }

  /** A Pass: passes its input on, or a fixed `result`, or a `parameters` template. */
  pass<
    const N extends string,
    Selected = Out,
    Params extends Template = never,
    Result = never,
    const RP extends ResultPathSpec = '$',
    PassOut = ApplyResultPath<Out, RP, PassResult<Selected, Params, Result>>,
  >(name: N, options: PassOptions<Out, Selected, Params, Result, RP, PassOut> = {}): Chain<In, PassOut, Named<Scope, N, Out>> {
    return this.#state(passNode(name, captureSite(), options, anyRoot(), contextPath()));
  }

  /** A Wait: for `seconds`, until `timestamp`, or for / until a value read from the input. */
  wait<const N extends string, Selected = Out, WaitOut = Selected>(
    name: N,
    options: WaitOptions<Out, Selected, WaitOut>,
  ): Chain<In, WaitOut, Named<Scope, N, Out>> {
    return this.#state(waitNode(name, captureSite(), options as WaitOptions<any, any, any>, anyRoot(), contextPath()));
  }

  /**
   * A Choice: `(c) => c.when(($) => lte($.price, 50), (b) => b.task(…)).otherwise(…)`. The open
   * ends of every branch converge: the next state added after the Choice follows each of them.
   * With `{ inputPath, outputPath }` first, the rules test the selected data and the chosen branch
   * receives what OutputPath keeps of it.
   */
  choice<const N extends string, Built extends ChoiceBuilder<Out, any, any, any, Out>>(
    name: N,
    build: (c: ChoiceBuilder<Out, Named<Scope, N, Out>, never, {}, Out>) => Built,
    options?: CommonOptions,
  ): Chain<In, ChoiceOutput<Built>, Named<Scope, N, Out> & ChoiceScope<Built>>;
  choice<const N extends string, Built extends ChoiceBuilder<any, any, any, any, any>, Selected = Out, Passed = Selected>(
    name: N,
    options: ChoiceOptions<Out, Selected, Passed>,
    build: (c: ChoiceBuilder<Selected, Named<Scope, N, Out>, never, {}, Passed>) => Built,
  ): Chain<In, ChoiceOutput<Built>, Named<Scope, N, Out> & ChoiceScope<Built>>;
  choice(
    name: string,
    first: ChoiceOptions<any, any, any> | ((c: ChoiceBuilder<any, any, never, {}, any>) => ChoiceBuilder<any, any, any, any, any>),
    second?: ChoiceOptions<any, any, any> | ((c: ChoiceBuilder<any, any, never, {}, any>) => ChoiceBuilder<any, any, any, any, any>),
  ): Chain<In, unknown, any> {
    const site = captureSite();
    const [build, options] = typeof first === 'function' ? [first, second ?? {}] : [second, first];
    if (typeof build !== 'function' || typeof options !== 'object') {
      throw new TypeError(`choice('${name}'): give the rules as a callback, (c) => c.when(…)…`);
    }
    const builder = build(new ChoiceBuilder([], undefined));
    return this.#state(choiceNode(name, site, options, anyRoot(), contextPath(), builder.rules, builder.otherwiseTarget));
  }

  /** A Parallel: runs every branch on the same input; its result is the array of their outputs. */
  parallel<
    const N extends string,
    const Results extends readonly unknown[],
    Selected = Out,
    Params extends Template = never,
    Selector extends Template = never,
    const RP extends ResultPathSpec = '$',
    ParallelOut = ApplyResultPath<Out, RP, Selection<Mutable<Results>, Selector>>,
  >(
    name: N,
    options: ParallelOptions<Out, Selected, Params, Results, Selector, RP, ParallelOut, Named<Scope, NoInfer<N>, Out>>,
  ): Chain<In, ParallelOut, Named<Scope, N, Out>> {
    const site = captureSite();
    const handlers = this.#handlers(site);
    return this.#state(parallelNode(name, site, options as unknown as Parameters<typeof parallelNode>[2], anyRoot(), contextPath(), handlers, branchChain));
  }

  /** An inline Map: runs the item processor once per item of `itemsPath`; its result is the array of outputs. */
  map<
    const N extends string,
    Selected = Out,
    Item = Selected extends readonly (infer E)[] ? E : unknown,
    Params extends Template = never,
    ItemOut = unknown,
    Selector extends Template = never,
    const RP extends ResultPathSpec = '$',
    MapOut = ApplyResultPath<Out, RP, Selection<ItemOut[], Selector>>,
  >(
    name: N,
    options: MapOptions<Out, Selected, Item, Params, MapItemInput<Item, Params>, ItemOut, Selector, RP, MapOut, Named<Scope, NoInfer<N>, Out>>,
  ): Chain<In, MapOut, Named<Scope, N, Out>> {
    const site = captureSite();
    const handlers = this.#handlers(site);
    return this.#state(mapNode(name, site, options as MapOptions<any, any, any, any, any, any, any, any, any, any>, anyRoot(), handlers, branchChain));
  }

  /** A Succeed state: the execution (or branch) ends successfully here. */
  succeed<const N extends string, Selected = Out>(name: N, options: SucceedOptions<Out, Selected> = {}): Chain<In, never, Named<Scope, N, Out>> {
    return this.#state(succeedNode(name, captureSite(), options, anyRoot(), contextPath()));
  }

  /** A Fail state: the execution (or branch) fails here with an error name and cause. */
  fail<const N extends string>(name: N, options: FailOptions<Out> = {}): Chain<In, never, Named<Scope, N, Out>> {
    return this.#state(failNode(name, captureSite(), options, anyRoot(), contextPath()));
  }

  /** Appends a reusable fragment (a chain made with `fragment()`), e.g. one shared by several workflows. */
  next<FragmentOut, FragmentScope extends object>(
    fragment: Chain<Out, FragmentOut, FragmentScope> | ChainLike<FragmentOut, FragmentScope> & { readonly [INPUT]: (input: Out) => void },
  ): Chain<In, FragmentOut, Scope & FragmentScope> {
    return this.#append({ kind: 'fragment', chain: fragment.node });
  }

  /**
   * Continues with JSONata states (each written with `"QueryLanguage": "JSONata"`): a JSONPath
   * machine may hold JSONata states, not the reverse. Variables start untyped-empty here.
   */
  jsonata(): JsonataChain<In, Out, Scope, {}> {
    return new JsonataChain(this.node, this.workflow);
  }

  /** Jumps to a state declared earlier (a loop). Only names whose input accepts this data are allowed. */
  goto(target: GotoTarget<Out, Scope>): Chain<In, never, Scope> {
    return this.#append(gotoNode(target, captureSite()));
  }

  /**
   * Escape hatch: jumps to a state by a name the type system cannot see (declared later, or in
   * code built at run time). The compiler still reports a name that does not exist.
   */
  unsafeGoto(target: string): Chain<In, never, Scope> {
    return this.#append(gotoNode(target, captureSite()));
  }

  /** Ends the open ends here (`"End": true`) instead of letting a later state follow them. */
  end(): Chain<In, never, Scope> {
    return this.#append({ kind: 'end', site: captureSite() });
  }

  /** Catch handlers: a name becomes a jump, a callback a new chain of states in the same scope. */
  #handlers(site: CapturedSite) {
    return (next: string | BranchBuilder<any, any>): TransitionNode =>
      typeof next === 'string' ? gotoNode(next, site) : branchChain(next);
  }
}

/** Builders evaluate user callbacks on an untyped accessor; the types were checked at the call. */
const anyRoot = () => rootPath<any>();

/** Runs a branch callback on an empty chain and returns what it recorded. */
function branchChain(build: (b: Chain<any, any, any>) => ChainLike<unknown, object>): ChainNode {
  const built = build(new Chain(emptyChain));
  if (!(built instanceof Chain)) throw new TypeError('a branch callback must return the chain it was given, extended');
  return built.node;
}

type ChoiceOutput<B> = B extends ChoiceBuilder<any, any, infer Out, any, any> ? Out : never;
type ChoiceScope<B> = B extends ChoiceBuilder<any, any, any, infer Scope, any> ? Scope : {};

/**
 * Builds a Choice state's rules: `when(condition, target)` in order, then `otherwise(target)`.
 * Conditions test `In`; the chosen branch receives `Passed` (the same data unless the Choice has
 * an OutputPath).
 */
export class ChoiceBuilder<In, Scope extends object, Out, BranchNames extends object, Passed = In> {
  declare readonly [OUTPUT]: Out;
  readonly rules: readonly ChoiceRuleNode[];
  readonly otherwiseTarget: TransitionNode | undefined;

  constructor(rules: readonly ChoiceRuleNode[], otherwise: TransitionNode | undefined) {
    this.rules = rules;
    this.otherwiseTarget = otherwise;
    Object.freeze(this);
  }

  /** A rule: when `test` holds, go to `target` (an existing state's name, or a new branch). */
  when<BranchOut = never, BranchScope extends object = {}>(
    test: ($: Path<In>, $$: Context) => Condition,
    target: GotoTarget<Passed, Scope> | ((b: Chain<Passed, Passed, Scope>) => ChainLike<BranchOut, BranchScope>),
    comment?: string,
  ): ChoiceBuilder<In, Scope, Out | BranchOut, BranchNames & BranchScope, Passed> {
    const condition = nodeOfCondition(test(rootPath<In>(), contextPath()));
    const site = captureSite();
    const rule: ChoiceRuleNode = Object.freeze({ condition, target: transition(target, site), ...(comment !== undefined && { comment }) });
    return new ChoiceBuilder([...this.rules, rule], this.otherwiseTarget);
  }

  /** The Default: where to go when no rule matches. Without it, no match fails with States.NoChoiceMatched. */
  otherwise<BranchOut = never, BranchScope extends object = {}>(
    target: GotoTarget<Passed, Scope> | ((b: Chain<Passed, Passed, Scope>) => ChainLike<BranchOut, BranchScope>),
  ): ChoiceBuilder<In, Scope, Out | BranchOut, BranchNames & BranchScope, Passed> {
    return new ChoiceBuilder(this.rules, transition(target, captureSite()));
  }
}

function transition(target: string | ((b: Chain<any, any, any>) => ChainLike<unknown, object>), site: CapturedSite): TransitionNode {
  return typeof target === 'string' ? gotoNode(target, site) : branchChain(target);
}

