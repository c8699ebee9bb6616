import { describe, expect, it } from "vitest";
import { StreamRng } from "../random/streamRng.js";
import { jobKey } from "../random/seed.js";
import { basePoints } from "./basePoints.js";
import { evaluateRowsOf } from "./evaluateRows.js";
import { randomBase, sobolIndices } from "./sobol.js";

const rngFor = (stream: number) => {
  const rng = new StreamRng();
  rng.reset(7, 11, stream);
  return rng;
};

const paths = ["a.x", "a.fixed", "b.y", "b.z"];
const uncertain = [true, false, true, true];

describe("base points of a sensitivity analysis", () => {
  it("draw at random as the Saltelli design always has: A's rows, then B's, from the one stream", () => {
    const [a, b] = basePoints("random", { key: jobKey(1), rng: rngFor(1), purpose: "t" }, paths, uncertain, 16, 2) as [Float64Array[], Float64Array[]];
    const expected = randomBase(16, 4, rngFor(1));
    expect(a.map((r) => Array.from(r))).toEqual(expected.a.map((r) => Array.from(r)));
    expect(b.map((r) => Array.from(r))).toEqual(expected.b.map((r) => Array.from(r)));
  });

  for (const sampler of ["sobol", "lhs"] as const) {
    it(`stratify every uncertain input of A and of B with ${sampler} points: one of 256 rows in each 1/256 of its range`, () => {
      const copies = basePoints(sampler, { key: jobKey(2), rng: rngFor(2), purpose: "t" }, paths, uncertain, 256, 2);
      for (const rows of copies) {
        for (const [i, path] of paths.entries()) {
          const column = rows.map((r) => r[i] as number);
          if (!uncertain[i]) {
            expect(new Set(column), path).toEqual(new Set([0.5]));
            continue;
          }
          expect(new Set(column.map((u) => Math.floor(u * 256))).size, path).toBe(256);
        }
      }
      // A and B are not the same points.
      expect(Array.from(copies[0]![0]!)).not.toEqual(Array.from(copies[1]![0]!));
    });
  }

  it("pin Sobol indices down better with Sobol base points than with random ones: squared error at least 4x smaller over 8 seeds", async () => {
    // f = x1 + 2 x2 + 3 x3, x ~ U(0, 1): total indices 1/14, 4/14, 9/14.
    const f = (u: Float64Array) => u[0]! + 2 * u[2]! + 3 * u[3]!;
    const exact = [1 / 14, 4 / 14, 9 / 14];
    const factors = [[0], [2], [3]];
    const error = { random: 0, sobol: 0 };
    for (let seed = 0; seed < 8; seed++) {
      for (const sampler of ["random", "sobol"] as const) {
        const rng = rngFor(100 + seed);
        const [a, b] = basePoints(sampler, { key: jobKey(seed), rng, purpose: "t" }, paths, uncertain, 512, 2) as [Float64Array[], Float64Array[]];
        const result = await sobolIndices(4, factors, { a, b }, evaluateRowsOf(f, 4), rng, 10);
        result.indices.forEach((s, i) => (error[sampler] += (s.total - exact[i]!) ** 2));
      }
    }
    expect(error.sobol * 4).toBeLessThan(error.random);
  });

  it("refuse Sobol points for more dimensions than the direction numbers have", () => {
    const many = Array.from({ length: 600 }, (_, i) => `p.${i}`);
    expect(() => basePoints("sobol", { key: jobKey(1), rng: rngFor(1), purpose: "t" }, many, many.map(() => true), 4, 2)).toThrow(/expected at most 1024 dimensions .* found 1200 \(600 uncertain inputs x 2 copies\); use --sampler lhs or random/);
  });
});
