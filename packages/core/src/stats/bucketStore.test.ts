import { describe, expect, it } from "vitest";
import { StreamRng } from "../random/streamRng.js";
import { BucketStore } from "./bucketStore.js";

function storeOf(indices: readonly number[], maxBuckets: number): BucketStore {
  const s = new BucketStore(maxBuckets);
  for (const i of indices) s.add(i);
  return s;
}

/**
 * The documented state, computed directly from the multiset: with range
 * [lo, hi] wider than the cap, every index below hi - cap + 1 counts there.
 */
function expected(indices: readonly number[], maxBuckets: number): { first: number; counts: number[]; collapsed: boolean } {
  const lo = Math.min(...indices);
  const hi = Math.max(...indices);
  const collapsed = hi - lo + 1 > maxBuckets;
  const first = collapsed ? hi - maxBuckets + 1 : lo;
  const counts = new Array<number>(hi - first + 1).fill(0);
  for (const i of indices) counts[Math.max(i, first) - first]! += 1;
  return { first, counts, collapsed };
}

describe("BucketStore", () => {
  it("folds the lowest buckets into the lowest kept one past the cap", () => {
    // Cap 4; indices 0..3 fit. Adding 5 makes the range 0..5 (6 wide): keep 2..5, so 0 and 1 join 2.
    const s = storeOf([0, 1, 2, 3], 4);
    expect(s.collapsed).toBe(false);
    s.add(5);
    expect(s.toJSON()).toEqual({ first: 2, counts: [3, 1, 0, 1], collapsed: true });
    // A later low index goes straight into the lowest kept bucket.
    s.add(-100);
    expect(s.toJSON()).toEqual({ first: 2, counts: [4, 1, 0, 1], collapsed: true });
  });

  it("reaches the same state in any order and grouping, as documented", () => {
    const rng = new StreamRng();
    rng.reset(41, 42, 43);
    for (const cap of [8, 50, 1000]) {
      const indices = Array.from({ length: 2000 }, () => Math.floor((rng.next() - 0.5) * 120));
      const text = JSON.stringify(expected(indices, cap));
      expect(JSON.stringify(storeOf(indices, cap))).toBe(text);
      expect(JSON.stringify(storeOf([...indices].reverse(), cap))).toBe(text);
      // Rising and falling runs slide the window and grow the array at either end.
      expect(JSON.stringify(storeOf([...indices].sort((x, y) => x - y), cap))).toBe(text);
      expect(JSON.stringify(storeOf([...indices].sort((x, y) => y - x), cap))).toBe(text);
      // Three shards merged two ways, one of them through JSON.
      const shards = [0, 1, 2].map((k) => storeOf(indices.filter((_, i) => i % 3 === k), cap));
      const a = new BucketStore(cap);
      for (const k of [2, 1, 0]) a.merge(BucketStore.fromJSON(JSON.parse(JSON.stringify(shards[k])), cap));
      const b = storeOf([], cap);
      b.merge(shards[0] as BucketStore);
      (shards[1] as BucketStore).merge(shards[2] as BucketStore);
      b.merge(shards[1] as BucketStore);
      expect(JSON.stringify(a)).toBe(text);
      expect(JSON.stringify(b)).toBe(text);
    }
  });

  it("keeps the collapsed mark when a collapsed store merges into one whose range it fits", () => {
    // [0, 9] with cap 4 collapses to buckets 6..9; merged into an empty store it spans exactly 4 buckets.
    const target = new BucketStore(4);
    target.merge(storeOf([0, 9], 4));
    expect(target.toJSON()).toEqual({ first: 6, counts: [1, 0, 0, 1], collapsed: true });
  });

  it("finds the bucket of a rank from either end", () => {
    // Buckets 3 (2 values), 4 (0), 5 (1), 6 (3): ascending ranks 0-1 in 3, 2 in 5, 3-5 in 6.
    const s = storeOf([3, 3, 5, 6, 6, 6], 10);
    expect([0, 1, 2, 3, 5].map((r) => s.indexAtRank(r, false))).toEqual([3, 3, 5, 6, 6]);
    expect([0, 2, 3, 5].map((r) => s.indexAtRank(r, true))).toEqual([6, 6, 5, 3]);
    expect(() => s.indexAtRank(6, false)).toThrow(RangeError);
  });

  it("merges into itself as doubling, and refuses other caps and malformed JSON", () => {
    const s = storeOf([1, 2, 2], 10);
    s.merge(s);
    expect(s.toJSON()).toEqual({ first: 1, counts: [2, 4], collapsed: false });
    expect(() => s.merge(new BucketStore(11))).toThrow(/caps/);
    expect(() => BucketStore.fromJSON({ first: 0, counts: [1, 1, 1], collapsed: false }, 2)).toThrow(/exceed/);
    expect(() => BucketStore.fromJSON({ first: 0, counts: [1.5], collapsed: false }, 2)).toThrow(/whole-number/);
  });
});
