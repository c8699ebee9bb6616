import { describe, expect, it } from "vitest";
import { quantileSorted } from "./quantile.js";
import { StoredSeries } from "./storedSeries.js";

describe("StoredSeries", () => {
  it("gives type-7 quantiles, mean and sd by hand on 1..10", () => {
    const store = new StoredSeries(1, 0, 10);
    [7, 3, 10, 1, 5, 9, 2, 8, 4, 6].forEach((v, run) => store.setRun(run, Float64Array.of(v)));
    const { summary, precision } = store.summary(0, new Float64Array(10));
    // h = 9 p: p5 -> 1 + 0.45, p25 -> 3 + 0.25, p50 -> 5.5, p95 -> 9 + 0.55.
    expect(summary.p5).toBeCloseTo(1.45, 12);
    expect(summary.p25).toBeCloseTo(3.25, 12);
    expect(summary.p50).toBe(5.5);
    expect(summary.p95).toBeCloseTo(9.55, 12);
    expect(summary.mean).toBe(5.5);
    expect(summary.sd).toBeCloseTo(Math.sqrt(82.5 / 9), 12);
    expect(precision.seMean).toBeCloseTo(Math.sqrt(82.5 / 9) / Math.sqrt(10), 12);
  });

  it("agrees with sorting on many values, whatever order the runs arrive in", () => {
    const n = 2000;
    const values = Float64Array.from({ length: n }, (_, k) => Math.sin(k * 12.9898) * 43758.5453 - Math.floor(Math.sin(k * 12.9898) * 43758.5453));
    const forward = new StoredSeries(1, 0, n);
    const backward = new StoredSeries(1, 0, n);
    for (let k = 0; k < n; k++) forward.setRun(k, Float64Array.of(values[k] as number));
    for (let k = n - 1; k >= 0; k--) backward.setRun(k, Float64Array.of(values[k] as number));
    const sorted = Float64Array.from(values).sort();
    const a = forward.summary(0, new Float64Array(n)).summary;
    expect(a.p10).toBe(quantileSorted(sorted, 0.1));
    expect(a.p90).toBe(quantileSorted(sorted, 0.9));
    expect(JSON.stringify(backward.summary(0, new Float64Array(n)))).toBe(JSON.stringify(forward.summary(0, new Float64Array(n))));
  });

  it("places windows by run index and refuses a run twice or a missing run", () => {
    const whole = new StoredSeries(2, 0, 4);
    const late = new StoredSeries(2, 2, 2);
    late.setRun(2, Float64Array.of(1, 10));
    late.setRun(3, Float64Array.of(2, 20));
    whole.place(late);
    expect(Array.from(whole.row(1))).toEqual([NaN, NaN, 10, 20]);
    expect(() => whole.place(late)).toThrow(/recorded twice/);
    expect(() => whole.summary(0, new Float64Array(4))).toThrow(/run 0 has no value/);
  });
});
