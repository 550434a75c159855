import type { ChainNode } from '../ir/chain-node.js';
import type { CapturedSite } from '../ir/source-site.js';
import { freezeNode, type MapNode } from '../ir/state-node.js';
import type { Json } from '../ir/value-node.js';
import type { TransitionNode } from '../ir/transition-node.js';
import { contextPath, type Context } from '../path/context-object.js';
import { nodeOfPath, rootPath, type Path, type PathRef, type PathTo } from '../path/path.js';
import { resultPathNode, type ApplyResultPath, type ResultPathSpec } from '../path/result-path.js';
import { toTemplateNode, type Resolve, type Template } from '../payload/template.js';
import type { Chain, ChainLike } from '../chain.js';
import { catchNodes, type CatchOption } from './catch.js';
import { distributedFields, type DistributedOptions } from './distributed.js';
import { toValueNode } from '../payload/template.js';
import { pathOption, retryNode, type CommonOptions, type InputPathOption, type RetryOptions, type Selection } from './common.js';

/** What each iteration receives: the item, or the ItemSelector / Parameters template built per item. */
export type MapItemInput<Item, Params> = [Params] extends [never] ? Item : Resolve<Params>;

type Processor<ItemIn, ItemOut> = (b: Chain<ItemIn, ItemIn, {}>) => ChainLike<ItemOut, object>;

type ItemSelection<Selected, Item, Params> = (($: Path<Selected>, $$: Context<Item>) => Params) | Params;

/** The current form (`itemProcessor`, `itemSelector`) or the deprecated one (`iterator`, `parameters`). */
type ProcessorForm<Selected, Item, Params, ItemIn, ItemOut> =
  | {
      readonly itemProcessor: Processor<ItemIn, ItemOut>;
      readonly itemSelector?: ItemSelection<Selected, Item, Params>;
      /** `ItemProcessor.ProcessorConfig`, e.g. `{ Mode: 'INLINE' }`. */
      readonly processorConfig?: { readonly [field: string]: Json };
      readonly iterator?: never;
      readonly parameters?: never;
    }
  | {
      /** @deprecated ASL's `Iterator`; kept so old definitions can be expressed. Use `itemProcessor`. */
      readonly iterator: Processor<ItemIn, ItemOut>;
      /** @deprecated ASL's `Parameters` on Map; use `itemSelector`. */
      readonly parameters?: ItemSelection<Selected, Item, Params>;
      readonly itemProcessor?: never;
      readonly itemSelector?: never;
      readonly processorConfig?: never;
    };

/**
 * Write the fields in ASL's processing order (inputPath, itemsPath, itemSelector, itemProcessor,
 * resultSelector, resultPath, outputPath): TypeScript types each callback from the fields before
 * it, so a callback placed before the field it depends on is typed without it (the error then
 * mentions `never`).
 */
export type MapOptions<In, Selected, Item, Params extends Template, ItemIn, ItemOut, Selector extends Template, RP extends ResultPathSpec, Out, Scope extends object> =
  CommonOptions &
    ProcessorForm<Selected, Item, Params, ItemIn, ItemOut> & {
      readonly inputPath?: InputPathOption<In, Selected>;
      /** The array to iterate over; the whole ($) input when omitted. */
      readonly itemsPath?: ($: Path<Selected>, $$: Context) => PathTo<readonly Item[] | null | undefined>;
      /** 0 (the default) means no limit; a path reads it from the input (`MaxConcurrencyPath`). */
      readonly maxConcurrency?: number | (($: Path<Selected>) => PathTo<number>);
      /**
       * Run as a Distributed Map: child executions, items from `itemReader` (S3), batching,
       * tolerated failures, results to S3. Options given as paths become their `…Path` forms.
       */
      readonly distributed?: DistributedOptions<Item, unknown> | (($: Path<Selected>, $$: Context) => DistributedOptions<Item, unknown>);
      /** Variables to set (`Assign`), from the result after resultSelector. */
      readonly assign?: (result: Path<NoInfer<Selection<ItemOut[], Selector>>>, $$: Context) => Template;
      readonly resultSelector?: (result: Path<ItemOut[]>, $$: Context) => Selector;
      readonly resultPath?: RP;
      readonly outputPath?: (($: Path<ApplyResultPath<In, RP, Selection<ItemOut[], Selector>>>) => PathTo<Out>);
      readonly retry?: readonly RetryOptions[];
      readonly catch?: CatchOption<In, Scope>;
    };

export function mapNode(
  name: string,
  site: CapturedSite,
  options: MapOptions<any, any, any, any, any, any, any, any, any, any>,
  $: Path<any>,
  handler: (next: any) => TransitionNode,
  branch: (build: Processor<any, any>) => ChainNode,
): MapNode {
  const $$ = contextPath<any>();
  // After InputPath, `$` is the selected data itself: later callbacks get the same root accessor.
  const processor = options.itemProcessor ?? options.iterator;
  if (!processor) throw new TypeError(`map('${name}'): give an itemProcessor (or the deprecated iterator)`);
  const selection = options.itemSelector ?? options.parameters;
  const template = typeof selection === 'function' ? selection($, $$) : selection;
  return freezeNode<MapNode>({
    type: 'Map',
    name,
    site,
    comment: options.comment,
    inputPath: pathOption(options.inputPath, $, $$),
    itemsPath: options.itemsPath ? nodeOfPath(options.itemsPath($, $$)) : undefined,
    itemSelector: template === undefined ? undefined : toTemplateNode(template, `${name}: itemSelector`),
    maxConcurrency: typeof options.maxConcurrency === 'number' ? options.maxConcurrency : undefined,
    maxConcurrencyPath: typeof options.maxConcurrency === 'function' ? nodeOfPath(options.maxConcurrency($)) : undefined,
    processor: branch(processor),
    processorField: options.iterator ? 'Iterator' : 'ItemProcessor',
    processorConfig: options.processorConfig,
    ...(options.distributed && distributedFields(typeof options.distributed === 'function' ? options.distributed($, $$) : options.distributed, false, toValueNode, name)),
    assign: options.assign ? toTemplateNode(options.assign(rootPath(), $$), `${name}: assign`) : undefined,
    resultSelector: options.resultSelector ? toTemplateNode(options.resultSelector(rootPath(), $$) as object, `${name}: resultSelector`) : undefined,
    resultPath: options.resultPath === undefined ? undefined : resultPathNode(options.resultPath),
    outputPath: pathOption(options.outputPath, rootPath(), $$),
    retry: options.retry?.map(retryNode),
    catch: catchNodes(options.catch, handler),
    unsafeFields: options.unsafeFields,
  });
}
