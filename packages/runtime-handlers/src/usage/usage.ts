import { z } from 'zod';
import { extensionOf, OTHER_EXTENSION } from './extension.js';

const Count = z.number().int().nonnegative();

export const ExtensionUsage = z.object({ objects: Count, bytes: Count });

/** Object count and bytes of one bucket (or of the part listed so far), in total and by extension. */
export const Usage = z.object({ objects: Count, bytes: Count, byExtension: z.record(z.string(), ExtensionUsage) });
export type Usage = z.infer<typeof Usage>;

/**
 * Distinct extensions kept; the rest are summed under "(other)". This keeps the tally's memory,
 * the Step Functions payload (256 KiB) and the DynamoDB item (400 KB) bounded whatever the bucket
 * holds: a tally of millions of objects is as small as one of ten.
 */
export const MAX_EXTENSIONS = 500;

/** Sums objects by extension in constant memory: one entry per extension, never one per object. */
export class UsageTally {
  #objects = 0;
  #bytes = 0;
  readonly #byExtension = new Map<string, { objects: number; bytes: number }>();

  /** A tally that goes on from `usage` (the partial sums of an earlier invocation). */
  static from(usage: Usage | undefined): UsageTally {
    const tally = new UsageTally();
    if (!usage) return tally;
    tally.#objects = usage.objects;
    tally.#bytes = usage.bytes;
    for (const [extension, entry] of Object.entries(usage.byExtension)) tally.#byExtension.set(extension, { ...entry });
    return tally;
  }

  add(key: string, size: number): void {
    this.#objects += 1;
    this.#bytes += size;
    let extension = extensionOf(key);
    // One slot stays free for "(other)".
    if (!this.#byExtension.has(extension) && this.#byExtension.size >= MAX_EXTENSIONS - 1) extension = OTHER_EXTENSION;
    const entry = this.#byExtension.get(extension);
    if (entry) {
      entry.objects += 1;
      entry.bytes += size;
    } else {
      this.#byExtension.set(extension, { objects: 1, bytes: size });
    }
  }

  /** The sums, extensions in alphabetical order (the same listing gives the same JSON). */
  toUsage(): Usage {
    const byExtension = [...this.#byExtension].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { objects: this.#objects, bytes: this.#bytes, byExtension: Object.fromEntries(byExtension.map(([ext, e]) => [ext, { ...e }])) };
  }
}
