import type { CapturedSite } from '../ir/source-site.js';
import { freezeNode, type WaitFor, type WaitNode } from '../ir/state-node.js';
import type { Context } from '../path/context-object.js';
import { nodeOfPath, rootPath, type Path, type PathRef, type PathTo } from '../path/path.js';
import { pathOption, type CommonOptions, type InputPathOption } from './common.js';

type Ways<Selected> = {
  readonly seconds: number;
  /** An ISO-8601 timestamp, e.g. `2030-01-01T00:00:00Z`. */
  readonly timestamp: string;
  readonly secondsPath: ($: Path<Selected>) => PathTo<number>;
  readonly timestampPath: ($: Path<Selected>) => PathTo<string>;
};

/** Exactly one way to wait: giving two is a type error. */
export type WaitTime<Selected> = {
  [K in keyof Ways<Selected>]: { readonly [P in K]: Ways<Selected>[P] } & { readonly [P in Exclude<keyof Ways<Selected>, K>]?: never };
}[keyof Ways<Selected>];

export type WaitOptions<In, Selected, Out> = CommonOptions &
  WaitTime<Selected> & {
    readonly inputPath?: InputPathOption<In, Selected>;
    readonly outputPath?: (($: Path<Selected>) => PathTo<Out>);
  };

export function waitNode(
  name: string,
  site: CapturedSite, options: WaitOptions<any, any, any>, $: Path<any>, $$: Context): WaitNode {
  // After InputPath, `$` is the selected data itself: later callbacks get the same root accessor.
  const { seconds, timestamp, secondsPath, timestampPath } = options;
  const given = Object.entries({ seconds, timestamp, secondsPath, timestampPath }).filter(([, value]) => value !== undefined);
  if (given.length !== 1) {
    const got = given.map(([key]) => key).join(', ') || 'none';
    throw new TypeError(`wait('${name}'): give exactly one of seconds, timestamp, secondsPath, timestampPath (got ${got})`);
  }
  const waitFor: WaitFor =
    seconds !== undefined
      ? { seconds }
      : timestamp !== undefined
        ? { timestamp }
        : secondsPath
          ? { secondsPath: nodeOfPath(secondsPath($)) }
          : { timestampPath: nodeOfPath(timestampPath!($)) };
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
