/**
 * The accelerators installed in China, by design and by the quarter they
 * were deployed (vintages). Each vintage keeps its design's compute and
 * power draw and retires after the service life (CALIBRATION.md R9, rows
 * 200-202); the fleet installed before 2024, whose designs the model does
 * not carry, retires evenly over the first service life (an even spread of
 * ages). Kept as a ring of each design's last L quarters of deployments
 * and a running sum per design, so a quarter costs O(designs).
 *
 * Amounts pass through arrays, not arguments or return values: the
 * market's clearing is large enough that V8 does not always inline these
 * calls, and a number crossing a call that is not inlined is boxed on the
 * heap, every quarter of every run.
 */
export class Fleet {
  /** Deployments by design and quarter, design-major. */
  private readonly ring: Float64Array;
  private readonly quarters: number;
  /** Units of each design installed at the end of the quarter. */
  readonly installed: Float64Array;
  /**
   * In: [0] the service life (quarters), [1] the pre-2024 fleet (H100e),
   * [2] its power draw (GW), [3] the H100's TFLOPS. Out, at the end of the
   * quarter: [4] installed H100e, [5] installed TFLOPS, [6] power drawn (GW).
   */
  readonly state = new Float64Array(7);

  constructor(designs: number, quarters: number) {
    this.quarters = quarters + 1;
    this.ring = new Float64Array(designs * this.quarters);
    this.installed = new Float64Array(designs);
  }

  /** Empties the fleet; set state[0..3] after. */
  reset(): void {
    this.ring.fill(0);
    this.installed.fill(0);
    this.state.fill(0);
  }

  /**
   * Adds quarter q's deployments by design, retires the vintage that
   * reaches the service life, and totals the fleet's compute and power from
   * each design's H100-equivalents, TFLOPS and power draw per unit.
   */
  add(q: number, deployed: Float64Array, h100e: Float64Array, tflops: Float64Array, unitPowerGW: Float64Array): void {
    const { ring, installed, state, quarters } = this;
    const life = Math.max(1, Math.round(state[0] as number));
    const leaving = q - life;
    const left = 1 - (q + 1) / life;
    const share = left > 0 ? left : 0;
    let compute = (state[1] as number) * share;
    let teraflops = compute * (state[3] as number);
    let power = (state[2] as number) * share;
    for (let d = 0, row = 0; d < installed.length; d++, row += quarters) {
      const added = deployed[d] as number;
      ring[row + q] = added;
      let level = (installed[d] as number) + added;
      if (leaving >= 0) level -= ring[row + leaving] as number;
      // Running sums can drift a hair below zero after everything has retired.
      const units = level > 0 ? level : 0;
      installed[d] = units;
      compute += units * (h100e[d] as number);
      teraflops += units * (tflops[d] as number);
      power += units * (unitPowerGW[d] as number);
    }
    state[4] = compute;
    state[5] = teraflops;
    state[6] = power;
  }
}
