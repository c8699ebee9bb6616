import { ExactSum, type ExactSumJSON } from "./exactSum.js";
import { productError } from "./productError.js";
import { requireFinite } from "./requireFinite.js";

/**
 * The largest |x| Moments accepts, 2^400 (about 2.6e120). Below it the
 * squares, n times their sum and the square of the sum stay far from
 * overflow for any count up to 2^53, so every step of sd() is exact.
 */
export const MAX_MOMENT_MAGNITUDE = 2 ** 400;

export interface MomentsJSON {
  readonly count: number;
  readonly sum: ExactSumJSON;
  readonly sumOfSquares: ExactSumJSON;
  /** null when count is 0 (JSON has no infinities). */
  readonly min: number | null;
  readonly max: number | null;
}

/**
 * Count, mean, sample standard deviation, min and max of a stream, from the
 * exact sums S1 = sum x and S2 = sum x^2, so any split of the stream,
 * merged in any grouping, gives the same bits.
 *
 * Each square is kept exactly (as its rounded value plus its rounding
 * error), so S2 is the exact sum of squares (for |x| above about 1e-146;
 * below that the rounding error of a square underflows and S2 is merely
 * deterministic, not exact). sd() then forms
 * n S2 - S1^2 exactly, rounds it once, and divides: the variance is within
 * a few ulps of the true sample variance even when the spread is tiny next
 * to the mean, where (S2 - S1^2 / n) / (n - 1) in plain doubles would
 * cancel to noise.
 */
export class Moments {
  private n = 0;
  private lo = Infinity;
  private hi = -Infinity;
  private readonly sum = new ExactSum();
  private readonly sumOfSquares = new ExactSum();

  get count(): number {
    return this.n;
  }

  /** The smallest value added (Infinity when empty); -0 is stored as 0. */
  get min(): number {
    return this.lo;
  }

  /** The largest value added (-Infinity when empty). */
  get max(): number {
    return this.hi;
  }

  add(x: number): void {
    requireFinite(x, "moments");
    if (Math.abs(x) > MAX_MOMENT_MAGNITUDE) throw new RangeError(`cannot add ${x} to moments: |x| above 2^400 would overflow the sums of squares`);
    // -0 becomes 0: otherwise min and max could depend on whether -0 or 0 came first.
    const v = x + 0;
    this.n += 1;
    this.sum.add(v);
    const square = v * v;
    this.sumOfSquares.add(square);
    this.sumOfSquares.add(productError(v, v, square));
    if (v < this.lo) this.lo = v;
    if (v > this.hi) this.hi = v;
  }

  merge(other: Moments): void {
    this.n += other.n;
    this.sum.merge(other.sum);
    this.sumOfSquares.merge(other.sumOfSquares);
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }

  /** The correctly rounded sum divided by the count. */
  mean(): number {
    if (this.n === 0) throw new Error("mean of no values");
    return this.sum.value() / this.n;
  }

  /** Sample standard deviation (divisor n - 1); 0 for fewer than two values. */
  sd(): number {
    const n = this.n;
    if (n < 2) return 0;
    // n S2 - S1^2 as an exact sum of exact products. The canonical components
    // (not the order-dependent partials) feed the products, so even a product
    // that underflows is the same whatever order the values came in.
    const numerator = new ExactSum();
    for (const s of this.sumOfSquares.components()) {
      const p = n * s;
      numerator.add(p);
      numerator.add(productError(n, s, p));
    }
    const s1 = this.sum.components();
    for (const a of s1) {
      for (const b of s1) {
        const p = a * b;
        numerator.add(-p);
        numerator.add(-productError(a, b, p));
      }
    }
    // n S2 >= S1^2 exactly (Cauchy-Schwarz); the guard is for underflowed products only.
    const spread = numerator.value();
    return spread > 0 ? Math.sqrt(spread / (n * (n - 1))) : 0;
  }

  toJSON(): MomentsJSON {
    const empty = this.n === 0;
    return { count: this.n, sum: this.sum.toJSON(), sumOfSquares: this.sumOfSquares.toJSON(), min: empty ? null : this.lo, max: empty ? null : this.hi };
  }

  static fromJSON(json: MomentsJSON): Moments {
    if (!json || !(Number.isInteger(json.count) && json.count >= 0)) throw new Error("moments: expected a whole-number count");
    const empty = json.count === 0;
    const bounds = [json.min, json.max];
    if (empty ? bounds.some((b) => b !== null) : bounds.some((b) => typeof b !== "number" || !Number.isFinite(b))) {
      throw new Error(empty ? "moments: expected null min and max for no values" : "moments: expected finite min and max");
    }
    const m = new Moments();
    m.n = json.count;
    m.sum.merge(ExactSum.fromJSON(json.sum));
    m.sumOfSquares.merge(ExactSum.fromJSON(json.sumOfSquares));
    if (!empty) {
      m.lo = json.min as number;
      m.hi = json.max as number;
    }
    return m;
  }
}
