import { quantileSorted as simpleQuantileSorted } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { StreamRng } from "../random/streamRng.js";
import { quantileSorted, REPORTED_QUANTILE_KEYS, REPORTED_QUANTILES, type7Position } from "./quantile.js";

describe("quantileSorted (R type 7)", () => {
  it("matches hand-computed values on [1, 2, 3, 4]", () => {
    const xs = Float64Array.from([1, 2, 3, 4]);
    // h = 3p. p = 0.05: h = 0.15, 1 + 0.15 (2 - 1) = 1.15. p = 0.5: h = 1.5, 2 + 0.5 = 2.5.
    // p = 0.95: h = 2.85, 3 + 0.85 = 3.85. (3 * 0.05 is 0.15000000000000002 in doubles, hence toBeCloseTo.)
    expect(quantileSorted(xs, 0.05)).toBeCloseTo(1.15, 14);
    expect(quantileSorted(xs, 0.5)).toBe(2.5);
    expect(quantileSorted(xs, 0.95)).toBeCloseTo(3.85, 14);
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 1)).toBe(4);
  });

  it("matches R's quantile(c(10, 20, 40, 80, 160), type = 7)", () => {
    const xs = Float64Array.from([10, 20, 40, 80, 160]);
    // h = 4p. p = 0.1: h = 0.4, 10 + 0.4 * 10 = 14. p = 0.25: h = 1, x[1] = 20.
    // p = 0.5: x[2] = 40. p = 0.9: h = 3.6, 80 + 0.6 * 80 = 128. (R prints 14 20 40 128.)
    expect(quantileSorted(xs, 0.1)).toBeCloseTo(14, 12);
    expect(quantileSorted(xs, 0.25)).toBe(20);
    expect(quantileSorted(xs, 0.5)).toBe(40);
    expect(quantileSorted(xs, 0.9)).toBeCloseTo(128, 12);
  });

  it("returns the only value of a single run, and refuses no values or p outside [0, 1]", () => {
    expect(quantileSorted(Float64Array.from([7]), 0.3)).toBe(7);
    expect(() => quantileSorted(new Float64Array(0), 0.5)).toThrow(/no values/);
    expect(() => quantileSorted(Float64Array.from([1, 2]), 1.5)).toThrow(RangeError);
    expect(() => quantileSorted(Float64Array.from([1, 2]), NaN)).toThrow(RangeError);
  });

  it("agrees to the bit with simple-statistics, which implements the same definition", () => {
    // simple-statistics 7.12.1, src/quantile_sorted.js: idx = (n - 1) p; for fractional idx it returns
    // x[floor idx] + (idx - floor idx) (x[ceil idx] - x[floor idx]), else x[idx]: R type 7, with the
    // same arithmetic in the same order as ours, so equal bits are the right expectation.
    const rng = new StreamRng();
    rng.reset(5, 6, 7);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const sorted = Float64Array.from({ length: n }, () => (rng.next() - 0.3) * 1000).sort();
      const asArray = Array.from(sorted);
      for (const p of [...REPORTED_QUANTILES, 0, 1, 0.001, 0.333, 0.999]) {
        expect(quantileSorted(sorted, p)).toBe(simpleQuantileSorted(asArray, p));
      }
    }
  });

  it("names each reported quantile by its percentage", () => {
    expect(REPORTED_QUANTILE_KEYS.length).toBe(REPORTED_QUANTILES.length);
    REPORTED_QUANTILES.forEach((p, k) => expect(REPORTED_QUANTILE_KEYS[k]).toBe(`p${Math.round(p * 100)}`));
  });
});

describe("type7Position", () => {
  it("splits h = (n - 1) p into the order statistic and the fraction", () => {
    // n = 5, p = 0.9: h = 3.6 -> index 3, fraction 0.6 (up to rounding of 3.6 - 3).
    const at = type7Position(5, 0.9);
    expect(at.index).toBe(3);
    expect(at.fraction).toBeCloseTo(0.6, 14);
    expect(type7Position(5, 1)).toEqual({ index: 4, fraction: 0 });
    expect(type7Position(1, 0.5)).toEqual({ index: 0, fraction: 0 });
  });
});
