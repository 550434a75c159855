import { captureSite } from '../ir/source-site.js';
import { freezeNode, type WaitFor, type WaitNode } from '../ir/state-node.js';
import type { Context } from '../path/context-object.js';
import { nodeOfPath, rootPath, type Path, type PathRef, type PathTo } from '../path/path.js';
import { pathOption, type CommonOptions, type InputPathOption } from './common.js';

/** Exactly one way to wait. */
export type WaitTime<Selected> =
  | { readonly seconds: number }
  | { readonly timestamp: string }
  | { readonly secondsPath: ($: Path<Selected>) => PathTo<number> }
  | { readonly timestampPath: ($: Path<Selected>) => PathTo<string> };

export type WaitOptions<In, Selected, Out> = CommonOptions &
  WaitTime<Selected> & {
    readonly inputPath?: InputPathOption<In, Selected>;
    readonly outputPath?: (($: Path<Selected>) => PathTo<Out>) | null;
  };

export function waitNode(name: string, options: WaitOptions<any, any, any>, $: Path<any>, $$: Context): WaitNode {
  const site = captureSite();
  const selected = options.inputPath ? (options.inputPath($, $$) as Path<any>) : $;
  const ways = ['seconds', 'timestamp', 'secondsPath', 'timestampPath'].filter((key) => key in options);
  if (ways.length !== 1) {
    throw new TypeError(`wait('${name}'): give exactly one of seconds, timestamp, secondsPath, timestampPath (got ${ways.join(', ') || 'none'})`);
  }
  const waitFor: WaitFor =
    'seconds' in options
      ? { seconds: options.seconds }
      : 'timestamp' in options
        ? { timestamp: options.timestamp }
        : 'secondsPath' in options
          ? { secondsPath: nodeOfPath(options.secondsPath(selected)) }
          : { timestampPath: nodeOfPath(options.timestampPath(selected)) };
  return freezeNode<WaitNode>({
    type: 'Wait',
    name,
    site,
    comment: options.comment,
    inputPath: pathOption(options.inputPath, $, $$),
    waitFor: Object.freeze(waitFor),
    outputPath: pathOption(options.outputPath, rootPath(), $$),
    unsafeFields: options.unsafeFields,
  });
}
