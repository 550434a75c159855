import { describe, expect, test } from 'vitest';
import { InvalidRequest } from '../../src/errors.js';
import { sumUsageBatchContract } from '../../src/usage/contract.js';
import { sumUsageBatchHandler } from '../../src/usage/sum-usage-batch.js';
import { MAX_EXTENSIONS } from '../../src/usage/usage.js';

/** An object as the Distributed Map's S3 reader hands it over. */
const item = (Key: string, Size: number) => ({ Key, Size, Etag: '"0f343b0931126a20f133d67c2b018a3b"', LastModified: 1_704_164_645, StorageClass: 'STANDARD' });
const batch = (Items: unknown[]) => ({ Items, BatchInput: { bucket: 'usage-modern' } });

describe('sum-usage-batch', () => {
  test('sums size and count by extension, with the listing\'s extension rules, rows in alphabetical order', async () => {
    const result = await sumUsageBatchHandler(
      batch([
        item('photos/2024/a.JPG', 1_000),
        item('photos/b.jpg', 24),
        item('docs/report.pdf', 300),
        item('README', 7),
        item('logs/', 0),
        item('archive.tar.gz', 50),
        item('odd.name.with dots', 3),
      ]),
    );
    expect(result).toEqual({
      rows: [
        { extension: '(none)', objects: 2, bytes: 7 },
        { extension: '(other)', objects: 1, bytes: 3 },
        { extension: 'gz', objects: 1, bytes: 50 },
        { extension: 'jpg', objects: 2, bytes: 1_024 },
        { extension: 'pdf', objects: 1, bytes: 300 },
      ],
    });
    expect(sumUsageBatchContract.output.parse(result)).toEqual(result);
  });

  test('an empty batch has no rows', async () => {
    expect(await sumUsageBatchHandler(batch([]))).toEqual({ rows: [] });
  });

  test('only Key and Size are needed: an item without the reader\'s other fields is summed', async () => {
    expect(await sumUsageBatchHandler(batch([{ Key: 'x.csv', Size: 9 }]))).toEqual({ rows: [{ extension: 'csv', objects: 1, bytes: 9 }] });
  });

  test(`a batch of more than ${MAX_EXTENSIONS} extensions keeps ${MAX_EXTENSIONS - 1} and sums the rest under (other)`, async () => {
    const items = Array.from({ length: MAX_EXTENSIONS + 10 }, (_, i) => item(`file.e${String(i).padStart(4, '0')}`, 1));
    const { rows } = await sumUsageBatchHandler(batch(items));
    expect(rows).toHaveLength(MAX_EXTENSIONS);
    expect(rows.find((row) => row.extension === '(other)')).toEqual({ extension: '(other)', objects: 11, bytes: 11 });
    expect(rows.reduce((sum, row) => sum + row.objects, 0)).toBe(MAX_EXTENSIONS + 10);
  });

  test.each([
    ['no Items', { BatchInput: { bucket: 'usage-modern' } }, /Items/],
    ['no BatchInput', { Items: [] }, /BatchInput/],
    ['a bucket that is not a bucket name', { Items: [], BatchInput: { bucket: 'Not A Bucket' } }, /BatchInput\.bucket/],
    ['an item without Key', batch([{ Size: 1 }]), /Items\[0\]\.Key/],
    ['a size as text', batch([{ Key: 'a.txt', Size: '12' }]), /Items\[0\]\.Size/],
    ['a negative size', batch([{ Key: 'a.txt', Size: -1 }]), /Items\[0\]\.Size/],
    ['an array (one batch item, not the batch)', [item('a.txt', 1)], /expected object/],
  ])('%s is InvalidRequest naming the field', async (_what, event, field) => {
    const error = await sumUsageBatchHandler(event).then(
      () => expect.fail('expected InvalidRequest'),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(InvalidRequest);
    expect(error.name).toBe('InvalidRequest');
    expect(error.message).toMatch(/^sum-usage-batch: the event does not match the handler's contract/);
    expect(error.message).toMatch(field);
  });
});
