import type { TransitionNode } from '../ir/transition-node.js';
import type { CapturedSite } from '../ir/source-site.js';
import { freezeNode, type TaskNode } from '../ir/state-node.js';
import type { Context } from '../path/context-object.js';
import { nodeOfPath, rootPath, type Path, type PathRef, type PathTo } from '../path/path.js';
import { resultPathNode, type ApplyResultPath, type ResultPathSpec } from '../path/result-path.js';
import { isPlaceholder, PLACEHOLDER_NODE, type Placeholder } from '../payload/placeholder.js';
import { toTemplateNode, type Template } from '../payload/template.js';
import type { Schema } from '../schema.js';
import { catchNodes, type CatchOption } from './catch.js';
import { pathOption, retryNode, type CommonOptions, type InputPathOption, type RetryOptions, type Selection } from './common.js';

/**
 * Write the fields in ASL's processing order (inputPath, parameters, returns, resultSelector,
 * resultPath, outputPath): TypeScript types each callback from the fields before it, so a callback
 * placed before the field it depends on is typed without it (the error then mentions `never`).
 */
export interface TaskOptions<In, Selected, Params extends Template, Result, Selector extends Template, RP extends ResultPathSpec, Out, Scope extends object>
  extends CommonOptions {
  /** What runs: a Lambda ARN, `arn:aws:states:::…` integration, an activity ARN, or `sub('Name')`. */
  readonly resource: string | Placeholder;
  readonly inputPath?: InputPathOption<In, Selected>;
  /** The payload sent to the resource, built from the (InputPath-$) input. */
  readonly parameters?: (($: Path<Selected>, $$: Context) => Params) | Params;
  /** The shape of the resource's result (a zod schema, or `shape<T>()`): types everything after. */
  readonly returns?: Schema<Result>;
  readonly resultSelector?: (result: Path<Result>, $$: Context) => Selector;
  /** Where the result goes in the input: `'$'` (replace, the default), `'$.field'`, or null (discard). */
  readonly resultPath?: RP;
  readonly outputPath?: (($: Path<NoInfer<ApplyResultPath<In, RP, Selection<Result, Selector>>>>) => PathTo<Out>);
  readonly retry?: readonly RetryOptions[];
  readonly catch?: CatchOption<In, Scope>;
  /** Variables to set (`Assign`): JSONPath reads the result after resultSelector; read them with `variable()`. */
  readonly assign?: (result: Path<NoInfer<Selection<Result, Selector>>>, $$: Context) => Template;
  /** Seconds, or a path to a number in the input (`TimeoutSecondsPath`). */
  readonly timeoutSeconds?: number | (($: Path<Selected>) => PathTo<number>);
  readonly heartbeatSeconds?: number | (($: Path<Selected>) => PathTo<number>);
  readonly credentials?: Template;
}

export function taskNode(
  name: string,
  site: CapturedSite,
  options: TaskOptions<any, any, any, any, any, any, any, any>,
  $: Path<any>,
  $$: Context,
  handler: (next: any) => TransitionNode,
): TaskNode {
  // After InputPath, `$` is the selected data itself: later callbacks get the same root accessor.
  const parameters = typeof options.parameters === 'function' ? options.parameters($, $$) : options.parameters;
  const timeout = options.timeoutSeconds;
  const heartbeat = options.heartbeatSeconds;
  return freezeNode<TaskNode>({
    type: 'Task',
    name,
    site,
    comment: options.comment,
    resource: isPlaceholder(options.resource) ? options.resource[PLACEHOLDER_NODE] : options.resource,
    inputPath: pathOption(options.inputPath, $, $$),
    parameters: parameters === undefined ? undefined : toTemplateNode(parameters, `${name}: parameters`),
    resultSelector: options.resultSelector
      ? toTemplateNode(options.resultSelector(rootPath(), $$) as object, `${name}: resultSelector`)
      : undefined,
    resultPath: options.resultPath === undefined ? undefined : resultPathNode(options.resultPath),
    outputPath: pathOption(options.outputPath, rootPath(), $$),
    retry: options.retry?.map(retryNode),
    catch: catchNodes(options.catch, handler),
    timeoutSeconds: typeof timeout === 'number' ? timeout : undefined,
    timeoutSecondsPath: typeof timeout === 'function' ? nodeOfPath(timeout($)) : undefined,
    heartbeatSeconds: typeof heartbeat === 'number' ? heartbeat : undefined,
    heartbeatSecondsPath: typeof heartbeat === 'function' ? nodeOfPath(heartbeat($)) : undefined,
    credentials: options.credentials === undefined ? undefined : toTemplateNode(options.credentials, `${name}: credentials`),
    assign: options.assign ? toTemplateNode(options.assign(rootPath(), $$), `${name}: assign`) : undefined,
    unsafeFields: options.unsafeFields,
  });
}
