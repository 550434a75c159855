import { describe, expect, test } from 'vitest';
import { extensionOf, NO_EXTENSION, OTHER_EXTENSION } from '../../src/usage/extension.js';
import { MAX_EXTENSIONS, UsageTally } from '../../src/usage/usage.js';

describe('extensionOf', () => {
  test.each([
    ['photos/2024/IMG_0001.JPG', 'jpg'],
    ['archive.tar.gz', 'gz'],
    ['a.b/c', NO_EXTENSION],
    ['README', NO_EXTENSION],
    ['config/.env', NO_EXTENSION],
    ['logs/', NO_EXTENSION],
    ['trailing.', NO_EXTENSION],
    ['odd.with space', OTHER_EXTENSION],
    ['very.longextensionnamebeyondsixteen', OTHER_EXTENSION],
    ['c++.h++', 'h++'],
  ])('%s → %s', (key, extension) => {
    expect(extensionOf(key)).toBe(extension);
  });
});

describe('UsageTally', () => {
  test('sums by extension and goes on from earlier partial sums', () => {
    const first = new UsageTally();
    first.add('a.jpg', 10);
    first.add('b.JPG', 5);
    first.add('c', 1);
    const resumed = UsageTally.from(first.toUsage());
    resumed.add('d.png', 100);
    expect(resumed.toUsage()).toEqual({
      objects: 4,
      bytes: 116,
      byExtension: { '(none)': { objects: 1, bytes: 1 }, jpg: { objects: 2, bytes: 15 }, png: { objects: 1, bytes: 100 } },
    });
  });

  test(`keeps at most ${MAX_EXTENSIONS} extensions, the rest summed under (other), totals intact`, () => {
    const tally = new UsageTally();
    for (let i = 0; i < 2_000; i++) tally.add(`file.x${i}`, 2);
    const usage = tally.toUsage();
    expect(Object.keys(usage.byExtension)).toHaveLength(MAX_EXTENSIONS);
    expect(usage.byExtension[OTHER_EXTENSION]).toEqual({ objects: 2_000 - (MAX_EXTENSIONS - 1), bytes: 2 * (2_000 - (MAX_EXTENSIONS - 1)) });
    expect(usage).toMatchObject({ objects: 2_000, bytes: 4_000 });
    const summed = Object.values(usage.byExtension).reduce((sum, e) => sum + e.objects, 0);
    expect(summed).toBe(2_000);
  });
});
