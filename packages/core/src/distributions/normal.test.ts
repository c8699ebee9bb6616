import { describe, expect, it } from "vitest";
import { makeNormal, normalCdf, normalQuantile, normalUpperTail } from "./normal.js";

describe("normal quantile (AS241)", () => {
  // Reference values: R qnorm() / scipy.stats.norm.ppf, printed to 16 digits.
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.05, -1.6448536269514729],
    [0.999, 3.090232306167813],
    [1e-10, -6.361340902404056],
  ])("Phi^-1(%s) = %s", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12);
  });

  it("stays accurate far in the tail", () => {
    // No reference table reaches 1e-300; check the round trip through the CDF instead.
    expect(normalCdf(normalQuantile(1e-300)) / 1e-300).toBeCloseTo(1, 10);
  });

  it("is odd around 1/2", () => {
    for (const p of [0.01, 0.2, 0.4]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 12);
  });
});

describe("normal CDF", () => {
  // scipy.stats.norm.cdf / R pnorm.
  it.each([
    [0, 0.5],
    [1.96, 0.9750021048517795],
    [-1, 0.15865525393145707],
    [2.5, 0.9937903346742238],
    [-5, 2.866515718791939e-7],
    [-10, 7.619853024160527e-24],
  ])("Phi(%s) = %s", (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 14);
    expect(normalCdf(z) / p).toBeCloseTo(1, 10);
  });

  it("keeps precision in the upper tail", () => {
    // 1 - Phi(8) = 6.22096057427178e-16 (R: pnorm(8, lower.tail = FALSE)).
    expect(normalUpperTail(8) / 6.22096057427178e-16).toBeCloseTo(1, 10);
  });

  it("inverts the quantile", () => {
    for (const p of [1e-8, 0.001, 0.3, 0.5, 0.77, 0.999999]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 10);
  });
});

describe("normal distribution", () => {
  it("maps u to mean + sd z", () => {
    const d = makeNormal({ dist: "normal", mean: 10, sd: 2 });
    expect(d.quantile(0.975)).toBeCloseTo(10 + 2 * 1.959963984540054, 12);
    expect(d.mean).toBe(10);
  });

  it("truncates to [min, max] with the truncated mean", () => {
    // Standard normal truncated to [0, inf): mean = phi(0) / (1 - Phi(0)) = 0.7978845608028654.
    const half = makeNormal({ dist: "normal", mean: 0, sd: 1, min: 0 });
    expect(half.mean).toBeCloseTo(0.7978845608028654, 12);
    // Its median is Phi^-1(0.75) = 0.6744897501960817.
    expect(half.quantile(0.5)).toBeCloseTo(0.6744897501960817, 10);
    const d = makeNormal({ dist: "normal", mean: 100, sd: 30, min: 50, max: 120 });
    for (const u of [1e-12, 0.01, 0.5, 0.99, 1 - 1e-12]) {
      const x = d.quantile(u);
      expect(x).toBeGreaterThanOrEqual(50);
      expect(x).toBeLessThanOrEqual(120);
    }
  });

  it("handles truncation deep in the upper tail", () => {
    // N(0,1) on [6, 7]: the median m has 1 - Phi(m) halfway between 1 - Phi(6) and 1 - Phi(7);
    // nearly all the mass sits just above 6, so m is about 6.11.
    const d = makeNormal({ dist: "normal", mean: 0, sd: 1, min: 6, max: 7 });
    const median = d.quantile(0.5);
    expect(median).toBeGreaterThan(6.1);
    expect(median).toBeLessThan(6.13);
    const halfway = (normalUpperTail(6) + normalUpperTail(7)) / 2;
    expect(normalUpperTail(median) / halfway).toBeCloseTo(1, 10);
  });
});
