import { describe, expect, it } from "vitest";
import { median } from "../stats/median.js";
import { pairedEffect } from "./pairedEffect.js";

describe("pairedEffect", () => {
  it("reads the change from run-by-run differences (values worked by hand)", () => {
    // Differences 2, 0, -1, 3: mean 1, median 1; base median 15; two runs higher, one lower.
    const e = pairedEffect(Float64Array.of(10, 20, 30, 5), Float64Array.of(12, 20, 29, 8));
    expect(e).toEqual({ runs: 4, baseMedian: 15, changedMedian: 16, medianDifference: 1, meanDifference: 1, effect: 1 / 15, shareHigher: 0.5, shareLower: 0.25 });
  });

  it("scales by the size of a negative base median, so the effect keeps the difference's sign", () => {
    expect(pairedEffect(Float64Array.of(-4, -2), Float64Array.of(-5, -3)).effect).toBe(-1 / 3);
  });

  it("is 0 when nothing moved, even from a base median of 0", () => {
    expect(pairedEffect(Float64Array.of(0, 0, 1), Float64Array.of(0, 0, 1)).effect).toBe(0);
  });

  it("refuses unpaired runs and differences that are not numbers", () => {
    expect(() => pairedEffect(Float64Array.of(1, 2), Float64Array.of(1))).toThrow(RangeError);
    expect(() => pairedEffect(Float64Array.of(1), Float64Array.of(NaN))).toThrow(/run 0/);
  });
});

describe("median", () => {
  it("is R's type 7 at 0.5 and leaves its input in order", () => {
    // R: quantile(c(3, 1, 2, 10), 0.5, type = 7) is 2.5.
    const values = Float64Array.of(3, 1, 2, 10);
    expect(median(values)).toBe(2.5);
    expect([...values]).toEqual([3, 1, 2, 10]);
  });

  it("gives two equal infinite middle values as themselves, not NaN", () => {
    expect(median(Float64Array.of(1, Infinity, Infinity, Infinity))).toBe(Infinity);
  });
});
