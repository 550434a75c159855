import { JSONPath } from 'jsonpath-plus';

/**
 * JSONPath reading for JSONPath states, with jsonpath-plus. Step Functions distinguishes *definite*
 * paths (`$.a.b[0]`: one value, and a miss is an error) from paths that may select several nodes
 * (`$.a[*].b`, `$..x`, filters, slices, unions: always an array of the matches).
 */

const INDEFINITE_SEGMENT = /^(\*|\.\.|\?\(.*\)|\(.*\)|-?\d*:-?\d*(:-?\d*)?|.*,.*)$/s;

interface ParsedPath {
  readonly segments: readonly string[];
  readonly definite: boolean;
}

const parsed = new Map<string, ParsedPath>();

function parse(path: string): ParsedPath {
  let result = parsed.get(path);
  if (!result) {
    const segments = JSONPath.toPathArray(path).slice(1);
    result = { segments, definite: segments.every((segment) => !INDEFINITE_SEGMENT.test(segment)) };
    parsed.set(path, result);
  }
  return result;
}

export type PathResult = { found: true; value: unknown } | { found: false };

/** Reads `path` (starting with `$`) from `data`. Indefinite paths always find (maybe an empty array). */
export function readPath(data: unknown, path: string): PathResult {
  const { segments, definite } = parse(path);
  if (!definite) {
    const value: unknown[] = JSONPath({ path, json: data as object, wrap: true, eval: 'safe' }) ?? [];
    return { found: true, value };
  }
  let current: unknown = data;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return { found: false };
      const index = Number(segment);
      if (index >= current.length) return { found: false };
      current = current[index];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/** The segments of a Reference Path (`$.a.b`, `$['a b'][0]`), or undefined when it is not definite. */
export function referenceSegments(path: string): readonly string[] | undefined {
  const { segments, definite } = parse(path);
  return definite ? segments : undefined;
}

/** AWS's wording for a path that selects nothing: `$['a']['b']`. */
export function describePath(path: string): string {
  return (
    '$' +
    parse(path)
      .segments.map((segment) => `['${segment}']`)
      .join('')
  );
}
