import { describe, expect, it } from "vitest";
import { orderStatistics, quantilesBySelection } from "./orderStatistics.js";
import { quantileSorted } from "./quantile.js";

/** A small deterministic generator, so the test needs no seed library. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe("orderStatistics", () => {
  it("finds the same values a numeric sort does, with ties and sorted or reversed input", () => {
    const next = lcg(11);
    const inputs = [
      Float64Array.from({ length: 1001 }, () => Math.floor(next() * 7)),
      Float64Array.from({ length: 500 }, () => next() * 100 - 50),
      Float64Array.from({ length: 300 }, (_, k) => k),
      Float64Array.from({ length: 300 }, (_, k) => 300 - k),
      new Float64Array(64).fill(3),
      // A spread too wide to bucket (max - min overflows), and one too narrow to matter.
      Float64Array.from({ length: 200 }, () => (next() - 0.5) * 3e308),
      Float64Array.from({ length: 200 }, () => 1 + Math.floor(next() * 4) * Number.EPSILON),
      // Heavy tail: most values crowd into the first bucket.
      Float64Array.from({ length: 3000 }, () => Math.exp(30 * next() ** 8)),
      Float64Array.of(5),
    ];
    for (const values of inputs) {
      const sorted = Float64Array.from(values).sort();
      const n = values.length;
      const ranks = [...new Set([0, Math.floor(n / 20), Math.floor(n / 2), Math.floor(n / 2) + 1, n - 2, n - 1].filter((r) => r >= 0 && r < n))].sort((a, b) => a - b);
      const out = new Float64Array(ranks.length);
      const before = Float64Array.from(values);
      orderStatistics(values, ranks, out, new Float64Array(n));
      expect(Array.from(out)).toEqual(ranks.map((r) => sorted[r]));
      expect(values).toEqual(before);
    }
  });

  it("refuses ranks out of order or out of range", () => {
    const v = Float64Array.of(3, 1, 2);
    expect(() => orderStatistics(v, [2, 1], new Float64Array(2), new Float64Array(3))).toThrow(/ascending/);
    expect(() => orderStatistics(v, [3], new Float64Array(1), new Float64Array(3))).toThrow(/outside/);
  });
});

describe("quantilesBySelection", () => {
  it("gives the type-7 quantiles a sort gives, bit for bit, at probabilities that fall on and between order statistics", () => {
    const next = lcg(5);
    const probabilities = [0, 0.05, 0.25, 0.5, 0.5, 0.95, 1];
    for (const values of [Float64Array.from({ length: 1001 }, () => next() * 10 - 3), Float64Array.from({ length: 40 }, () => Math.floor(next() * 3)), Float64Array.of(2, 1)]) {
      const before = Float64Array.from(values);
      const out = new Float64Array(probabilities.length);
      quantilesBySelection(values, probabilities, out, new Float64Array(values.length));
      const sorted = Float64Array.from(values).sort();
      expect(Array.from(out)).toEqual(probabilities.map((p) => quantileSorted(sorted, p)));
      expect(values).toEqual(before);
    }
    // Between the two values of [1, 2]: P25 = 1 + 0.25 (2 - 1).
    const two = new Float64Array(1);
    quantilesBySelection(Float64Array.of(2, 1), [0.25], two, new Float64Array(2));
    expect(two[0]).toBe(1.25);
  });
});

