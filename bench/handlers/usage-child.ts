/**
 * One usage listing in a process of its own, so its memory is measured apart from the S3 server:
 * `node --conditions=typestep-source --import tsx usage-child.ts <bucket> <handler|collect-all>`.
 * Prints `{ ms, objects, peakHeapBytes, heapGrowthBytes, maxRssBytes }` as JSON (run with --expose-gc:
 * the heap is collected before the listing, so the growth is the listing's own).
 *
 * - handler: list-objects, streaming page by page (what the workflow runs);
 * - collect-all: the naive alternative, every object of every page kept in an array, then summed.
 */
import { paginateListObjectsV2, S3Client, type _Object } from '@aws-sdk/client-s3';
import { listObjectsHandler } from '@typestep/runtime-handlers/handlers';

const [bucket, mode] = process.argv.slice(2);
if (!bucket || (mode !== 'handler' && mode !== 'collect-all')) throw new Error('usage: usage-child.ts <bucket> <handler|collect-all>');

(globalThis as { gc?: () => void }).gc?.();
const baselineHeap = process.memoryUsage().heapUsed;
let peakHeap = baselineHeap;
const sampleHeap = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
const sampler = setInterval(sampleHeap, 2);

async function collectAll(): Promise<number> {
  const client = new S3Client({});
  const all: _Object[] = [];
  for await (const page of paginateListObjectsV2({ client, pageSize: 1000 }, { Bucket: bucket })) all.push(...(page.Contents ?? []));
  sampleHeap();
  const byExtension = new Map<string, number>();
  for (const object of all) {
    const extension = object.Key!.slice(object.Key!.lastIndexOf('.') + 1);
    byExtension.set(extension, (byExtension.get(extension) ?? 0) + (object.Size ?? 0));
  }
  return all.length;
}

const start = performance.now();
const objects = mode === 'handler' ? (await listObjectsHandler(bucket)).usage.objects : await collectAll();
const ms = performance.now() - start;
sampleHeap();
clearInterval(sampler);
// resourceUsage().maxRSS is in kilobytes.
process.stdout.write(`${JSON.stringify({ ms, objects, peakHeapBytes: peakHeap, heapGrowthBytes: peakHeap - baselineHeap, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
