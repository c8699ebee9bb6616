import { describe, expect, it } from "vitest";
import { BinnedSeries, binLayoutFromPilot, closesBlock, rangeLayout, type BinLayout } from "./binnedSeries.js";
import { quantileSorted, REPORTED_QUANTILE_KEYS, REPORTED_QUANTILES } from "./quantile.js";

function layout(lo: number, hi: number, bins: number): BinLayout {
  return { bins, lo: Float64Array.of(lo), hi: Float64Array.of(hi), shift: Float64Array.of((lo + hi) / 2) };
}

function fill(store: BinnedSeries, values: readonly number[], blockRuns = 4): void {
  values.forEach((v, k) => {
    store.add(Float64Array.of(v));
    if ((k + 1) % blockRuns === 0 || k + 1 === values.length) store.endBlock();
  });
}

describe("BinnedSeries", () => {
  it("bins by hand: 4 bins over [0, 8], with values below, above and on the top edge", () => {
    const store = new BinnedSeries(1, layout(0, 8, 4));
    fill(store, [-1, 0.5, 1.5, 2, 7.9, 8, 9]);
    // Slots: below | [0,2) | [2,4) | [4,6) | [6,8] | above.
    const slot = (k: number) => Array.from(store.bins.subarray(k * 3, k * 3 + 3));
    expect([0, 1, 2, 3, 4, 5].map((k) => slot(k)[0])).toEqual([1, 2, 1, 0, 2, 1]);
    expect(slot(1)).toEqual([2, 0.5, 1.5]);
    expect(slot(4)).toEqual([2, 7.9, 8]);
    expect(slot(3)).toEqual([0, Infinity, -Infinity]);
  });

  it("reads order statistics by rank within a bin's least and greatest value, with the bin as bound", () => {
    const store = new BinnedSeries(1, layout(0, 10, 2));
    // Bin [0,5) holds 1, 2, 4; bin [5,10] holds 6 and 10.
    fill(store, [4, 10, 1, 6, 2]);
    const { summary, precision } = store.summary(0);
    // n = 5, p50: rank 2 (0-based), third of three in the first bin -> its maximum, 4 (exact here).
    expect(summary.p50).toBe(4);
    // p25: h = 1, rank 1 -> 1 + (4 - 1) * 1/2 = 2.5 (exact is 2); the bound is the bin's [1, 4].
    expect(summary.p25).toBe(2.5);
    // mean and sd are exact: 23/5 and the sample sd.
    expect(summary.mean).toBeCloseTo(4.6, 14);
    const sd = Math.sqrt([4, 10, 1, 6, 2].reduce((a, v) => a + (v - 4.6) ** 2, 0) / 4);
    expect(summary.sd).toBeCloseTo(sd, 13);
    expect(precision.quantileError).toBeGreaterThanOrEqual(1.5);
  });

  it("bounds the error of every reported quantile by what it states", () => {
    const n = 20_000;
    const values = Array.from({ length: n }, (_, k) => Math.exp(Math.sin(k * 0.7071) * 2) + (k % 13) * 0.01);
    const pilot = Float64Array.from(values.slice(0, 500));
    const store = new BinnedSeries(1, binLayoutFromPilot(1, 500, pilot, 256));
    fill(store, values, 1024);
    const { summary, precision } = store.summary(0);
    const sorted = Float64Array.from(values).sort();
    REPORTED_QUANTILES.forEach((p, k) => {
      const exact = quantileSorted(sorted, p);
      const estimate = summary[REPORTED_QUANTILE_KEYS[k]!];
      expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(precision.quantileError as number);
    });
    // 256 bins over a range of about e^2 - e^-2: the bound is a bin or two wide.
    expect(precision.quantileError as number).toBeLessThan((2 * (Math.exp(2) - Math.exp(-2) + 0.2)) / 256);
  });

  it("gives the same bits from any block-aligned split, merged in any order", () => {
    const values = Array.from({ length: 40 }, (_, k) => Math.cos(k * 1.3) * 1e6 + k);
    const lay = binLayoutFromPilot(1, 8, Float64Array.from(values.slice(0, 8)), 16);
    const whole = new BinnedSeries(1, lay);
    fill(whole, values);
    const parts = [values.slice(0, 12), values.slice(12, 20), values.slice(20)].map((part) => {
      const b = new BinnedSeries(1, lay);
      fill(b, part);
      return b;
    });
    const merged = new BinnedSeries(1, lay);
    for (const p of [parts[2]!, parts[0]!, parts[1]!]) merged.merge(p);
    expect(JSON.stringify(merged.summary(0))).toBe(JSON.stringify(whole.summary(0)));
    const restored = new BinnedSeries(1, lay);
    restored.mergeTravelled(merged.runs, merged.bins, merged.exactSums());
    expect(JSON.stringify(restored.summary(0))).toBe(JSON.stringify(whole.summary(0)));
  });
});

describe("a pilot's range histogram", () => {
  it("keeps each series' least and greatest value in three slots, below, at and above 0", () => {
    const store = new BinnedSeries(3, rangeLayout(3));
    expect(store.bins.length).toBe(3 * 3 * 3);
    for (const row of [
      [-2, 0, 5],
      [7, 0, 1e9],
      [-0.5, 0, 3],
    ]) store.add(Float64Array.from(row));
    store.endBlock();
    const { min, max } = store.ranges();
    expect(Array.from(min)).toEqual([-2, 0, 3]);
    expect(Array.from(max)).toEqual([7, 0, 1e9]);
    expect(Array.from(new BinnedSeries(1, rangeLayout(1)).ranges().min)).toEqual([Infinity]);
  });
});

describe("BinnedSeries while a job runs", () => {
  it("counts the open block in the mean so far", () => {
    const store = new BinnedSeries(1, layout(0, 10, 4));
    [2, 4, 6].forEach((v) => store.add(Float64Array.of(v)));
    const { mean, seMean } = store.seMeanSoFar(0);
    expect(mean).toBe(4);
    expect(seMean).toBeCloseTo(2 / Math.sqrt(3), 14);
  });
});

describe("closesBlock", () => {
  it("closes at every BLOCK_RUNS-th run counted from run 0, and at the last run", () => {
    expect(closesBlock(1022, 5000)).toBe(false);
    expect(closesBlock(1023, 5000)).toBe(true);
    expect(closesBlock(2047, 5000)).toBe(true);
    expect(closesBlock(4999, 5000)).toBe(true);
    expect(closesBlock(4998, 5000)).toBe(false);
  });
});
