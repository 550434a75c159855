/**
 * Where a builder was called in the user's source. Capturing is cheap: V8 records one frame (the
 * caller of the public builder method, cut off with `Error.captureStackTrace`'s second argument)
 * and formats it only when a diagnostic actually needs the place.
 */
export interface SourceSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const FRAME = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/;

export class CapturedSite {
  readonly #trace: { stack?: string } = {};
  #site: SourceSite | null | undefined;

  /** `calledFrom` is the builder function the user called; its caller is the site. */
  constructor(calledFrom: Function) {
    const previous = Error.stackTraceLimit;
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(this.#trace, calledFrom);
    Error.stackTraceLimit = previous;
  }

  get site(): SourceSite | undefined {
    if (this.#site === undefined) this.#site = parseSite(this.#trace.stack ?? '') ?? null;
    return this.#site ?? undefined;
  }
}

function parseSite(stack: string): SourceSite | undefined {
  const line = stack.split('\n')[1];
  const match = line === undefined || line.includes('node:internal') ? null : FRAME.exec(line);
  if (!match) return undefined;
  const file = match[1]!.startsWith('file://') ? decodeURIComponent(new URL(match[1]!).pathname) : match[1]!;
  return { file, line: Number(match[2]), column: Number(match[3]) };
}

/** The place the user called `calledFrom` (a builder function or method) from. */
export function captureSite(calledFrom: Function): CapturedSite {
  return new CapturedSite(calledFrom);
}
