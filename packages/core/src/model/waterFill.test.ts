import { describe, expect, it } from "vitest";
import { waterFill } from "./waterFill.js";

const fill = (amount: number, weight: number[], cap: number[]) => {
  const n = weight.length;
  const out = new Float64Array(n);
  waterFill(Float64Array.of(amount), 0, Float64Array.from(weight), Float64Array.from(cap), out, new Uint8Array(n), Int32Array.from(weight, (_w, i) => i), n);
  return { out: Array.from(out), given: out.reduce((s, x) => s + x, 0) };
};

describe("water-filling", () => {
  it("shares in proportion to weight and passes on what a capped claimant cannot take", () => {
    // 100 at weights 1:1:2 offers 25, 25, 50; the first takes only its 10, and the 90 left go 1:2.
    const { out, given } = fill(100, [1, 1, 2], [10, Infinity, Infinity]);
    expect(out[0]).toBe(10);
    expect(out[1]).toBeCloseTo(30, 12);
    expect(out[2]).toBeCloseTo(60, 12);
    expect(given).toBe(100);
  });

  it("closes claimants pass by pass as the level rises", () => {
    // Level 25 closes the caps 5 and 10; 85 left over weight 2 is 42.5, which closes 40; the last takes 45.
    const { out } = fill(100, [1, 1, 1, 1], [5, 10, 40, 100]);
    expect(out).toEqual([5, 10, 40, 45]);
  });

  it("hands out less than the whole amount only when every claimant with weight is full", () => {
    expect(fill(100, [1, 1], [20, 30])).toEqual({ out: [20, 30], given: 50 });
    // No weight, no share, however large its cap.
    expect(fill(10, [0, 1], [Infinity, 5])).toEqual({ out: [0, 5], given: 5 });
    expect(fill(0, [1, 1], [5, 5])).toEqual({ out: [0, 0], given: 0 });
    expect(fill(-3, [1], [5])).toEqual({ out: [0], given: 0 });
  });

  it("reads the amount at its index and shares among the members only", () => {
    const out = Float64Array.from([7, 7, 7]);
    // Members 2 and 0 (weights 3 and 1) share 8; claimant 1 is left as it was.
    waterFill(Float64Array.of(0, 8), 1, Float64Array.from([1, 2, 3]), Float64Array.from([Infinity, Infinity, Infinity]), out, new Uint8Array(3), Int32Array.from([2, 0]), 2);
    expect(Array.from(out)).toEqual([2, 7, 6]);
  });
});
