import { requireFinite } from "./requireFinite.js";

/** The serialised form: the canonical components of the exact sum, largest first. */
export interface ExactSumJSON {
  readonly partials: readonly number[];
}

/**
 * Exact floating-point summation (Shewchuk, "Adaptive precision
 * floating-point arithmetic and fast robust geometric predicates", 1997;
 * the algorithm of Python's math.fsum). The running sum is a list of
 * non-overlapping partials, in increasing magnitude, whose exact total is
 * the exact sum of everything added, so value() (the correctly rounded sum)
 * cannot depend on the order of the additions or on how partial sums from
 * workers and shards are grouped and merged.
 *
 * In practice the list holds a handful of entries (for a million lognormal
 * values, about 3 for their sum and 4 for their sum of squares, 8 at most);
 * non-overlap bounds it by the roughly 2100 bits of the double range. A zero
 * sum is always +0, so the sign of a zero cannot depend on the order either.
 */
export class ExactSum {
  /** partials[0..size-1]: non-overlapping, increasing in magnitude. The buffer is reused and grows only with the list, so add() does not allocate. */
  private partials = new Float64Array(8);
  private size = 0;

  add(x: number): void {
    requireFinite(x, "an exact sum");
    this.grow(x);
  }

  merge(other: ExactSum): void {
    // Copy first: merging a sum into itself would otherwise read partials as they change.
    const source = other.partials.slice(0, other.size);
    for (const x of source) this.grow(x);
  }

  /** The exact sum correctly rounded to the nearest double (ties to even). */
  value(): number {
    const p = this.partials;
    let n = this.size;
    if (n === 0) return 0;
    let hi = p[--n] as number;
    let lo = 0;
    // Add from the largest down until the sum becomes inexact.
    while (n > 0) {
      const x = hi;
      const y = p[--n] as number;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // hi + lo is exact, and lo is half an ulp of hi or less. If lo is
    // exactly half an ulp, hi was rounded to even; the partials still below
    // decide whether the exact sum lies past the tie, and then hi moves one ulp.
    if (n > 0) {
      const next = p[n - 1] as number;
      if ((lo < 0 && next < 0) || (lo > 0 && next > 0)) {
        const y = lo * 2;
        const x = hi + y;
        if (y === x - hi) hi = x;
      }
    }
    return hi + 0;
  }

  /**
   * A canonical expansion of the exact sum: c0 = the sum rounded, c1 = the
   * remainder rounded, and so on until nothing remains. Unlike the partials
   * (which depend on the order of the additions) it is a function of the
   * exact value alone, so equal sums serialise identically and computations
   * over the components give the same bits whatever the history.
   */
  components(): number[] {
    const work = new ExactSum();
    work.merge(this);
    const out: number[] = [];
    for (;;) {
      const c = work.value();
      // A double sum is a multiple of 2^-1074, so a non-zero remainder never rounds to 0.
      if (c === 0) return out;
      out.push(c);
      work.grow(-c);
    }
  }

  toJSON(): ExactSumJSON {
    return { partials: this.components() };
  }

  static fromJSON(json: ExactSumJSON): ExactSum {
    if (!json || !Array.isArray(json.partials)) throw new Error("exact sum: expected { partials: number[] }");
    const sum = new ExactSum();
    // Adding the components one by one rebuilds valid partials even from a hand-edited list.
    for (const x of json.partials) {
      if (typeof x !== "number") throw new Error(`exact sum: expected numbers in partials, found ${JSON.stringify(x)}`);
      sum.add(x);
    }
    return sum;
  }

  /** Shewchuk's grow-expansion: adds x to the partials exactly. */
  private grow(value: number): void {
    const p = this.partials;
    const size = this.size;
    let x = value + 0;
    let i = 0;
    for (let j = 0; j < size; j++) {
      let y = p[j] as number;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    // Only a sum of about 2^1024 or more gets here; the partials are no longer meaningful.
    if (!Number.isFinite(x)) throw new RangeError("exact sum overflowed the double range; this accumulator can no longer be used");
    if (i === p.length) {
      this.partials = new Float64Array(2 * p.length);
      this.partials.set(p);
    }
    this.partials[i] = x;
    this.size = i + 1;
  }
}
