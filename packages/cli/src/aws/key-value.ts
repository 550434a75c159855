import { UsageError } from '../exit-codes.js';

/** `["a=1", "b=x=y"]` → `{ a: "1", b: "x=y" }` (split at the first "="); a later key wins. */
export function keyValues(values: readonly string[], flag: string, shape: string): Record<string, string> {
  return Object.fromEntries(
    values.map((value) => {
      const at = value.indexOf('=');
      if (at <= 0) throw new UsageError(`${flag} takes ${shape}, not "${value}"`);
      return [value.slice(0, at), value.slice(at + 1)];
    }),
  );
}
