import type { CapturedSite } from '../ir/source-site.js';
import { freezeNode, type ChoiceNode, type ChoiceRuleNode } from '../ir/state-node.js';
import type { TransitionNode } from '../ir/transition-node.js';
import type { Context } from '../path/context-object.js';
import { rootPath, type Path, type PathTo } from '../path/path.js';
import { pathOption, type CommonOptions, type InputPathOption } from './common.js';

/** A Choice's own fields. InputPath selects what the rules test; OutputPath what the branch receives. */
export interface ChoiceOptions<In, Selected, Passed> extends CommonOptions {
  readonly inputPath?: InputPathOption<In, Selected>;
  readonly outputPath?: (($: Path<Selected>) => PathTo<Passed>);
}

export function choiceNode(
  name: string,
  site: CapturedSite,
  options: ChoiceOptions<any, any, any>,
  $: Path<any>,
  $$: Context,
  rules: readonly ChoiceRuleNode[],
  otherwise: TransitionNode | undefined,
): ChoiceNode {
  return freezeNode<ChoiceNode>({
    type: 'Choice',
    name,
    site,
    comment: options.comment,
    inputPath: pathOption(options.inputPath, $, $$),
    outputPath: pathOption(options.outputPath, rootPath(), $$),
    rules: Object.freeze([...rules]),
    otherwise,
    unsafeFields: options.unsafeFields,
  });
}
