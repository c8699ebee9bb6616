import type { World } from "../../model/world.js";

/**
 * How the foreign HBM stockpile is drawn once us-hbm-ban is in force
 * (CALIBRATION.md row 144: the stock held in December 2024 was expected to
 * last 9-18 months). From the quarter the ban starts in, and while the
 * lever is on, designs may draw at most the foreign stock held then
 * divided by the cover, per quarter, plus what leaks in that quarter; the
 * rest is held back for later quarters. The stacks rushed in between the
 * ban's announcement and its start arrive in that same quarter, so they are
 * part of the reserve: they were bought to outlast the ban, not to be spent
 * before it. Before the ban, or with the lever off, the whole stock is
 * available.
 */
export class ForeignRation {
  /**
   * The foreign stock when rationing began (-1 until then), the stacks held
   * back this quarter, and this run's ban start, blocked flow and cover.
   */
  private readonly state = Float64Array.of(-1, 0, 0, 0, 0);

  constructor(
    /** The foreign pool, the us-hbm-ban lever, and the parameters: the ban's start, the flow it blocks, the cover. */
    private readonly at: { readonly pool: number; readonly lever: number; readonly banStart: number; readonly flowBeforeBan: number; readonly cover: number },
  ) {}

  reset(w: World): void {
    const { at, state } = this;
    state[0] = -1;
    state[1] = 0;
    state[2] = w.p(at.banStart);
    state[3] = w.p(at.flowBeforeBan);
    state[4] = w.p(at.cover);
  }

  /** Stacks held back from the designs this quarter. */
  get held(): number {
    return this.state[1] as number;
  }

  /**
   * Cuts the foreign pool (this quarter's inflow already in it) to what the
   * designs may draw this quarter, keeping the rest back. Reads what it
   * needs from the world and its state: numbers passed to or returned from
   * a call V8 does not inline are boxed on the heap.
   */
  apply(w: World): void {
    const { at, state } = this;
    const strength = w.lever[at.lever] as number;
    if (w.q + 1 <= (state[2] as number) || !(strength > 0)) {
      state[1] = 0;
      return;
    }
    const pool = w.hbmPool;
    const stock = pool[at.pool] as number;
    if ((state[0] as number) < 0) state[0] = stock;
    // What leaked in this quarter through the unenforced share of the ban.
    const leak = (state[3] as number) * (1 - strength);
    const cover = state[4] as number;
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
