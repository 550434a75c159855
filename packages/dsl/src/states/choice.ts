import type { CapturedSite } from '../ir/source-site.js';
import { freezeNode, type ChoiceNode, type ChoiceRuleNode } from '../ir/state-node.js';
import type { TransitionNode } from '../ir/transition-node.js';
import type { CommonOptions } from './common.js';

export type ChoiceOptions = CommonOptions;

export function choiceNode(
  name: string,
  options: ChoiceOptions,
  rules: readonly ChoiceRuleNode[],
  otherwise: TransitionNode | undefined,
  site: CapturedSite,
): ChoiceNode {
  return freezeNode<ChoiceNode>({
    type: 'Choice',
    name,
    site,
    comment: options.comment,
    rules: Object.freeze([...rules]),
    otherwise,
    unsafeFields: options.unsafeFields,
  });
}
