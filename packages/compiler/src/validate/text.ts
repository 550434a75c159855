/** Small text helpers for diagnostics: quoting values, listing names, suggesting the closest name. */

/** A JSON value as a person reads it in a message: `the string "5"`, `the number 5`, `null`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value, 60))}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  return 'an object';
}

export function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export function quoteList(items: readonly string[], quote = true): string {
  const quoted = items.map((item) => (quote ? `"${item}"` : item));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** `"a" or "b"` style list. */
export function orList(items: readonly string[], quote = true): string {
  const quoted = items.map((item) => (quote ? `"${item}"` : item));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** Levenshtein distance, case-insensitive (so `resultpath` is 0 away from `ResultPath`, then ranked by case). */
export function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return a === b ? 0 : 0.5;
  const previous = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (s[i - 1] === t[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[t.length]!;
}

/**
 * The candidate closest to `name`, if it is close enough to be a plausible slip (at most a third
 * of the name's length different, and at least 1–2 edits allowed for short names).
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const d = distance(name, candidate);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(2, Math.ceil(name.length / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
