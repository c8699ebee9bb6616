import { describe, expect, it } from "vitest";
import { StreamRng } from "../random/streamRng.js";
import { evaluateRowsOf } from "./evaluateRows.js";
import { morrisEffects } from "./morris.js";
import { randomBase, sobolIndices } from "./sobol.js";

/** The base matrices and the bootstrap from one stream, as sensitivity() draws them. */
const withBase = (samples: number, f: (u: Float64Array) => number, rng: StreamRng) => [randomBase(samples, 3, rng), evaluateRowsOf(f, 3), rng] as const;

const rngFor = (stream: number) => {
  const rng = new StreamRng();
  rng.reset(7, 11, stream);
  return rng;
};

describe("Sobol indices", () => {
  it("recover the Ishigami function's analytic indices within their confidence intervals", async () => {
    // f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x ~ U(-pi, pi), a = 7, b = 0.1 (Ishigami and Homma 1990).
    // Analytic: S1 = 0.3139, S2 = 0.4424, S3 = 0; ST1 = 0.5576, ST2 = 0.4424, ST3 = 0.2437 (Saltelli et al. 2008, sec. 4.8).
    const x = (u: number) => -Math.PI + 2 * Math.PI * u;
    const f = (u: Float64Array) => Math.sin(x(u[0]!)) + 7 * Math.sin(x(u[1]!)) ** 2 + 0.1 * x(u[2]!) ** 4 * Math.sin(x(u[0]!));
    const result = await sobolIndices(3, [[0], [1], [2]], ...withBase(8192, f, rngFor(1)));
    const first = [0.3139, 0.4424, 0];
    const total = [0.5576, 0.4424, 0.2437];
    result.indices.forEach((s, i) => {
      expect(first[i]!, `S${i + 1}`).toBeGreaterThanOrEqual(s.firstInterval[0]);
      expect(first[i]!, `S${i + 1}`).toBeLessThanOrEqual(s.firstInterval[1]);
      expect(total[i]!, `ST${i + 1}`).toBeGreaterThanOrEqual(s.totalInterval[0]);
      expect(total[i]!, `ST${i + 1}`).toBeLessThanOrEqual(s.totalInterval[1]);
    });
    expect(result.runs).toBe(8192 * 5);
  });

  it("give squared standardised coefficients for a linear model, grouped or not", async () => {
    // f = 1 x1 + 2 x2 + 3 x3 with x ~ U(0, 1): S_i = ST_i = c_i^2 / sum c^2 = 1/14, 4/14, 9/14.
    const f = (u: Float64Array) => u[0]! + 2 * u[1]! + 3 * u[2]!;
    const result = await sobolIndices(3, [[0], [1], [2]], ...withBase(4096, f, rngFor(2)));
    // (Interval coverage is checked on Ishigami above; here, accuracy and the intervals' width.)
    [1 / 14, 4 / 14, 9 / 14].forEach((expected, i) => {
      const s = result.indices[i]!;
      expect(s.first).toBeCloseTo(expected, 1);
      expect(s.total).toBeCloseTo(expected, 1);
      expect(s.totalInterval[1] - s.totalInterval[0]).toBeLessThan(0.05);
      expect(s.firstInterval[1] - s.firstInterval[0]).toBeLessThan(0.1);
    });
    // A group of x1 and x2 together carries (1 + 4) / 14.
    const grouped = await sobolIndices(3, [[0, 1], [2]], ...withBase(4096, f, rngFor(3)));
    expect(grouped.indices[0]!.total).toBeCloseTo(5 / 14, 1);
  });
});

describe("Morris elementary effects", () => {
  it("rank a linear model's inputs by their coefficients, with no spread", async () => {
    // For f = sum c_i x_i every elementary effect of x_i is exactly c_i: mu* = |c_i| and sigma = 0.
    const f = (u: Float64Array) => u[0]! - 2 * u[1]! + 5 * u[2]!;
    const result = await morrisEffects(3, [[0], [1], [2]], 20, evaluateRowsOf(f, 3), rngFor(4));
    expect(result.indices.map((m) => m.muStar)).toEqual([1, 2, 5].map((c) => expect.closeTo(c, 12)));
    for (const m of result.indices) expect(m.sigma).toBeCloseTo(0, 12);
    expect(result.runs).toBe(20 * 4);
  });
});
