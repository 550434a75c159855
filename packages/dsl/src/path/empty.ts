import type { PathRef } from './path.js';

const EMPTY_PATH = Symbol.for('typestep.empty-path');

/** ASL's `null` InputPath / OutputPath: the state sees, or passes on, `{}`. */
export interface EmptyPath {
  (...args: readonly unknown[]): PathRef<{}>;
  readonly [EMPTY_PATH]: true;
}

/**
 * `inputPath: empty` / `outputPath: empty` emit `null` (the data becomes `{}`). It is a value of its
 * own rather than `null` so that the next state's input is typed `{}`: TypeScript infers nothing from
 * `null`, and a field read after it must be an error.
 */
export const empty: EmptyPath = Object.assign(
  (): PathRef<{}> => {
    throw new TypeError('empty is a marker for a null InputPath / OutputPath, not a path to call');
  },
  { [EMPTY_PATH]: true as const },
);

export const isEmptyPath = (value: unknown): value is EmptyPath => typeof value === 'function' && EMPTY_PATH in value;
