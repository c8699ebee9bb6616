import type { World } from "../../model/world.js";

/**
 * How the foreign HBM stockpile is drawn once us-hbm-ban is in force
 * (CALIBRATION.md row 144: the stock held in December 2024 was expected to
 * last 9-18 months). From the first quarter that starts at or after the
 * ban's start, and while the lever is on, designs may draw at most the
 * foreign stock held then divided by the cover, per quarter, plus what
 * leaks in that quarter; the rest is held back for later quarters. Before
 * the ban, or with the lever off, the whole stock is available.
 */
export class ForeignRation {
  /** The foreign stock when rationing began (-1 until then), and the stacks held back this quarter. */
  private readonly state = Float64Array.of(-1, 0);

  constructor(
    /** The foreign pool, the us-hbm-ban lever, and the parameters: the ban's start, the flow it blocks, the cover. */
    private readonly at: { readonly pool: number; readonly lever: number; readonly banStart: number; readonly flowBeforeBan: number; readonly cover: number },
  ) {}

  reset(): void {
    this.state[0] = -1;
    this.state[1] = 0;
  }

  /** Stacks held back from the designs this quarter. */
  get held(): number {
    return this.state[1] as number;
  }

  /**
   * Cuts the foreign pool (this quarter's inflow already in it) to what the
   * designs may draw this quarter, keeping the rest back. Reads what it
   * needs from the world: numbers passed to or returned from a call V8
   * does not inline are boxed on the heap.
   */
  apply(w: World): void {
    const { at, state } = this;
    const strength = w.lever[at.lever] as number;
    if (w.q < w.p(at.banStart) || !(strength > 0)) {
      state[1] = 0;
      return;
    }
    const pool = w.hbmPool;
    const stock = pool[at.pool] as number;
    if ((state[0] as number) < 0) state[0] = stock;
    // What leaked in this quarter through the unenforced share of the ban.
    const leak = w.p(at.flowBeforeBan) * (1 - strength);
    const cover = w.p(at.cover);
    // No cover, no ration. (Written without Infinity, which V8 would box here.)
    let available = stock;
    if (cover > 0) {
      const ration = (state[0] as number) / cover + leak;
      if (ration < stock) available = ration;
    }
    state[1] = stock - available;
    pool[at.pool] = available;
  }
}
