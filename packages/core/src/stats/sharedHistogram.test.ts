import { describe, expect, it } from "vitest";
import { BinnedSeries, binLayoutFromPilot, histogramLength, slotStarts, type BinLayout } from "./binnedSeries.js";
import { sharedHistogram } from "./sharedHistogram.js";

function fill(store: BinnedSeries, rows: readonly (readonly number[])[], blockRuns = 4): void {
  rows.forEach((row, k) => {
    store.add(Float64Array.from(row));
    if ((k + 1) % blockRuns === 0 || k + 1 === rows.length) store.endBlock();
  });
}

describe("a histogram shared by the threads of a job", () => {
  // Two series: one spread over a range, one equal to 0 in every pilot run.
  const rows = Array.from({ length: 40 }, (_, k) => [Math.cos(k * 1.3) * 1e6 + k, k === 33 ? 5 : k === 34 ? -2 : 0]);
  const lay: BinLayout = binLayoutFromPilot(2, 8, Float64Array.from([...rows.slice(0, 8).map((r) => r[0] as number), ...rows.slice(0, 8).map((r) => r[1] as number)]), 16);

  it("gives the bits of one thread's own histogram when two fill it and only their sums travel", () => {
    const whole = new BinnedSeries(2, lay);
    fill(whole, rows);
    const histogram = sharedHistogram(histogramLength(lay));
    const mine = new BinnedSeries(2, lay, histogram);
    const theirs = new BinnedSeries(2, lay, histogram);
    // Block-aligned slices, filled in another order than the runs'.
    fill(theirs, rows.slice(20));
    fill(mine, rows.slice(0, 20));
    mine.mergeTravelled(theirs.runs, undefined, theirs.exactSums());
    expect(mine.runs).toBe(40);
    for (const s of [0, 1]) expect(JSON.stringify(mine.summary(s))).toBe(JSON.stringify(whole.summary(s)));
    expect(Array.from(mine.bins)).toEqual(Array.from(whole.bins));
  });

  it("refuses a slice without bins unless its histogram is shared", () => {
    const own = new BinnedSeries(2, lay);
    expect(() => own.mergeTravelled(1, undefined, own.exactSums())).toThrow(/expected the bins of a slice that did not share this histogram/);
  });

  it("gives a series the pilot saw constant one bin and the two out-of-range slots, and still orders values outside it", () => {
    // Series 0 has 16 bins + 2 slots, series 1 (all zero in the pilot) 1 + 2.
    expect(Array.from(slotStarts(lay))).toEqual([0, 18, 21]);
    expect(histogramLength(lay)).toBe(21 * 3);
    const store = new BinnedSeries(2, lay);
    fill(store, rows);
    const slot = (k: number) => Array.from(store.bins.subarray(k * 3, k * 3 + 3));
    // Below 0: the run with -2; at 0: 38 runs; above: the run with 5.
    expect([slot(18), slot(19), slot(20)]).toEqual([
      [1, -2, -2],
      [38, 0, 0],
      [1, 5, 5],
    ]);
    const { summary } = store.summary(1);
    expect([summary.p5, summary.p50, summary.p95]).toEqual([0, 0, 0]);
    // The mean is exact: (5 - 2) / 40.
    expect(summary.mean).toBeCloseTo(3 / 40, 15);
  });
});
