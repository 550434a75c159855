import { analyzePath, referencePathSteps, type PathStep } from '@typestep/compiler';
import { JSONPath } from 'jsonpath-plus';
import { StatesError, States } from '../errors.js';

/**
 * JSONPath reading for JSONPath states. Step Functions distinguishes *definite* paths (`$.a.b[0]`,
 * `$['10:30']`: one value, and a miss is an error) from paths that may select several nodes
 * (`$.a[*].b`, `$..x`, filters, slices, unions: always an array of the matches). Which one a path
 * is comes from @typestep/compiler's JSONPath recogniser (the validator's), token by token; a
 * definite path is walked step by step, the others are evaluated by jsonpath-plus.
 */

export type PathResult = { found: true; value: unknown } | { found: false };

/** Reads `path` (starting with `$`) from `data`. Indefinite paths always find (maybe an empty array). */
export function readPath(data: unknown, path: string): PathResult {
  const steps = referencePathSteps(path);
  if (!steps) {
    const { error } = analyzePath(path);
    // The validator rejects such paths before a run; this is for definitions that skipped it.
    if (error) throw new StatesError(States.Runtime, `Invalid path '${path}': it ${error}.`);
    const value: unknown[] = JSONPath({ path, json: data as object, wrap: true, eval: 'safe' }) ?? [];
    return { found: true, value };
  }
  let current: unknown = data;
  for (const step of steps) {
    if (Array.isArray(current)) {
      const index = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : undefined;
      if (index === undefined) return { found: false };
      const at = index < 0 ? current.length + index : index;
      if (at < 0 || at >= current.length) return { found: false };
      current = current[at];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, step)) {
      current = (current as Record<string, unknown>)[step];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/** The steps of a Reference Path (`$.a.b`, `$['a b'][0]`), or undefined when it is not definite. */
export function referenceSegments(path: string): readonly PathStep[] | undefined {
  return referencePathSteps(path);
}

/** AWS's wording for a path that selects nothing: `$['a'][0]`. */
export function describePath(path: string): string {
  const { root, variable } = analyzePath(path);
  const start = root === 'context' ? '$$' : root === 'variable' ? `$${variable}` : '$';
  const steps = referencePathSteps(path);
  if (!steps) return path.trim();
  return start + steps.map((step) => (typeof step === 'number' ? `[${step}]` : `['${step}']`)).join('');
}
