import { median } from "../stats/median.js";

/**
 * What a change does to one metric-year, read from paired runs: run i of
 * the base and run i of the changed scenario drew the same numbers
 * wherever their parameters agree, so their difference is the change's
 * effect in that run, free of the noise the two sides share.
 */
export interface PairedEffect {
  readonly runs: number;
  readonly baseMedian: number;
  readonly changedMedian: number;
  /** Median over runs of changed - base. */
  readonly medianDifference: number;
  /** Mean over runs of changed - base. */
  readonly meanDifference: number;
  /**
   * The mean difference as a fraction of the base median's size: how large
   * the change is next to what it changes. 0 when nothing moved; ±Infinity
   * when the base median is 0 and the mean moved.
   */
  readonly effect: number;
  /** Share of runs where the changed side is strictly higher. */
  readonly shareHigher: number;
  /** Share of runs where the changed side is strictly lower. */
  readonly shareLower: number;
}

/** `base[i]` and `changed[i]` are run i of each side. */
export function pairedEffect(base: Float64Array, changed: Float64Array): PairedEffect {
  const runs = base.length;
  if (runs === 0 || changed.length !== runs) throw new RangeError(`paired runs: expected two equal, non-empty sets of runs, found ${runs} and ${changed.length}`);
  const difference = new Float64Array(runs);
  let sum = 0;
  let higher = 0;
  let lower = 0;
  for (let i = 0; i < runs; i++) {
    const d = (changed[i] as number) - (base[i] as number);
    if (!Number.isFinite(d)) throw new Error(`run ${i}: difference ${d} is not a finite number`);
    difference[i] = d;
    sum += d;
    if (d > 0) higher += 1;
    else if (d < 0) lower += 1;
  }
  const meanDifference = sum / runs;
  const baseMedian = median(base);
  return {
    runs,
    baseMedian,
    changedMedian: median(changed),
    medianDifference: median(difference),
    meanDifference,
    effect: meanDifference === 0 ? 0 : meanDifference / Math.abs(baseMedian),
    shareHigher: higher / runs,
    shareLower: lower / runs,
  };
}
