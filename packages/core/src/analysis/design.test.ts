import { describe, expect, it } from "vitest";
import { StreamRng } from "../random/streamRng.js";
import { gridDesign, latinHypercube } from "./design.js";

describe("designs", () => {
  it("lays a grid over every combination of levels, first dimension slowest", () => {
    expect(gridDesign([2, 3])).toEqual([
      [0, 0],
      [0, 0.5],
      [0, 1],
      [1, 0],
      [1, 0.5],
      [1, 1],
    ]);
    expect(gridDesign([1])).toEqual([[0.5]]);
  });

  it("puts exactly one Latin-hypercube point in each stratum of each dimension", () => {
    const rng = new StreamRng();
    rng.reset(1, 2, 3);
    const n = 17;
    const points = latinHypercube(n, 4, rng);
    expect(points).toHaveLength(n);
    for (let d = 0; d < 4; d++) {
      const strata = points.map((p) => Math.floor((p[d] as number) * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
    }
  });
});
