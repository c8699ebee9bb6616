import { ExactSum } from "./exactSum.js";

/**
 * Count, mean, standard deviation, min and max of a stream, from exact
 * sums of x and x^2, so any split and merge of the stream gives the same
 * bits. The variance (S2 - S1^2 / n) / (n - 1) loses digits when the spread
 * is tiny against the mean (relative error about 1e-16 mean^2 / variance);
 * where all values are stored, seriesStore uses the two-pass formula instead.
 */
export class Moments {
  count = 0;
  min = Infinity;
  max = -Infinity;
  private readonly sum = new ExactSum();
  private readonly sumOfSquares = new ExactSum();

  add(x: number): void {
    if (!Number.isFinite(x)) throw new Error(`cannot summarise ${x}: not a finite number`);
    this.count += 1;
    this.sum.add(x);
    this.sumOfSquares.add(x * x);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  merge(other: Moments): void {
    this.count += other.count;
    this.sum.merge(other.sum);
    this.sumOfSquares.merge(other.sumOfSquares);
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  mean(): number {
    return this.count > 0 ? this.sum.value() / this.count : 0;
  }

  sd(): number {
    const n = this.count;
    if (n < 2 || this.min === this.max) return 0;
    const s1 = this.sum.value();
    const variance = (this.sumOfSquares.value() - (s1 * s1) / n) / (n - 1);
    return variance > 0 ? Math.sqrt(variance) : 0;
  }
}
