import { BucketStore, type BucketStoreJSON } from "./bucketStore.js";
import { type7Position } from "./quantile.js";
import { requireFinite } from "./requireFinite.js";

/** The relative accuracy of streamed quantiles: 0.5%. */
export const DEFAULT_RELATIVE_ACCURACY = 0.005;

/**
 * Buckets per sign before the lowest are folded together. At the default
 * accuracy a bucket spans a factor of about 1.01, so 2048 buckets cover
 * about 8.9 decades of magnitude per sign.
 */
export const DEFAULT_MAX_BUCKETS = 2048;

/** |x| below this (the smallest normal double, 2^-1022) is counted as zero. */
export const ZERO_THRESHOLD = 2 ** -1022;

/**
 * The buckets are built for an accuracy this much (relatively) tighter than
 * promised, so the rounding in log, pow and the interpolation (around
 * 1e-13 relative at worst) cannot push an answer past the promised bound.
 */
const ROUNDING_MARGIN = 1e-6;

export interface LogSketchJSON {
  readonly relativeAccuracy: number;
  readonly maxBuckets: number;
  readonly zeros: number;
  /** null when the sketch is empty (JSON has no infinities). */
  readonly min: number | null;
  readonly max: number | null;
  readonly positive: BucketStoreJSON;
  readonly negative: BucketStoreJSON;
}

/**
 * A quantile sketch with a guaranteed relative error: the DDSketch
 * construction (Masson, Rim and Lee, "DDSketch: a fast and fully-mergeable
 * quantile sketch with relative-error guarantees", VLDB 2019). A value x
 * with |x| >= ZERO_THRESHOLD goes to bucket i = ceil(log_gamma |x|) of the
 * store for its sign, gamma = (1 + a) / (1 - a); bucket i holds
 * (gamma^(i-1), gamma^i] and is represented by 2 gamma^i / (gamma + 1),
 * within relative error a of everything in it. Smaller |x| count as zero.
 * Counts are integers and the stores are order-free (see BucketStore), so
 * merging sketches of any split of the values, in any grouping, gives the
 * same state and the same serialised text as one pass.
 *
 * Rank rule: quantile(p) is type 7 applied to estimated order statistics.
 * With h = (n - 1) p, j = floor h, g = h - j and x_(j) the 0-based order
 * statistics, it returns y_j + g (y_(j+1) - y_j), where y_r is the estimate
 * of x_(r): its bucket's representative, clamped to the exact min and max
 * (so y_0 = min and y_(n-1) = max exactly).
 *
 * Guarantee: |y_r - x_(r)| <= a |x_(r)|, hence
 *   |quantile(p) - Q7(p)| <= a ((1 - g) |x_(j)| + g |x_(j+1)|),
 * which is a |Q7(p)| whenever x_(j) and x_(j+1) are not of strictly
 * opposite signs (Q7 is the exact type-7 quantile). Exceptions: an x_(r)
 * with 0 < |x_(r)| < ZERO_THRESHOLD is estimated as 0 (clamped), and once a store has
 * collapsed (see accurateAbove) an x_(r) whose magnitude lies in the folded
 * range is estimated by the lowest remaining bucket; its error is then
 * below (1 + a) accurateAbove in absolute terms rather than relative.
 */
export class LogSketch {
  readonly relativeAccuracy: number;
  readonly maxBuckets: number;
  private readonly gamma: number;
  private readonly logGamma: number;
  /** 2 gamma / (gamma + 1): the representative of bucket i is gamma^(i-1) times this. */
  private readonly representativeFactor: number;
  private readonly positive: BucketStore;
  /** Buckets of |x| for negative x. */
  private readonly negative: BucketStore;
  private zeros = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(relativeAccuracy: number = DEFAULT_RELATIVE_ACCURACY, maxBuckets: number = DEFAULT_MAX_BUCKETS) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) throw new RangeError(`relative accuracy must be in (0, 1), got ${relativeAccuracy}`);
    this.relativeAccuracy = relativeAccuracy;
    this.maxBuckets = maxBuckets;
    const a = relativeAccuracy * (1 - ROUNDING_MARGIN);
    this.gamma = (1 + a) / (1 - a);
    this.logGamma = Math.log(this.gamma);
    this.representativeFactor = (2 * this.gamma) / (this.gamma + 1);
    this.positive = new BucketStore(maxBuckets);
    this.negative = new BucketStore(maxBuckets);
  }

  get count(): number {
    return this.zeros + this.positive.total + this.negative.total;
  }

  /** The smallest value added (Infinity when empty). */
  get min(): number {
    return this.lo;
  }

  /** The largest value added (-Infinity when empty). */
  get max(): number {
    return this.hi;
  }

  /**
   * The magnitude at and below which the relative guarantee no longer holds
   * because the lowest buckets of a store were folded together; 0 while
   * nothing has been folded.
   */
  get accurateAbove(): number {
    let bound = 0;
    for (const store of [this.positive, this.negative]) {
      if (store.collapsed) bound = Math.max(bound, Math.pow(this.gamma, store.lowest - 1));
    }
    return bound;
  }

  add(x: number): void {
    requireFinite(x, "a quantile sketch");
    // -0 becomes 0: otherwise min and max could depend on whether -0 or 0 came first.
    const v = x + 0;
    if (v < this.lo) this.lo = v;
    if (v > this.hi) this.hi = v;
    const magnitude = Math.abs(v);
    if (magnitude < ZERO_THRESHOLD) this.zeros += 1;
    else (v > 0 ? this.positive : this.negative).add(Math.ceil(Math.log(magnitude) / this.logGamma));
  }

  merge(other: LogSketch): void {
    if (other.relativeAccuracy !== this.relativeAccuracy || other.maxBuckets !== this.maxBuckets) {
      throw new Error(
        `cannot merge sketches of accuracy ${this.relativeAccuracy} (${this.maxBuckets} buckets) and ${other.relativeAccuracy} (${other.maxBuckets} buckets)`,
      );
    }
    this.zeros += other.zeros;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    this.positive.merge(other.positive);
    this.negative.merge(other.negative);
  }

  /** The type-7 quantile of estimated order statistics; see the class comment for the guarantee. */
  quantile(p: number): number {
    const { index, fraction } = type7Position(this.count, p);
    const y0 = this.orderStatistic(index);
    if (fraction === 0) return y0;
    const q = y0 + fraction * (this.orderStatistic(index + 1) - y0);
    return Math.min(this.hi, Math.max(this.lo, q));
  }

  toJSON(): LogSketchJSON {
    const empty = this.count === 0;
    return {
      relativeAccuracy: this.relativeAccuracy,
      maxBuckets: this.maxBuckets,
      zeros: this.zeros,
      min: empty ? null : this.lo,
      max: empty ? null : this.hi,
      positive: this.positive.toJSON(),
      negative: this.negative.toJSON(),
    };
  }

  static fromJSON(json: LogSketchJSON): LogSketch {
    if (!json || typeof json.relativeAccuracy !== "number" || typeof json.maxBuckets !== "number") {
      throw new Error("sketch: expected relativeAccuracy and maxBuckets");
    }
    if (!(Number.isInteger(json.zeros) && json.zeros >= 0)) throw new Error(`sketch: expected a whole-number zero count, found ${json.zeros}`);
    const sketch = new LogSketch(json.relativeAccuracy, json.maxBuckets);
    sketch.zeros = json.zeros;
    sketch.positive.merge(BucketStore.fromJSON(json.positive, json.maxBuckets));
    sketch.negative.merge(BucketStore.fromJSON(json.negative, json.maxBuckets));
    const empty = sketch.count === 0;
    const bounds = [json.min, json.max];
    if (empty ? bounds.some((b) => b !== null) : bounds.some((b) => typeof b !== "number" || !Number.isFinite(b))) {
      throw new Error(empty ? "sketch: expected null min and max for no values" : "sketch: expected finite min and max");
    }
    if (!empty) {
      sketch.lo = json.min as number;
      sketch.hi = json.max as number;
    }
    return sketch;
  }

  /** The estimate y_r of the order statistic of 0-based rank r. */
  private orderStatistic(rank: number): number {
    if (rank === 0) return this.lo;
    if (rank === this.count - 1) return this.hi;
    let r = rank;
    let estimate: number;
    if (r < this.negative.total) estimate = -this.representative(this.negative.indexAtRank(r, true));
    else {
      r -= this.negative.total;
      estimate = r < this.zeros ? 0 : this.representative(this.positive.indexAtRank(r - this.zeros, false));
    }
    return Math.min(this.hi, Math.max(this.lo, estimate));
  }

  /**
   * 2 gamma^i / (gamma + 1), as gamma^(i-1) (which never exceeds the values
   * in the bucket, so never overflows) times 2 gamma / (gamma + 1). Only for
   * values within a of the largest double can the product overflow, and the
   * clamp to the exact max then brings it back.
   */
  private representative(index: number): number {
    return Math.pow(this.gamma, index - 1) * this.representativeFactor;
  }
}
