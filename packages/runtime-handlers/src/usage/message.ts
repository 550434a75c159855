import type { z } from 'zod';
import type { BucketReport } from './contract.js';

type Report = z.output<typeof BucketReport>;

/** SNS takes messages up to 256 KiB; the message stops listing buckets well before that. */
export const MAX_MESSAGE_BYTES = 200 * 1024;

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** `1536` → `1.5 KiB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

const count = (n: number) => n.toLocaleString('en-US');
const objects = (n: number) => `${count(n)} ${n === 1 ? 'object' : 'objects'}`;

/**
 * The report for people (sent by the workflow's SNS Publish): a total, then each bucket, largest
 * first, with its top extensions by size.
 */
export function usageMessage(reports: readonly Report[]): string {
  const total = reports.reduce((sum, r) => sum + r.objects, 0);
  const bytes = reports.reduce((sum, r) => sum + r.bytes, 0);
  const plural = reports.length === 1 ? 'bucket' : 'buckets';
  const lines = [`S3 usage by extension: ${count(reports.length)} ${plural}, ${objects(total)}, ${formatBytes(bytes)}`];
  const sorted = [...reports].sort((a, b) => b.bytes - a.bytes || (a.bucket < b.bucket ? -1 : 1));
  // Room is kept for the line saying how many buckets were left out.
  let size = Buffer.byteLength(lines[0]!) + 100;
  for (const [i, report] of sorted.entries()) {
    const block = ['', `${report.bucket}: ${objects(report.objects)}, ${formatBytes(report.bytes)}`];
    for (const e of report.topExtensions) {
      block.push(`  ${e.extension.padEnd(10)} ${objects(e.objects).padStart(20)} ${formatBytes(e.bytes).padStart(11)}`);
    }
    const blockSize = Buffer.byteLength(block.join('\n')) + 1;
    if (size + blockSize > MAX_MESSAGE_BYTES) {
      lines.push('', `… and ${count(sorted.length - i)} more buckets (see the usage table)`);
      break;
    }
    lines.push(...block);
    size += blockSize;
  }
  return lines.join('\n');
}
