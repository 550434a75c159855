import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InvalidRequest, ObjectNotFound } from '../../src/errors.js';
import type { ResultOf } from '../../src/contract.js';
import type { LambdaContext } from '../../src/lambda-context.js';
import { listObjectsContract } from '../../src/usage/contract.js';
import { listObjectsHandler, TIME_MARGIN_MS } from '../../src/usage/list-objects.js';
import { useLocalAws } from '../support/aws-environment.js';
import { startS3AndSns, type Fauxqs } from '../support/fauxqs.js';
import { putObjects, sampleObjects } from '../support/put-objects.js';

/** 2,600 objects: three ListObjectsV2 pages of 1,000. */
const OBJECTS = sampleObjects(2_600);
const BUCKET = 'usage-a';

/** The sums by extension, worked out here independently of the handler's code. */
const EXPECTED_EXTENSION: Record<string, string> = {
  'photo.JPG': 'jpg',
  'image.png': 'png',
  'notes.txt': 'txt',
  README: '(none)',
  'archive.tar.gz': 'gz',
  '.env': '(none)',
  'folder/': '(none)',
  'clip.mp4': 'mp4',
  'data.csv': 'csv',
  'odd.name.with dots': '(other)',
};
function expectedUsage() {
  const byExtension: Record<string, { objects: number; bytes: number }> = {};
  for (const { key, size } of OBJECTS) {
    const name = Object.keys(EXPECTED_EXTENSION).find((n) => key.endsWith(`/${n}`))!;
    const entry = (byExtension[EXPECTED_EXTENSION[name]!] ??= { objects: 0, bytes: 0 });
    entry.objects += 1;
    entry.bytes += size;
  }
  return { objects: OBJECTS.length, bytes: OBJECTS.reduce((sum, o) => sum + o.size, 0), byExtension };
}

/** A Lambda context whose clock is a script: the nth call of getRemainingTimeInMillis returns remaining[n]. */
function scriptedContext(remaining: (call: number) => number): LambdaContext & { calls: number } {
  const context = { calls: 0, getRemainingTimeInMillis: () => remaining(context.calls++) };
  return context;
}

let server: Fauxqs;
beforeAll(async () => {
  server = await startS3AndSns();
  useLocalAws({ s3: server.address });
  server.createBucket(BUCKET);
  server.createBucket('empty-bucket');
  const s3 = new S3Client({});
  await putObjects(s3, BUCKET, OBJECTS);
  s3.destroy();
}, 120_000);
afterAll(() => server.stop());

describe('list-objects over 2,600 objects (three pages)', () => {
  test('with time to spare, one invocation lists every page and sums by extension', async () => {
    const context = scriptedContext(() => 15 * 60_000);
    const result = await listObjectsHandler({ bucket: BUCKET, runId: 'run-1' }, context);
    expect(result).toEqual({ bucket: BUCKET, runId: 'run-1', done: true, usage: expectedUsage() });
    expect(listObjectsContract.output.parse(result)).toEqual(result);
    // Asked once per page that had a next page.
    expect(context.calls).toBe(2);
  });

  test('near the time limit it returns a token and partial sums; fed back, it finishes with the same totals', async () => {
    const nearlyOut = () => scriptedContext(() => TIME_MARGIN_MS - 1);
    const results: ResultOf<typeof listObjectsContract>[] = [];
    let result = await listObjectsHandler(BUCKET, nearlyOut());
    results.push(result);
    while (!result.done) {
      result = await listObjectsHandler(result, nearlyOut());
      results.push(result);
    }
    // Each invocation still reads one page: 1,000 + 1,000 + 600.
    expect(results.map((r) => [r.done, r.usage.objects])).toEqual([
      [false, 1_000],
      [false, 2_000],
      [true, 2_600],
    ]);
    expect(results.every((r) => r.runId === results[0]!.runId)).toBe(true);
    expect(results[0]).toMatchObject({ continuationToken: expect.any(String) });
    expect(result.usage).toEqual(expectedUsage());
  });

  test('the time check stops between pages, never inside one', async () => {
    // Plenty of time after the first page, then nearly none.
    const result = await listObjectsHandler(BUCKET, scriptedContext((call) => (call === 0 ? 60_000 : 100)));
    expect(result).toMatchObject({ done: false, usage: { objects: 2_000 } });
  });

  test('the seed passes a bare bucket name ("InputPath": "$.0"); an empty bucket is done at once', async () => {
    const result = await listObjectsHandler('empty-bucket');
    expect(result).toMatchObject({ bucket: 'empty-bucket', done: true, usage: { objects: 0, bytes: 0, byExtension: {} } });
    expect(result.runId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('list-objects refuses what it cannot list', () => {
  test('a bucket that does not exist is ObjectNotFound', async () => {
    await expect(listObjectsHandler('no-such-bucket')).rejects.toMatchObject({ name: 'ObjectNotFound' });
    await expect(listObjectsHandler('no-such-bucket')).rejects.toBeInstanceOf(ObjectNotFound);
  });

  test.each([
    ['a number', 42],
    ['a bucket name with capitals', 'My_Bucket'],
    ['an object without bucket', { runId: 'r' }],
    ['a continuation token without the sums so far', { bucket: BUCKET, continuationToken: 'abc' }],
    ['negative sums', { bucket: BUCKET, continuationToken: 'abc', usage: { objects: -1, bytes: 0, byExtension: {} } }],
  ])('%s is InvalidRequest', async (_what, event) => {
    const error = await listObjectsHandler(event).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequest);
    expect((error as Error).message).toMatch(/^list-objects: the event does not match/);
  });
});
