import type { ChainNode } from '../ir/chain-node.js';
import { captureSite } from '../ir/source-site.js';
import { freezeNode, type ParallelNode } from '../ir/state-node.js';
import type { TransitionNode } from '../ir/transition-node.js';
import type { Context } from '../path/context-object.js';
import { rootPath, type Path, type PathRef } from '../path/path.js';
import { resultPathNode, type ApplyResultPath, type ResultPathSpec } from '../path/result-path.js';
import { toTemplateNode } from '../payload/template.js';
import type { BranchBuilder } from './builder-kit.js';
import { catchNodes, type CatchOption } from './catch.js';
import { pathOption, retryNode, type CommonOptions, type InputPathOption, type RetryOptions } from './common.js';

export interface ParallelOptions<In, Selected, Branches extends readonly BranchBuilder<Selected, {}>[], Results, Picked, RP extends ResultPathSpec, Out, Scope extends object>
  extends CommonOptions {
  readonly inputPath?: InputPathOption<In, Selected>;
  /** One callback per branch; each starts a new scope (no jumps in or out). */
  readonly branches: Branches;
  readonly resultSelector?: (result: Path<Results>, $$: Context) => Picked;
  readonly resultPath?: RP;
  readonly outputPath?: (($: Path<ApplyResultPath<In, RP, Picked>>) => PathRef<Out>) | null;
  readonly retry?: readonly RetryOptions[];
  readonly catch?: CatchOption<In, Scope>;
}

export function parallelNode(
  name: string,
  options: ParallelOptions<any, any, readonly BranchBuilder<any, {}>[], any, any, any, any, any>,
  $: Path<any>,
  $$: Context,
  handler: (next: any) => TransitionNode,
  branch: (build: BranchBuilder<any, any>) => ChainNode,
): ParallelNode {
  const site = captureSite();
  return freezeNode<ParallelNode>({
    type: 'Parallel',
    name,
    site,
    comment: options.comment,
    inputPath: pathOption(options.inputPath, $, $$),
    branches: Object.freeze(options.branches.map(branch)),
    resultSelector: options.resultSelector ? toTemplateNode(options.resultSelector(rootPath(), $$) as object, `${name}: resultSelector`) : undefined,
    resultPath: options.resultPath === undefined ? undefined : resultPathNode(options.resultPath),
    outputPath: pathOption(options.outputPath, rootPath(), $$),
    retry: options.retry?.map(retryNode),
    catch: catchNodes(options.catch, handler),
    unsafeFields: options.unsafeFields,
  });
}
