/**
 * Data-centre capacity for AI accelerators connected to the grid. It starts
 * at what was connected by 2024 and grows by two kinds of project:
 * - planned ones, connected at a rate that grows each year (rows 195-196:
 *   China's data-centre load rising by a few GW a year);
 * - ones started for a shortfall: when buyers' accelerators found no power
 *   in a quarter, developers start, the next quarter, data centres for the
 *   part of that shortfall not already being built, and these connect
 *   after the grid-connection time (row 199). Generation is not the limit
 *   in China (CALIBRATION.md note 9); connecting new load is.
 * Capacity is never taken away: retired accelerators free the power they
 * drew for new ones.
 *
 * Amounts pass through `state`, not arguments or return values: the power
 * agent's step may not be inlined, and a number crossing a call that is
 * not inlined is boxed on the heap, every quarter of every run.
 */
export class GridConnections {
  /** GW started for shortfalls, by the quarter it connects (spread over two quarters as model/delayLine.ts spreads a delay). */
  private readonly arriving: Float64Array;
  /**
   * [0] capacity connected (GW), [1] the shortfall seen last quarter (GW, in),
   * [2] GW being built for shortfalls, [3] planned connections this quarter (GW),
   * [4] connections this quarter (GW, planned and for shortfalls),
   * [5] the quarterly growth factor of planned connections, [6] the grid-connection time (quarters, 0 or more).
   */
  readonly state = new Float64Array(7);

  constructor(quarters: number) {
    this.arriving = new Float64Array(quarters + 1);
  }

  /** Empties the pipeline; set state[0] (connected), [3] (planned GW a quarter in 2024Q1), [5] and [6] after. */
  reset(): void {
    this.arriving.fill(0);
    this.state.fill(0);
  }

  /** Quarter q: starts projects for state[1], the shortfall seen last quarter, and connects what is due. */
  step(q: number): void {
    const s = this.state;
    const arriving = this.arriving;
    if (q > 0) s[3] = (s[3] as number) * (s[5] as number);
    let building = s[2] as number;
    const short = (s[1] as number) - building;
    // Computed in every quarter, 0 when nothing is short: a branch that only rare runs reach leaves V8
    // without type feedback, and it deoptimises the step when one comes. Written out rather than through
    // DelayLine, whose take and pending return numbers, which a call V8 does not inline boxes.
    const uncovered = short > 0 ? short : 0;
    const at = q + (s[6] as number);
    const whole = Math.floor(at);
    const frac = at - whole;
    if (whole < arriving.length) arriving[whole] = (arriving[whole] as number) + uncovered * (1 - frac);
    if (whole + 1 < arriving.length) arriving[whole + 1] = (arriving[whole + 1] as number) + uncovered * frac;
    building += uncovered;
    const arrived = arriving[q] as number;
    building -= arrived;
    // Sums of fractions can leave a rounding residue.
    s[2] = building > 0 ? building : 0;
    const connecting = (s[3] as number) + arrived;
    s[4] = connecting;
    s[0] = (s[0] as number) + connecting;
  }
}
