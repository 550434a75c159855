/** Where a command writes and which directory it runs in; `run()` takes one so tests stay in-process. */
export interface Io {
  /** Normal output (results, written files, `--output json`). */
  readonly stdout: (text: string) => void;
  /** Problems: diagnostics, errors, usage. */
  readonly stderr: (text: string) => void;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /**
   * True when the process ends after this one command: workflow modules may then share the
   * process's module cache (the DSL is loaded once) instead of being isolated so that a later
   * command in the same process sees fresh sources.
   */
  readonly oneShot?: boolean;
}

/** The process's own streams and working directory. */
export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    oneShot: true,
  };
}
