import type { ChainNode } from '../ir/chain-node.js';
import type { CapturedSite } from '../ir/source-site.js';
import { freezeNode, type ParallelNode } from '../ir/state-node.js';
import type { TransitionNode } from '../ir/transition-node.js';
import type { Context } from '../path/context-object.js';
import { rootPath, type Path, type PathRef, type PathTo } from '../path/path.js';
import { resultPathNode, type ApplyResultPath, type ResultPathSpec } from '../path/result-path.js';
import { toTemplateNode, type Resolve, type Template } from '../payload/template.js';
import type { BranchBuilder } from './builder-kit.js';
import type { Chain, ChainLike } from '../chain.js';
import { catchNodes, type CatchOption } from './catch.js';
import { pathOption, retryNode, type CommonOptions, type InputPathOption, type RetryOptions, type Selection } from './common.js';

/** What every branch receives: the Parameters template's result, or the (selected) input. */
export type BranchInput<Selected, Params> = [Params] extends [never] ? Selected : Resolve<Params>;

/**
 * Write the fields in ASL's processing order (inputPath, parameters, branches, resultSelector,
 * resultPath, outputPath): TypeScript types each callback from the fields before it.
 */
export interface ParallelOptions<
  In,
  Selected,
  Params extends Template,
  Results extends readonly unknown[],
  Selector extends Template,
  RP extends ResultPathSpec,
  Out,
  Scope extends object,
> extends CommonOptions {
  readonly inputPath?: InputPathOption<In, Selected>;
  /** The input every branch gets, built from the (selected) input. */
  readonly parameters?: (($: Path<Selected>, $$: Context) => Params) | Params;
  /** One callback per branch; each starts a new scope (no jumps in or out). */
  readonly branches: {
    readonly [K in keyof Results]: (b: Chain<BranchInput<Selected, Params>, BranchInput<Selected, Params>, {}>) => ChainLike<Results[K], object>;
  };
  readonly resultSelector?: (result: Path<{ -readonly [K in keyof Results]: Results[K] }>, $$: Context) => Selector;
  readonly resultPath?: RP;
  readonly outputPath?: (($: Path<ApplyResultPath<In, RP, Selection<{ -readonly [K in keyof Results]: Results[K] }, Selector>>>) => PathTo<Out>);
  readonly retry?: readonly RetryOptions[];
  readonly catch?: CatchOption<In, Scope>;
}

export function parallelNode(
  name: string,
  site: CapturedSite,
  options: ParallelOptions<any, any, any, readonly unknown[], any, any, any, any>,
  $: Path<any>,
  $$: Context,
  handler: (next: any) => TransitionNode,
  branch: (build: BranchBuilder<any, any>) => ChainNode,
): ParallelNode {
  const parameters = typeof options.parameters === 'function' ? options.parameters($, $$) : options.parameters;
  return freezeNode<ParallelNode>({
    type: 'Parallel',
    name,
    site,
    comment: options.comment,
    inputPath: pathOption(options.inputPath, $, $$),
    parameters: parameters === undefined ? undefined : toTemplateNode(parameters, `${name}: parameters`),
    branches: Object.freeze(options.branches.map(branch)),
    resultSelector: options.resultSelector ? toTemplateNode(options.resultSelector(rootPath(), $$) as object, `${name}: resultSelector`) : undefined,
    resultPath: options.resultPath === undefined ? undefined : resultPathNode(options.resultPath),
    outputPath: pathOption(options.outputPath, rootPath(), $$),
    retry: options.retry?.map(retryNode),
    catch: catchNodes(options.catch, handler),
    unsafeFields: options.unsafeFields,
  });
}
