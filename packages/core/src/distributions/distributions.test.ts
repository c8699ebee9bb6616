import { describe, expect, it } from "vitest";
import { BETA_TABLE_ERROR, betaGridsMade, betaQuantileTable, makeBeta, makePert } from "./beta.js";
import { incompleteBeta, inverseIncompleteBeta, logGamma } from "./incompleteBeta.js";
import { lognormalFromMoments, lognormalFromPercentiles, makeLognormal } from "./lognormal.js";
import { makeDistribution } from "./make.js";
import { makeBernoulli, makeChoice, makeTriangular, makeUniform } from "./simple.js";

describe("uniform and triangular", () => {
  it("uniform maps u linearly", () => {
    const d = makeUniform({ dist: "uniform", min: 2, max: 6 });
    expect(d.quantile(0.25)).toBe(3);
    expect(d.mean).toBe(4);
  });

  it("triangular follows its two square-root branches", () => {
    // min 0, mode 1, max 4: F(mode) = 1/4. u = 1/8 -> sqrt(1/8 * 4 * 1) = 0.7071...; u = 0.5 -> 4 - sqrt(0.5 * 4 * 3) = 1.5505...
    const d = makeTriangular({ dist: "triangular", min: 0, mode: 1, max: 4 });
    expect(d.quantile(0.125)).toBeCloseTo(Math.SQRT1_2, 14);
    expect(d.quantile(0.25)).toBeCloseTo(1, 14);
    expect(d.quantile(0.5)).toBeCloseTo(4 - Math.sqrt(6), 14);
    expect(d.mean).toBeCloseTo(5 / 3, 14);
  });
});

describe("lognormal", () => {
  it("from mean and sd reproduces them", () => {
    // E = exp(mu + s^2/2); SD = E sqrt(exp(s^2) - 1)
    const { mu, sigma } = lognormalFromMoments(10, 5);
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    expect(mean).toBeCloseTo(10, 12);
    expect(mean * Math.sqrt(Math.exp(sigma * sigma) - 1)).toBeCloseTo(5, 12);
  });

  it("from two percentiles puts them where asked", () => {
    const spec = lognormalFromPercentiles(0.05, 2, 0.95, 8);
    const d = makeLognormal({ dist: "lognormal", ...spec });
    expect(d.quantile(0.05)).toBeCloseTo(2, 10);
    expect(d.quantile(0.95)).toBeCloseTo(8, 10);
    // The median is the geometric mean of two symmetric percentiles: sqrt(2 * 8) = 4.
    expect(d.quantile(0.5)).toBeCloseTo(4, 10);
  });
});

describe("incomplete beta", () => {
  it("matches closed forms", () => {
    // I_x(2,3) = 6x^2 - 8x^3 + 3x^4 (a binomial sum); at x = 0.5: 1.5 - 1 + 0.1875 = 0.6875.
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14);
    // I_x(1, b) = 1 - (1 - x)^b; I_x(a, 1) = x^a.
    expect(incompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
    expect(incompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 14);
    // I_x(1/2, 1/2) = (2 / pi) asin(sqrt x).
    expect(incompleteBeta(0.2, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.2)), 13);
  });

  it("lnGamma matches known values", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 12);
  });

  it("inverts to the x that gives p", () => {
    for (const [a, b] of [[2, 5], [0.5, 0.5], [30, 30], [1.2, 4.8]] as const) {
      for (const p of [1e-9, 0.01, 0.5]) {
        expect(incompleteBeta(inverseIncompleteBeta(p, a, b), a, b) / p).toBeCloseTo(1, 9);
      }
      // Near 1 the quantile itself may not be a double (beta(0.5, 0.5) at 1 - 1e-9 is 1 - 2.5e-18),
      // so the upper tail is checked through I_x(a, b) = 1 - I_(1-x)(b, a).
      expect(inverseIncompleteBeta(0.99, a, b)).toBeCloseTo(1 - inverseIncompleteBeta(0.01, b, a), 12);
    }
  });
});

describe("beta and PERT tables", () => {
  it.each([
    [0.5, 0.5],
    [1, 1],
    [2, 5],
    [1.2, 4.8],
    [5, 1.5],
    [30, 30],
    [60, 0.5],
  ])("beta(%s, %s): table within BETA_TABLE_ERROR of direct inversion, tails included", (a, b) => {
    const table = betaQuantileTable(a, b);
    let worst = 0;
    const us = [1e-12, 1e-9, 1e-6, 1e-4, 1 - 1e-4, 1 - 1e-6, 1 - 1e-9, 1 - 1e-12];
    for (let k = 1; k < 2000; k++) us.push(k / 2000 + 0.000123);
    for (const u of us) {
      if (u >= 1) continue;
      worst = Math.max(worst, Math.abs(table(u) - inverseIncompleteBeta(u, a, b)));
    }
    expect(worst).toBeLessThan(BETA_TABLE_ERROR);
  });

  it("PERT has the classic mean (min + 4 mode + max) / 6", () => {
    const d = makePert({ dist: "pert", min: 2028, mode: 2030, max: 2034, lambda: 4 });
    expect(d.mean).toBeCloseTo((2028 + 4 * 2030 + 2034) / 6, 12);
    expect(d.quantile(1e-9)).toBeGreaterThanOrEqual(2028);
    expect(d.quantile(1 - 1e-9)).toBeLessThanOrEqual(2034);
  });

  it("tabulates a shape once: two PERTs of one shape on other ranges share a grid and scale it", () => {
    const before = betaGridsMade();
    // The mode a seventh of the way from min to max (a shape no other test uses): alpha = 1 + 4/7, beta = 1 + 24/7 for both.
    const near = makePert({ dist: "pert", min: 0, mode: 1, max: 7, lambda: 4 });
    const far = makePert({ dist: "pert", min: 100, mode: 103, max: 121, lambda: 4 });
    expect(betaGridsMade() - before).toBe(1);
    for (const u of [1e-9, 0.05, 0.5, 0.95, 1 - 1e-9]) expect(far.quantile(u)).toBeCloseTo(100 + 3 * near.quantile(u), 9);
    // Another shape is a grid of its own.
    makePert({ dist: "pert", min: 0, mode: 1, max: 9, lambda: 4 });
    expect(betaGridsMade() - before).toBe(2);
  });

  it("beta is monotone in u", () => {
    const d = makeBeta({ dist: "beta", alpha: 2, beta: 3, min: 0, max: 10 });
    let last = -Infinity;
    for (let k = 1; k < 1000; k++) {
      const x = d.quantile(k / 1000);
      expect(x).toBeGreaterThanOrEqual(last);
      last = x;
    }
  });
});

describe("discrete", () => {
  it("bernoulli gives 1 for the top p of u", () => {
    const d = makeBernoulli({ dist: "bernoulli", p: 0.3 });
    expect(d.quantile(0.69)).toBe(0);
    expect(d.quantile(0.71)).toBe(1);
    expect(d.mean).toBe(0.3);
  });

  it("choice follows cumulative weights", () => {
    const d = makeChoice({ dist: "choice", values: [6, 8], weights: [0.3, 0.7] });
    expect(d.quantile(0.29)).toBe(6);
    expect(d.quantile(0.31)).toBe(8);
    expect(d.mean).toBeCloseTo(7.4, 14);
  });

  it("refuses nonsense specs instead of returning NaN", () => {
    expect(() => makeDistribution({ dist: "uniform", min: 3, max: 1 })).toThrow(/min < max/);
    expect(() => makeDistribution({ dist: "choice", values: [1], weights: [0] })).toThrow(/weights/);
  });
});

describe("quantileInto, the form a run's draw uses", () => {
  const specs = [
    { dist: "fixed", value: 3 },
    { dist: "uniform", min: 2, max: 6 },
    { dist: "triangular", min: 0, mode: 1, max: 4 },
    { dist: "normal", mean: 5, sd: 2 },
    { dist: "normal", mean: 5, sd: 2, min: 0 },
    { dist: "normal", mean: 5, sd: 2, min: 9, max: 12 },
    { dist: "lognormal", mu: 1, sigma: 0.5 },
    { dist: "beta", alpha: 2, beta: 5, min: 0, max: 1 },
    { dist: "pert", min: 1, mode: 2, max: 10, lambda: 4 },
    { dist: "bernoulli", p: 0.3 },
    { dist: "choice", values: [1, 2, 4], weights: [1, 2, 1] },
  ] as const;

  it("writes exactly quantile(u) for every kind, in the centre and deep in both tails", () => {
    // 1e-12 and 1 - 1e-12 reach the normal quantile's tail branches; 0.3 and 0.7 its central one.
    const us = Float64Array.from([1e-12, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-12]);
    for (const spec of specs) {
      const d = makeDistribution(spec);
      const out = new Float64Array(us.length).fill(NaN);
      for (let i = 0; i < us.length; i++) d.quantileInto(us, i, out);
      expect(Array.from(out), spec.dist).toEqual(Array.from(us, (u) => d.quantile(u)));
      expect(out.every((v) => !Number.isNaN(v))).toBe(true);
    }
  });
});
