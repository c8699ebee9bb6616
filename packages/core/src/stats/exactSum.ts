/**
 * Exact floating-point summation (Shewchuk, "Adaptive precision
 * floating-point arithmetic", 1997; the algorithm of Python's math.fsum).
 * The running sum is kept as non-overlapping partials whose exact total is
 * the exact sum of everything added; value() rounds it correctly. So the
 * result does not depend on the order of the additions or on how partial
 * sums from workers and shards are merged: it is bit-identical.
 */
export class ExactSum {
  private partials: number[] = [];

  add(value: number): void {
    if (!Number.isFinite(value)) throw new Error(`cannot sum ${value}: not a finite number`);
    let x = value;
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
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
    p.length = i;
    p.push(x);
  }

  merge(other: ExactSum): void {
    for (const x of other.partials) this.add(x);
  }

  /** The exact sum, correctly rounded to the nearest double (ties to even). */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n] as number;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Round half-even correctly when the remaining partials push lo past a tie.
    if (n > 0 && ((lo < 0 && (p[n - 1] as number) < 0) || (lo > 0 && (p[n - 1] as number) > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
    return hi;
  }
}
