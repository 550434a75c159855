/**
 * Where a builder was called in the user's source. The stack is captured cheaply (V8 keeps
 * structured frames) and only formatted when a diagnostic actually needs the place.
 */
export interface SourceSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const DSL_FRAME = /[\\/](packages[\\/]dsl|@typestep[\\/]dsl)[\\/]/;
const FRAME = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/;

export class CapturedSite {
  readonly #error: Error;
  #site: SourceSite | null | undefined;

  constructor() {
    const previous = Error.stackTraceLimit;
    Error.stackTraceLimit = 12;
    this.#error = new Error();
    Error.stackTraceLimit = previous;
  }

  /** The first frame outside the DSL package: the user's builder call. */
  get site(): SourceSite | undefined {
    if (this.#site === undefined) this.#site = parseSite(this.#error.stack ?? '') ?? null;
    return this.#site ?? undefined;
  }
}

function parseSite(stack: string): SourceSite | undefined {
  for (const line of stack.split('\n').slice(1)) {
    if (DSL_FRAME.test(line) || line.includes('node:internal')) continue;
    const match = FRAME.exec(line);
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? decodeURIComponent(new URL(match[1]!).pathname) : match[1]!;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

export function captureSite(): CapturedSite {
  return new CapturedSite();
}
