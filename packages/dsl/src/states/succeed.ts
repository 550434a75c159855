import type { CapturedSite } from '../ir/source-site.js';
import { freezeNode, type SucceedNode } from '../ir/state-node.js';
import type { Context } from '../path/context-object.js';
import { rootPath, type Path, type PathRef, type PathTo } from '../path/path.js';
import { pathOption, type CommonOptions, type InputPathOption } from './common.js';

export interface SucceedOptions<In, Selected = In> extends CommonOptions {
  readonly inputPath?: InputPathOption<In, Selected>;
  /** What the execution (or branch) outputs, read from the (selected) input. */
  readonly outputPath?: (($: Path<Selected>) => PathTo<unknown>);
}

export function succeedNode(
  name: string,
  site: CapturedSite, options: SucceedOptions<any, any>, $: Path<any>, $$: Context): SucceedNode {
  return freezeNode<SucceedNode>({
    type: 'Succeed',
    name,
    site,
    comment: options.comment,
    inputPath: pathOption(options.inputPath, $, $$),
    outputPath: pathOption(options.outputPath, rootPath(), $$),
    unsafeFields: options.unsafeFields,
  });
}
