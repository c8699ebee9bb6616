import { describe, expect, it } from "vitest";
import { fitExponent, median } from "./fitExponent.js";

describe("fitExponent", () => {
  it("recovers the power of a power law", () => {
    expect(fitExponent([1, 10, 100].map((x) => ({ x, seconds: 3 * x })))).toBeCloseTo(1, 12);
    expect(fitExponent([2, 4, 8].map((x) => ({ x, seconds: 0.5 * x * x })))).toBeCloseTo(2, 12);
  });

  it("takes the middle of repeated timings", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
