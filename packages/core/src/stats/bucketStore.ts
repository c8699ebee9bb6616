/** The serialised form: counts of buckets first, first + 1, ... (the non-empty range). */
export interface BucketStoreJSON {
  readonly first: number;
  readonly counts: readonly number[];
  readonly collapsed: boolean;
}

/**
 * Integer counts of one sign's logarithmic buckets, held densely over the
 * range of non-empty bucket indices, at most `maxBuckets` wide.
 *
 * When a value would widen the range past the cap, the lowest buckets are
 * folded into the lowest bucket that remains (DDSketch's "collapsing
 * lowest" store). The state stays a function of the multiset of indices
 * alone, whatever the order or grouping of adds and merges: with hi the
 * largest index seen and lo the smallest, if hi - lo + 1 > maxBuckets every
 * index below hi - maxBuckets + 1 is counted in that bucket, otherwise
 * every index is counted in its own bucket.
 *
 * Counts are doubles holding whole numbers, exact up to 2^53 values.
 */
export class BucketStore {
  readonly maxBuckets: number;
  private counts = new Float64Array(0);
  /** The bucket index of counts[0]. */
  private offset = 0;
  /** Lowest and highest non-empty bucket (meaningful when total > 0). */
  private lo = 0;
  private hi = 0;
  private folded = false;
  private n = 0;

  constructor(maxBuckets: number) {
    if (!(Number.isInteger(maxBuckets) && maxBuckets >= 1)) throw new RangeError(`bucket cap must be a whole number of at least 1, got ${maxBuckets}`);
    this.maxBuckets = maxBuckets;
  }

  /** Values counted. */
  get total(): number {
    return this.n;
  }

  /** Whether values below the lowest bucket have been folded into it. */
  get collapsed(): boolean {
    return this.folded;
  }

  /** The lowest non-empty bucket index; throws when empty. */
  get lowest(): number {
    if (this.n === 0) throw new Error("empty bucket store has no lowest bucket");
    return this.lo;
  }

  add(index: number, count = 1): void {
    if (!Number.isInteger(index)) throw new RangeError(`bucket index must be a whole number, got ${index}`);
    if (!(Number.isInteger(count) && count >= 1)) throw new RangeError(`bucket count must be a whole number of at least 1, got ${count}`);
    let target = index;
    if (this.n === 0) {
      this.cover(index, index);
      this.lo = index;
      this.hi = index;
    } else {
      const hi = Math.max(this.hi, index);
      const floor = hi - this.maxBuckets + 1;
      if (Math.min(this.lo, index) < floor) {
        this.collapseTo(floor, hi);
        if (target < floor) target = floor;
      } else {
        this.cover(Math.min(this.lo, index), hi);
        this.lo = Math.min(this.lo, index);
      }
      this.hi = hi;
    }
    const k = target - this.offset;
    this.counts[k] = (this.counts[k] as number) + count;
    this.n += count;
  }

  merge(other: BucketStore): void {
    if (other.maxBuckets !== this.maxBuckets) throw new Error(`cannot merge bucket stores with caps ${this.maxBuckets} and ${other.maxBuckets}`);
    if (other.n === 0) return;
    // Snapshot first: merging a store into itself would otherwise read counts as they change.
    const first = other.lo;
    const counts = other.counts.slice(other.lo - other.offset, other.hi - other.offset + 1);
    const wasCollapsed = other.folded;
    for (let k = 0; k < counts.length; k++) {
      const c = counts[k] as number;
      if (c > 0) this.add(first + k, c);
    }
    // A collapsed store spans exactly maxBuckets, so adding its buckets may not
    // trigger a collapse here; the values folded into its lowest bucket still were.
    if (wasCollapsed) this.folded = true;
  }

  /**
   * The bucket holding the value of 0-based rank `rank` among the values
   * counted, ranked from the lowest bucket up (or from the highest down).
   */
  indexAtRank(rank: number, fromHighest: boolean): number {
    if (!(Number.isInteger(rank) && rank >= 0 && rank < this.n)) throw new RangeError(`rank ${rank} outside 0..${this.n - 1}`);
    let seen = 0;
    const width = this.hi - this.lo + 1;
    for (let k = 0; k < width; k++) {
      const index = fromHighest ? this.hi - k : this.lo + k;
      seen += this.counts[index - this.offset] as number;
      if (seen > rank) return index;
    }
    throw new Error("bucket counts do not add up to the total");
  }

  toJSON(): BucketStoreJSON {
    if (this.n === 0) return { first: 0, counts: [], collapsed: this.folded };
    return { first: this.lo, counts: Array.from(this.counts.subarray(this.lo - this.offset, this.hi - this.offset + 1)), collapsed: this.folded };
  }

  static fromJSON(json: BucketStoreJSON, maxBuckets: number): BucketStore {
    if (!json || !Number.isInteger(json.first) || !Array.isArray(json.counts) || typeof json.collapsed !== "boolean") {
      throw new Error("bucket store: expected { first: integer, counts: number[], collapsed: boolean }");
    }
    if (json.counts.length > maxBuckets) throw new Error(`bucket store: ${json.counts.length} buckets exceed the cap of ${maxBuckets}`);
    const store = new BucketStore(maxBuckets);
    json.counts.forEach((c, k) => {
      if (!(Number.isInteger(c) && c >= 0)) throw new Error(`bucket store: expected whole-number counts, found ${c}`);
      if (c > 0) store.add(json.first + k, c);
    });
    if (json.collapsed) store.folded = true;
    return store;
  }

  /** Folds every bucket below `floor` into it; the range becomes [floor, hi]. */
  private collapseTo(floor: number, hi: number): void {
    let moved = 0;
    for (let i = this.lo; i < floor && i <= this.hi; i++) {
      const k = i - this.offset;
      moved += this.counts[k] as number;
      this.counts[k] = 0;
    }
    // Every index below floor is now empty, so cover() keeps only [floor, old hi].
    this.lo = Math.max(this.lo, floor);
    this.cover(floor, hi);
    const k = floor - this.offset;
    this.counts[k] = (this.counts[k] as number) + moved;
    this.lo = floor;
    this.folded = true;
  }

  /**
   * Makes counts cover [lo, hi] (at most maxBuckets wide), keeping the
   * counts of non-empty buckets inside it. When growing, the spare room
   * goes on the side the range grew towards.
   */
  private cover(lo: number, hi: number): void {
    const length = this.counts.length;
    if (length > 0 && lo >= this.offset && hi < this.offset + length) return;
    const width = hi - lo + 1;
    const newLength = Math.min(this.maxBuckets, Math.max(width, 2 * length, 16));
    const offset = this.n > 0 && lo < this.lo ? hi - newLength + 1 : lo;
    const counts = new Float64Array(newLength);
    if (this.n > 0) {
      const from = Math.max(this.lo, lo);
      const to = Math.min(this.hi, hi);
      for (let i = from; i <= to; i++) counts[i - offset] = this.counts[i - this.offset] as number;
    }
    this.counts = counts;
    this.offset = offset;
  }
}
