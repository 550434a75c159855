/** Where a command writes and which directory it runs in; `run()` takes one so tests stay in-process. */
export interface Io {
  /** Normal output (results, written files, `--output json`). */
  readonly stdout: (text: string) => void;
  /** Problems: diagnostics, errors, usage. */
  readonly stderr: (text: string) => void;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
}

/** The process's own streams and working directory. */
export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
  };
}
