import { describe, expect, it } from 'vitest';
import { BoundedSet } from '../../src/engine/bounded-set.js';

describe('BoundedSet', () => {
  it('keeps at most `limit` entries, forgetting the least recently added', () => {
    const set = new BoundedSet<number>(3);
    for (const n of [1, 2, 3]) set.add(n);
    set.add(1); // refreshed: now the newest
    set.add(4);
    expect([1, 2, 3, 4].map((n) => set.has(n))).toEqual([true, false, true, true]);
    expect(set.size).toBe(3);
  });

  it('stays bounded however many entries pass through', () => {
    const set = new BoundedSet<string>(100);
    for (let i = 0; i < 10_000; i++) set.add(`token-${i}`);
    expect(set.size).toBe(100);
    expect(set.has('token-9999')).toBe(true);
    expect(set.has('token-0')).toBe(false);
  });
});
