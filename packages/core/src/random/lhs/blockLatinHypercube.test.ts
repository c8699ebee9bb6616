import { describe, expect, it } from "vitest";
import { BlockLatinHypercube } from "./blockLatinHypercube.js";

describe("Latin hypercubes in blocks of 1,024 runs", () => {
  const streams = Uint32Array.from([11, 22, 33]);
  const slots = Int32Array.from([0, 1, 2]);
  const points = new BlockLatinHypercube([5, 6], streams);
  const at = (run: number) => {
    const u = new Float64Array(3);
    points.fill(run, slots, u);
    return Array.from(u);
  };

  it("puts one run of every block in each 1/1,024 of every dimension, strictly inside (0, 1)", () => {
    for (const block of [0, 7, 12345]) {
      const runs = Array.from({ length: 1024 }, (_, k) => at(block * 1024 + k));
      for (let d = 0; d < 3; d++) {
        const strata = new Set(runs.map((u) => Math.floor((u[d] as number) * 1024)));
        expect(strata.size, `block ${block}, dimension ${d}`).toBe(1024);
      }
      for (const u of runs) for (const x of u) expect(x > 0 && x < 1).toBe(true);
    }
  });

  it("permutes each block and dimension its own way, and depends on the job key, the stream and the run alone", () => {
    const stratum = (run: number, d: number) => Math.floor((at(run)[d] as number) * 1024);
    const first = Array.from({ length: 16 }, (_, k) => stratum(k, 0));
    expect(Array.from({ length: 16 }, (_, k) => stratum(1024 + k, 0))).not.toEqual(first);
    expect(Array.from({ length: 16 }, (_, k) => stratum(k, 1))).not.toEqual(first);
    const again = new Float64Array(3);
    new BlockLatinHypercube([5, 6], streams).fill(777, slots, again);
    expect(Array.from(again)).toEqual(at(777));
    new BlockLatinHypercube([5, 7], streams).fill(777, slots, again);
    expect(again[0]).not.toBe(at(777)[0]);
  });

  it("makes each run uniform over job keys", () => {
    const u = new Float64Array(1);
    let sum = 0;
    let below = 0;
    const keys = 20000;
    for (let k = 0; k < keys; k++) {
      new BlockLatinHypercube([k, 1], Uint32Array.of(9)).fill(300, Int32Array.of(0), u);
      sum += u[0] as number;
      if ((u[0] as number) < 0.1) below++;
    }
    expect(Math.abs(sum / keys - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / keys));
    expect(Math.abs(below / keys - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / keys));
  });
});
