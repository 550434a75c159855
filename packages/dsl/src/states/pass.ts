import type { CapturedSite } from '../ir/source-site.js';
import { freezeNode, type PassNode } from '../ir/state-node.js';
import type { Json } from '../ir/value-node.js';
import type { Context } from '../path/context-object.js';
import { rootPath, type Path, type PathRef, type PathTo } from '../path/path.js';
import { resultPathNode, type ApplyResultPath, type ResultPathSpec } from '../path/result-path.js';
import { toTemplateNode, type Resolve, type Template } from '../payload/template.js';
import { pathOption, type CommonOptions, type InputPathOption } from './common.js';

/** What a Pass state produces: its `result`, else its `parameters`, else its ($) input. */
export type PassResult<Selected, Params, Result> = [Result] extends [never]
  ? [Params] extends [never]
    ? Selected
    : Resolve<Params>
  : Result;

/**
 * Write the fields in ASL's processing order (inputPath, parameters or result,
 * resultPath, outputPath): TypeScript types each callback from the fields before it, so a callback
 * placed before the field it depends on is typed without it (the error then mentions `never`).
 */
export interface PassOptions<In, Selected, Params extends Template, Result, RP extends ResultPathSpec, Out> extends CommonOptions {
  readonly inputPath?: InputPathOption<In, Selected>;
  readonly parameters?: (($: Path<Selected>, $$: Context) => Params) | Params;
  /** A fixed JSON value to output (ASL `Result`). */
  readonly result?: Result & Json;
  readonly resultPath?: RP;
  readonly outputPath?: (($: Path<ApplyResultPath<In, RP, PassResult<Selected, Params, Result>>>) => PathTo<Out>);
  /** Variables to set (`Assign`), from the Pass result; read them with `variable()`. */
  readonly assign?: (result: Path<NoInfer<PassResult<Selected, Params, Result>>>, $$: Context) => Template;
}

export function passNode(
  name: string,
  site: CapturedSite, options: PassOptions<any, any, any, any, any, any>, $: Path<any>, $$: Context): PassNode {
  // After InputPath, `$` is the selected data itself: later callbacks get the same root accessor.
  const parameters = typeof options.parameters === 'function' ? options.parameters($, $$) : options.parameters;
  return freezeNode<PassNode>({
    type: 'Pass',
    name,
    site,
    comment: options.comment,
    inputPath: pathOption(options.inputPath, $, $$),
    parameters: parameters === undefined ? undefined : toTemplateNode(parameters, `${name}: parameters`),
    result: options.result,
    resultPath: options.resultPath === undefined ? undefined : resultPathNode(options.resultPath),
    outputPath: pathOption(options.outputPath, rootPath(), $$),
    assign: options.assign ? toTemplateNode(options.assign(rootPath(), $$), `${name}: assign`) : undefined,
    unsafeFields: options.unsafeFields,
  });
}
