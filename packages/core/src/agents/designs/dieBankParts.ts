import type { World } from "../../model/world.js";

/**
 * Who a die bank's dies are held for. A bank's dies at the start, and each
 * quarter's arrivals, are split among its designs by allotment (the bank's
 * `allotment`, or a design's waferShare where the bank names none), and each
 * part is held for its design: it waits until the design ships, so dies
 * bought for a design not launched yet are not spent on an older one
 * (CALIBRATION.md rows 56 and 145: the TSMC-made Ascend dies went mostly
 * into two-die 910Cs through 2025, not into 910Bs in 2024). At its design's
 * end of life a part passes to the bank's designs still shipping or due,
 * by their allotment, and is written off when none is left.
 * Touches: world.bankPart, bankDies.
 */
export class DieBankParts {
  /**
   * The share of each part written off per quarter (set once a run), and
   * the dies written off in the last quarter aged. Numbers pass through this
   * array, not as arguments or results: V8 boxes those of a call it does
   * not inline on the heap.
   */
  readonly io = Float64Array.of(0, 0);
  /** Each design's allotment this run (0 for designs in no bank). */
  private readonly allot: Float64Array;
  /** Dies handed over or arriving per bank, while a quarter is aged. */
  private readonly pending: Float64Array;
  /** Sum of the allotments of each bank's designs not past their end of life. */
  private readonly live: Float64Array;

  constructor(
    /** The bank of each design, or -1. */
    private readonly bankOf: Int32Array,
    /** Each design's allotment parameter, or -1 to use its waferShare. */
    private readonly pAllot: Int32Array,
    banks: number,
  ) {
    this.allot = new Float64Array(bankOf.length);
    this.pending = new Float64Array(banks);
    this.live = new Float64Array(banks);
  }

  /** Splits each bank's dies at the start among its designs. */
  reset(w: World, share: Float64Array, end: Float64Array, initial: Float64Array): void {
    const { allot, bankOf, pAllot } = this;
    for (let d = 0; d < bankOf.length; d++) {
      const own = pAllot[d] as number;
      allot[d] = (bankOf[d] as number) < 0 ? 0 : own >= 0 ? (w.params[own] as number) : (share[d] as number);
    }
    this.pending.set(initial);
    w.bankPart.fill(0);
    this.io[1] = 0;
    this.handOut(w, 0, end);
  }

  /**
   * The start of a quarter: each part loses the write-off share (io[0]);
   * the parts of designs past their end of life, and the arrivals, go to
   * the bank's designs still due. The dies written off go to io[1].
   */
  age(w: World, q: number, end: Float64Array, arrivals: Float64Array): void {
    const { bankOf, pending, io } = this;
    const part = w.bankPart;
    const writeOff = io[0] as number;
    let lost = 0;
    pending.set(arrivals);
    for (let d = 0; d < bankOf.length; d++) {
      const b = bankOf[d] as number;
      if (b < 0) continue;
      const wasted = (part[d] as number) * writeOff;
      lost += wasted;
      let left = (part[d] as number) - wasted;
      if (q >= (end[d] as number)) {
        pending[b] = (pending[b] as number) + left;
        left = 0;
      }
      part[d] = left;
    }
    io[1] = lost;
    this.handOut(w, q, end);
  }

  /** Shares the pending dies of each bank among its designs due at q; adds those no design is left for to io[1]. */
  private handOut(w: World, q: number, end: Float64Array): void {
    const { allot, bankOf, pending, live } = this;
    const part = w.bankPart;
    live.fill(0);
    for (let d = 0; d < bankOf.length; d++) {
      const b = bankOf[d] as number;
      if (b >= 0 && q < (end[d] as number)) live[b] = (live[b] as number) + (allot[d] as number);
    }
    let lost = 0;
    for (let b = 0; b < live.length; b++) if (!((live[b] as number) > 0)) lost += pending[b] as number;
    for (let d = 0; d < bankOf.length; d++) {
      const b = bankOf[d] as number;
      const total = b < 0 ? 0 : (live[b] as number);
      if (total > 0 && q < (end[d] as number)) part[d] = (part[d] as number) + ((pending[b] as number) * (allot[d] as number)) / total;
    }
    this.io[1] = (this.io[1] as number) + lost;
    this.total(w);
  }

  /** Each bank's dies (world.bankDies): the sum of its parts, never kept apart from them. */
  total(w: World): void {
    const { bankOf } = this;
    w.bankDies.fill(0);
    for (let d = 0; d < bankOf.length; d++) {
      const b = bankOf[d] as number;
      if (b >= 0) w.bankDies[b] = (w.bankDies[b] as number) + (w.bankPart[d] as number);
    }
  }
}
