/**
 * Where a builder was called in the user's source. Capturing is cheap: V8 records two frames, the
 * public builder method that called `captureSite()` and the user's call of it, and formats them
 * only when a diagnostic actually needs the place.
 */
export interface SourceSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const FRAME = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/;

export class CapturedSite {
  readonly #trace: { stack?: string };
  #site: SourceSite | null | undefined;

  constructor(trace: { stack?: string }) {
    this.#trace = trace;
  }

  get site(): SourceSite | undefined {
    if (this.#site === undefined) this.#site = parseSite(this.#trace.stack ?? '') ?? null;
    return this.#site ?? undefined;
  }
}

function parseSite(stack: string): SourceSite | undefined {
  // Line 0 is the message, 1 the builder method, 2 the user's call.
  const line = stack.split('\n')[2];
  const match = line === undefined || line.includes('node:internal') ? null : FRAME.exec(line);
  if (!match) return undefined;
  const file = match[1]!.startsWith('file://') ? decodeURIComponent(new URL(match[1]!).pathname) : match[1]!;
  return { file, line: Number(match[2]), column: Number(match[3]) };
}

/**
 * The place the user called the current builder from. Call it directly from the public builder
 * function or method (not from a helper): the stack is cut at this function, so the frame two
 * below it is the user's. A fixed-depth capture costs no stack walk.
 */
export function captureSite(): CapturedSite {
  const trace: { stack?: string } = {};
  const previous = Error.stackTraceLimit;
  Error.stackTraceLimit = 2;
  Error.captureStackTrace(trace, captureSite);
  Error.stackTraceLimit = previous;
  return new CapturedSite(trace);
}
