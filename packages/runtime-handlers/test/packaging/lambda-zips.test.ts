import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LAMBDA_FUNCTIONS } from '../../src/packaging/lambda-functions.js';
import { packageLambdas, type Packaged } from '../../src/packaging/package-lambdas.js';
import { LAMBDA_ARCHITECTURES, type LambdaArchitecture } from '../../src/packaging/sharp-runtime.js';
import { useLocalAws } from '../support/aws-environment.js';
import { startS3AndSns, type Fauxqs } from '../support/fauxqs.js';
import { photoJpeg, svgDocument } from '../support/images.js';

/**
 * The zips as Lambda gets them: unpacked into an empty folder outside the workspace (so nothing
 * resolves from the repository's node_modules) and run by a separate node process. This machine's
 * architecture only: `pnpm package` adds the other one with `npm pack`, from the registry.
 */
const architecture = process.arch as LambdaArchitecture;
const work = mkdtempSync(join(tmpdir(), 'typestep-lambda-'));
const functions = LAMBDA_FUNCTIONS.filter((fn) => ['image', 'create-message', 'front'].includes(fn.name));
let packaged: Packaged;
let fauxqs: Fauxqs;

function unzipTo(zip: string, dir: string): string[] {
  const entries = unzipSync(readFileSync(zip));
  for (const [path, bytes] of Object.entries(entries)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return Object.keys(entries);
}

/** Runs `handler(event)` from an unpacked zip in a fresh node process; its result or error as JSON. */
async function invoke(dir: string, event: unknown): Promise<{ result?: unknown; error?: { name: string; message: string } }> {
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)});
    try { console.log(JSON.stringify({ result: await handler(${JSON.stringify(event)}) })); }
    catch (e) { console.log(JSON.stringify({ error: { name: e.name, message: e.message } })); }`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, env: process.env });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

beforeAll(async () => {
  expect(LAMBDA_ARCHITECTURES).toContain(architecture);
  fauxqs = await startS3AndSns();
  useLocalAws({ s3: fauxqs.address });
  packaged = await packageLambdas({
    root: '',
    outDir: join(work, 'out'),
    cacheDir: join(work, 'cache'),
    architectures: [architecture],
    functions,
    applications: [],
  });
}, 120_000);
afterAll(async () => {
  await fauxqs.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the Lambda zips', () => {
  test('each holds index.mjs; the image zip also sharp and its native package for the architecture', () => {
    const image = unzipTo(packaged.zips.find((z) => z.name === 'image')!.path, join(work, 'image'));
    expect(image).toContain('index.mjs');
    expect(image).toContain('node_modules/sharp/package.json');
    expect(image).toContain(`node_modules/@img/sharp-linux-${architecture}/lib/sharp-linux-${architecture}-0.35.5.node`);
    expect(image.some((path) => path.startsWith(`node_modules/@img/sharp-libvips-linux-${architecture}/lib/libvips-cpp.so`))).toBe(true);
    expect(unzipTo(packaged.zips.find((z) => z.name === 'front')!.path, join(work, 'front')).sort()).toEqual(['index.mjs', 'upload-page.html']);
    expect(unzipTo(packaged.zips.find((z) => z.name === 'create-message')!.path, join(work, 'create-message'))).toEqual(['index.mjs']);
  });

  test('the same sources give byte-identical zips', async () => {
    const again = await packageLambdas({
      root: '',
      outDir: join(work, 'again'),
      cacheDir: join(work, 'cache'),
      architectures: [architecture],
      functions: functions.filter((fn) => fn.name !== 'image'),
      applications: [],
    });
    for (const zip of again.zips) expect(readFileSync(zip.path)).toEqual(readFileSync(packaged.zips.find((z) => z.name === zip.name)!.path));
  });

  test('the unpacked image function converts an image from S3 with its own sharp, and still refuses an SVG', async () => {
    fauxqs.createBucket('zip-test');
    const s3 = new S3Client({});
    await s3.send(new PutObjectCommand({ Bucket: 'zip-test', Key: 'in/photo.jpg', Body: await photoJpeg(200, 150) }));
    await s3.send(new PutObjectCommand({ Bucket: 'zip-test', Key: 'in/vector.png', Body: svgDocument }));
    s3.destroy();
    process.env['BUCKET_NAME'] = 'zip-test';
    const dir = join(work, 'image');
    expect(await invoke(dir, { action: 'icon', key: 'in/photo.jpg', icon: { diameter: '64', bgcolor: 'f0ff' } })).toEqual({
      result: { Key: 'in/photo.jpg', OutputKeys: ['output/in/photo_icon_64.png'] },
    });
    expect(await invoke(dir, { action: 'convert', key: 'in/vector.png', type: 'jpg' })).toMatchObject({ error: { name: 'UnsupportedImageType' } });
  });

  test('the unpacked front function serves the page; create-message runs', async () => {
    const front = (await invoke(join(work, 'front'), {})) as { result: { statusCode: number; body: string } };
    expect(front.result.statusCode).toBe(200);
    expect(front.result.body).toContain('<title>Image pipeline</title>');
    const report = { bucket: 'logs', runId: 'r', objects: 1, bytes: 2, topExtensions: [], stored: 'created' };
    expect(await invoke(join(work, 'create-message'), [report])).toEqual({
      result: { message: 'S3 usage by extension: 1 bucket, 1 object, 2 B\n\nlogs: 1 object, 2 B' },
    });
  });
});
