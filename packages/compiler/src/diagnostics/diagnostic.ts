/**
 * One problem found in a definition. Modelled on TypeScript's diagnostics: a code, a place and a
 * sentence a person can act on (what is wrong, and what to do instead).
 */
export interface Diagnostic {
  /** Stable code, e.g. `STEP101`. Codes are listed in `codes.ts`. */
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The workflow (state machine) name, or the file name for hand-written ASL. */
  readonly workflow: string;
  /**
   * Where in the definition, as a JSON path from the definition's root:
   * `['States', 'Buy or Sell?', 'Choices', 0]`. Empty for the definition as a whole.
   */
  readonly location: readonly (string | number)[];
  /** Human-readable place: `StockTrader > Buy or Sell? > Choices[0]`. */
  readonly statePath: string;
  /** For DSL input: the builder call in the user's source. */
  readonly source?: { readonly file: string; readonly line: number; readonly column: number };
}

/**
 * `StockTrader > Parallel > Branches[0] > ListObject0 > InputPath`: state names stand as they are,
 * the `States` / `Branches[i].States` / `ItemProcessor.States` containers collapse into `>`.
 */
export function statePathOf(workflow: string, location: readonly (string | number)[]): string {
  const parts: string[] = [workflow];
  for (let i = 0; i < location.length; i++) {
    const key = location[i]!;
    if (key === 'States' && i + 1 < location.length) {
      parts.push(String(location[++i]));
    } else if (typeof key === 'number') {
      parts[parts.length - 1] += `[${key}]`;
    } else {
      parts.push(key);
    }
  }
  return parts.join(' > ');
}

/** `file:line:col - error STEP101: message` then `  at StockTrader > …`, like tsc's pretty-less output. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.source
    ? `${diagnostic.source.file}:${diagnostic.source.line}:${diagnostic.source.column} - `
    : '';
  return `${where}${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}\n  at ${diagnostic.statePath}`;
}
