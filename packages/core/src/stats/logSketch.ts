/**
 * A quantile sketch with a guaranteed relative error (the DDSketch
 * construction of Masson, Rim and Lee, VLDB 2019). Values fall into
 * logarithmic buckets (gamma^(i-1), gamma^i] with gamma = (1 + a) / (1 - a);
 * a bucket is represented by 2 gamma^i / (gamma + 1), which is within
 * relative error a of every value in it. Counts are integers, so merging
 * sketches from any split of the runs is exact, and memory grows with the
 * spread of the values (log of max/min), not with their number.
 *
 * Rank rule: quantile(p) returns the representative of the bucket that
 * holds the order statistic of 0-based rank floor(p (n - 1)); it is within
 * relative error a of that order statistic. Zero (and |x| below
 * ZERO_THRESHOLD) is its own bucket and is returned exactly as 0.
 */
export const DEFAULT_RELATIVE_ACCURACY = 0.005;
export const ZERO_THRESHOLD = 1e-300;

export class LogSketch {
  readonly relativeAccuracy: number;
  count = 0;
  private readonly gamma: number;
  private readonly logGamma: number;
  private readonly positive = new Map<number, number>();
  private readonly negative = new Map<number, number>();
  private zeros = 0;

  constructor(relativeAccuracy: number = DEFAULT_RELATIVE_ACCURACY) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) throw new Error(`relative accuracy must be in (0, 1), got ${relativeAccuracy}`);
    this.relativeAccuracy = relativeAccuracy;
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(this.gamma);
  }

  add(x: number): void {
    if (!Number.isFinite(x)) throw new Error(`cannot add ${x} to a sketch: not a finite number`);
    this.count += 1;
    if (Math.abs(x) < ZERO_THRESHOLD) {
      this.zeros += 1;
      return;
    }
    const store = x > 0 ? this.positive : this.negative;
    const i = this.index(Math.abs(x));
    store.set(i, (store.get(i) ?? 0) + 1);
  }

  merge(other: LogSketch): void {
    if (other.relativeAccuracy !== this.relativeAccuracy) throw new Error("cannot merge sketches of different accuracy");
    this.count += other.count;
    this.zeros += other.zeros;
    for (const [i, c] of other.positive) this.positive.set(i, (this.positive.get(i) ?? 0) + c);
    for (const [i, c] of other.negative) this.negative.set(i, (this.negative.get(i) ?? 0) + c);
  }

  quantile(p: number): number {
    if (this.count === 0) throw new Error("quantile of an empty sketch");
    const rank = Math.floor(p * (this.count - 1));
    let seen = 0;
    // Negative values, from the most negative (largest index) up.
    const negatives = [...this.negative.keys()].sort((a, b) => b - a);
    for (const i of negatives) {
      seen += this.negative.get(i) as number;
      if (seen > rank) return -this.representative(i);
    }
    seen += this.zeros;
    if (seen > rank) return 0;
    const positives = [...this.positive.keys()].sort((a, b) => a - b);
    for (const i of positives) {
      seen += this.positive.get(i) as number;
      if (seen > rank) return this.representative(i);
    }
    return this.representative(positives[positives.length - 1] as number);
  }

  /** Buckets in use: the sketch's memory. */
  get buckets(): number {
    return this.positive.size + this.negative.size + (this.zeros > 0 ? 1 : 0);
  }

  private index(abs: number): number {
    return Math.ceil(Math.log(abs) / this.logGamma);
  }

  private representative(i: number): number {
    return (2 * Math.pow(this.gamma, i)) / (this.gamma + 1);
  }
}
