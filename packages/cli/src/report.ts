import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from '@typestep/compiler';

/**
 * A diagnostic whose source file is shown relative to the working directory (as tsc does), so
 * `file:line:col` can be clicked in a terminal or editor.
 */
export function relativeToCwd(diagnostic: Diagnostic, cwd: string): Diagnostic {
  if (!diagnostic.source || !isAbsolute(diagnostic.source.file)) return diagnostic;
  return { ...diagnostic, source: { ...diagnostic.source, file: displayPath(diagnostic.source.file, cwd) } };
}

/** A path relative to `cwd` when it lies inside it (`.` for `cwd` itself), else absolute; with `/`. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  if (rel === '') return '.';
  if (rel.split(sep)[0] === '..' || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}

/**
 * The text of one problem: `file:line:col - error CODE: message`, then `  at <state path>` when
 * the problem is inside a definition (the compiler's `formatDiagnostic`).
 */
export function formatProblem(diagnostic: Diagnostic, format: (d: Diagnostic) => string): string {
  const text = format(diagnostic);
  return diagnostic.statePath === '' ? text.split('\n')[0]! : text;
}

/** `1 problem`, `2 problems`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** JSON for `--output json`: two-space indented, one trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
