/**
 * Capacity that is ordered now and comes online later: after `lag`
 * quarters the tools arrive, then output ramps up linearly over `ramp`
 * quarters (tool-in to full output). Used for fab lines, HBM wafers and
 * packaging alike. Storage is allocated once per model and reused across
 * runs; capacity arriving after the horizon is never needed, so it is
 * dropped.
 */
export class CapacityPipeline {
  private readonly arrivals: Float64Array;
  private current = 0;

  constructor(quarters: number) {
    this.arrivals = new Float64Array(quarters + 1);
  }

  reset(initial: number): void {
    this.arrivals.fill(0);
    this.current = initial;
  }

  /**
   * Orders `amount` of capacity in quarter q, arriving after `lag` quarters
   * (fractional lags split between neighbouring quarters) and ramping over
   * `ramp` quarters (at least one).
   */
  order(q: number, amount: number, lag: number, ramp: number): void {
    if (amount === 0) return;
    const steps = Math.max(1, Math.round(ramp));
    const share = amount / steps;
    const start = q + 1 + lag;
    const whole = Math.floor(start);
    const frac = start - whole;
    const last = this.arrivals.length - 1;
    for (let k = 0; k < steps; k++) {
      const at = whole + k;
      if (at <= last) this.arrivals[at] = (this.arrivals[at] as number) + share * (1 - frac);
      if (frac > 0 && at + 1 <= last) this.arrivals[at + 1] = (this.arrivals[at + 1] as number) + share * frac;
    }
  }

  /** Capacity in quarter q: call once per quarter, in order. */
  advance(q: number): number {
    if (q < this.arrivals.length) this.current += this.arrivals[q] as number;
    return this.current;
  }

  get value(): number {
    return this.current;
  }
}
