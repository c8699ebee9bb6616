/**
 * What enters now and comes out later: wafers through the fab (cycle
 * time), packages through assembly and test, accelerators through
 * delivery. What enters during quarter q is spread evenly over that
 * quarter, so after a delay of L quarters it leaves spread over
 * [q + L, q + 1 + L): the share 1 - f in quarter q + floor(L) and f in the
 * next, where f = L - floor(L). A delay under one quarter gives part of
 * what enters back in the same quarter, so callers put before they take.
 * Storage is allocated once per model and reused across runs; what would
 * leave after the horizon stays in transit.
 */
export class DelayLine {
  private readonly leaving: Float64Array;
  private inTransit = 0;

  constructor(quarters: number) {
    this.leaving = new Float64Array(quarters + 1);
  }

  reset(): void {
    this.leaving.fill(0);
    this.inTransit = 0;
  }

  /**
   * Fills the line as if `perQuarter` had entered in every quarter before
   * the first, so that output starts at its steady rate rather than at 0
   * (work in progress at the start of 2024).
   */
  prime(perQuarter: number, delay: number): void {
    const before = Math.ceil(delay) + 1;
    for (let q = -before; q < 0; q++) this.put(q, perQuarter, delay);
  }

  /** `amount` enters in quarter q and leaves after `delay` quarters (0 or more). */
  put(q: number, amount: number, delay: number): void {
    if (amount === 0) return;
    const at = q + delay;
    const whole = Math.floor(at);
    const frac = at - whole;
    const last = this.leaving.length - 1;
    const first = amount * (1 - frac);
    const second = amount * frac;
    // Whatever would have left before the first quarter has left already.
    if (whole >= 0 && whole <= last) this.leaving[whole] = (this.leaving[whole] as number) + first;
    if (whole + 1 >= 0 && whole + 1 <= last) this.leaving[whole + 1] = (this.leaving[whole + 1] as number) + second;
    if (whole >= 0) this.inTransit += first;
    if (whole + 1 >= 0) this.inTransit += second;
  }

  /** What leaves in quarter q: call once per quarter, in order, after this quarter's `put`. */
  take(q: number): number {
    if (q < 0 || q >= this.leaving.length) return 0;
    const out = this.leaving[q] as number;
    const left = this.inTransit - out;
    // Sums of fractions can leave a rounding residue; nothing in transit is never negative.
    this.inTransit = left > 0 ? left : 0;
    return out;
  }

  /** Everything that has entered and not yet left (work in progress). */
  get pending(): number {
    return this.inTransit;
  }
}
