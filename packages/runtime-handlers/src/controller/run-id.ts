import { randomBytes } from 'node:crypto';

/**
 * A report run's id, used as the per-run machine's name suffix, its execution's name and the
 * usage table's sort key: UTC time first (so runs sort by time), then random hex so two runs in
 * the same second differ. `20240102T030405Z-1a2b3c4d`.
 */
export function newRunId(now: Date): string {
  const time = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${time}-${randomBytes(4).toString('hex')}`;
}
