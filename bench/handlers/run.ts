/**
 * bench/handlers: the runtime handlers against their alternatives, measured in this one run.
 *
 *   1. the image handler doing seed 000's seven operations on a 12-megapixel JPEG (read from and
 *      written to S3 — fauxqs in this process — with its validation and safe-decode checks)
 *      against bare sharp doing the same operations on the same bytes in memory;
 *   2. list-objects summing 100,000 objects by extension (and 10,000, to show memory does not grow
 *      with the bucket) against collecting every object first, each in a process of its own,
 *      with peak memory.
 *
 * Run: node --conditions=typestep-source --import tsx --expose-gc handlers/run.ts [--quick] [--no-write]
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { imageHandler } from '@typestep/runtime-handlers/handlers';
import { startFauxqs } from 'fauxqs';
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describeMachine } from '../compile/machine.js';
import { roundRobin, sample, type Sample } from '../compile/measure.js';
import { bareSharp, SEED_OPERATIONS, twelveMegapixelJpeg } from './image-operations.js';
import { printReport, writeHandlersSection, type HandlerResults, type UsageRun } from './report.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const settings = {
  image: { warmup: quick ? 1 : 2, iterations: quick ? 3 : 9 },
  usage: { iterations: quick ? 1 : 3 },
};
const USAGE_SIZES = quick ? [2_000, 20_000] : [10_000, 100_000];
const checks: string[] = [];
const log = (line: string) => process.stderr.write(`${line}\n`);
function check(ok: boolean, what: string): void {
  if (!ok) {
    process.stderr.write(`\nbench/handlers: check failed: ${what}\n`);
    process.exit(1);
  }
  checks.push(what);
}

const machine = describeMachine();
const server = await startFauxqs({ port: 0, logger: false, host: '127.0.0.1' });
Object.assign(process.env, {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_ENDPOINT_URL_S3: server.address,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  BUCKET_NAME: 'bench-images',
});
server.createBucket('bench-images');
const s3 = new S3Client({});

// ── 1. image handler vs bare sharp ──────────────────────────────────────────────────────
log('image: making a 12-megapixel JPEG');
const photo = await twelveMegapixelJpeg();
const photoMeta = await sharp(photo).metadata();
check(photoMeta.width === 4000 && photoMeta.height === 3000 && photoMeta.format === 'jpeg', 'the input is a 4000×3000 JPEG (12 megapixels)');
const KEY = 'photos/2024-01-02-03-04/12mp.jpg';
// Over 5 MiB: a multipart upload, as a real client sends it.
await new Upload({ client: s3, params: { Bucket: 'bench-images', Key: KEY, Body: photo } }).done();

// Same operations, same results: every handler output has the size bare sharp's has.
for (const { state, event } of SEED_OPERATIONS) {
  const { OutputKeys } = await imageHandler({ ...event, key: KEY });
  const written = await s3.send(new GetObjectCommand({ Bucket: 'bench-images', Key: OutputKeys[0]! }));
  const handlerMeta = await sharp(Buffer.from(await written.Body!.transformToByteArray())).metadata();
  const bareMeta = await sharp(await bareSharp(photo, event)).metadata();
  check(
    handlerMeta.width === bareMeta.width && handlerMeta.height === bareMeta.height && handlerMeta.format === bareMeta.format,
    `${state}: the handler and bare sharp give a ${bareMeta.width}×${bareMeta.height} ${bareMeta.format}`,
  );
}

const timedOperations = (run: (event: (typeof SEED_OPERATIONS)[number]['event']) => Promise<unknown>) => async () => {
  const phases: Record<string, number> = {};
  let total = 0;
  for (const { state, event } of SEED_OPERATIONS) {
    const start = performance.now();
    await run(event);
    phases[state] = performance.now() - start;
    total += phases[state]!;
  }
  phases['total'] = total;
  return phases;
};
log(`image: ${settings.image.warmup} warmup + ${settings.image.iterations} rounds of seven operations, handler and bare sharp alternating`);
const image = await roundRobin(
  {
    handler: timedOperations((event) => imageHandler({ ...event, key: KEY })),
    bare: timedOperations((event) => bareSharp(photo, event)),
  },
  { ...settings.image, onRound: (round, total) => log(`  round ${round + 1}/${total}`) },
);

// ── 2. usage report over many objects ───────────────────────────────────────────────────
const EXTENSIONS = ['jpg', 'png', 'txt', 'csv', 'json', 'gz', 'mp4', 'pdf', 'html', 'log', 'parquet', 'md'];
async function fillBucket(bucket: string, count: number): Promise<number> {
  server.createBucket(bucket);
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `dir${i % 100}/object-${i}.${EXTENSIONS[i % EXTENSIONS.length]}`, Body: Buffer.alloc(i % 1000) }));
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  return performance.now() - start;
}

const CHILD = fileURLToPath(new URL('./usage-child.ts', import.meta.url));
async function listInChild(bucket: string, mode: 'handler' | 'collect-all') {
  const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=typestep-source', '--import', 'tsx', '--expose-gc', CHILD, bucket, mode], {
    env: process.env,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { ms: number; objects: number; peakHeapBytes: number; heapGrowthBytes: number; maxRssBytes: number };
}

const usage: UsageRun[] = [];
for (const count of USAGE_SIZES) {
  const bucket = `usage-${count}`;
  log(`usage: putting ${count.toLocaleString('en-US')} objects into ${bucket}`);
  const fillMs = await fillBucket(bucket, count);
  for (const mode of ['handler', 'collect-all'] as const) {
    const runs = [];
    for (let i = 0; i < settings.usage.iterations; i++) {
      log(`usage: ${mode} over ${count.toLocaleString('en-US')} objects, run ${i + 1}`);
      runs.push(await listInChild(bucket, mode));
    }
    check(runs.every((run) => run.objects === count), `${mode} counted all ${count.toLocaleString('en-US')} objects`);
    usage.push({
      objects: count,
      mode,
      fillMs,
      time: sample(runs.map((run) => run.ms)),
      peakHeapBytes: Math.max(...runs.map((run) => run.peakHeapBytes)),
      heapGrowthBytes: Math.max(...runs.map((run) => run.heapGrowthBytes)),
      maxRssBytes: Math.max(...runs.map((run) => run.maxRssBytes)),
    });
  }
}
const heapOf = (objects: number, mode: UsageRun['mode']) => usage.find((u) => u.objects === objects && u.mode === mode)!.heapGrowthBytes;
const [small, large] = USAGE_SIZES as [number, number];
const growth = heapOf(large, 'handler') - heapOf(small, 'handler');
check(
  growth < 16 * 1024 * 1024,
  `list-objects' heap growth differs by less than 16 MiB from ${small.toLocaleString('en-US')} to ${large.toLocaleString('en-US')} objects (measured: ${(growth / 1024 / 1024).toFixed(1)} MiB)`,
);

s3.destroy();
await server.stop();

const ratio = (phase: string) => image.handler[phase]!.median / image.bare[phase]!.median;
const results: HandlerResults = {
  date: new Date().toISOString(),
  command: `pnpm bench (node --conditions=typestep-source --import tsx --expose-gc handlers/run.ts${quick ? ' --quick' : ''})`,
  quick,
  machine,
  loadAverageAtEnd: loadavg()[0]!,
  versions: { node: process.version, sharp: sharp.versions.sharp!, libvips: sharp.versions.vips },
  settings,
  input: { width: 4000, height: 3000, bytes: photo.length },
  image: { handler: image.handler as Record<string, Sample>, bare: image.bare as Record<string, Sample>, ratio: ratio('total') },
  operations: SEED_OPERATIONS.map(({ state }) => state),
  usage,
  checks,
};
printReport(results);
if (!args.has('--no-write')) log(`wrote ${writeHandlersSection(results, fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url)))}`);
