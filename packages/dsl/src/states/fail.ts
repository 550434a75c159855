import type { CapturedSite } from '../ir/source-site.js';
import { freezeNode, type FailNode } from '../ir/state-node.js';
import type { IntrinsicNode, PathNode } from '../ir/value-node.js';
import type { Context } from '../path/context-object.js';
import { nodeOfPath, type Path, type PathRef, type PathTo } from '../path/path.js';
import { INTRINSIC_NODE, isIntrinsic, type Intrinsic } from '../payload/intrinsic.js';
import type { CommonOptions } from './common.js';

type Text<In> = ($: Path<In>, $$: Context) => PathTo<string | null | undefined> | Intrinsic<string>;

export interface FailOptions<In> extends CommonOptions {
  readonly error?: string;
  readonly cause?: string;
  /** The error name read from the input, or built with an intrinsic (`ErrorPath`). */
  readonly errorPath?: Text<In>;
  readonly causePath?: Text<In>;
}

function textNode<In>(text: Text<In> | undefined, $: Path<In>, $$: Context): PathNode | IntrinsicNode | undefined {
  if (text === undefined) return undefined;
  const value = text($, $$);
  return isIntrinsic(value) ? value[INTRINSIC_NODE] : nodeOfPath(value);
}

export function failNode(
  name: string,
  site: CapturedSite, options: FailOptions<any>, $: Path<any>, $$: Context): FailNode {
  return freezeNode<FailNode>({
    type: 'Fail',
    name,
    site,
    comment: options.comment,
    error: options.error,
    cause: options.cause,
    errorPath: textNode(options.errorPath, $, $$),
    causePath: textNode(options.causePath, $, $$),
    unsafeFields: options.unsafeFields,
  });
}
