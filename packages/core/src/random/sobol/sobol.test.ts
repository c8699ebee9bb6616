import { describe, expect, it } from "vitest";
import { OWEN_KEYS, owenKeys, owenScrambleInto } from "./owenScramble.js";
import { SCRAMBLE_BLOCK_RUNS, SCRAMBLES, ScrambledSobol, scrambleOf } from "./scrambledSobol.js";
import { SOBOL_MAX_DIMENSIONS, sobolBits, sobolDirections } from "./sobolSequence.js";

const unit = (bits: number) => (bits >>> 0) / 2 ** 32;
/** The keys of the scramble with this seed. */
const keysOf = (seed: number) => {
  const keys = new Int32Array(OWEN_KEYS);
  owenKeys(seed, keys, 0);
  return keys;
};

describe("Sobol points", () => {
  const v = sobolDirections(SOBOL_MAX_DIMENSIONS);

  it("are Joe and Kuo's, in Gray-code order: scipy.stats.qmc.Sobol(scramble=False) gives the same points", () => {
    // Points 2, 5, 100, 1000 and 1023 in dimensions 1-5, 101, 501 and 1024, as scipy 1.17 prints them.
    const expected: Record<number, number[]> = {
      2: [0.75, 0.25, 0.25, 0.25, 0.75, 0.25, 0.25, 0.75],
      5: [0.875, 0.875, 0.125, 0.375, 0.875, 0.125, 0.875, 0.375],
      100: [0.4140625, 0.2578125, 0.7734375, 0.7265625, 0.8828125, 0.0390625, 0.1796875, 0.9453125],
      1000: [0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375, 0.7685546875, 0.7255859375, 0.7138671875],
      1023: [0.0009765625, 0.7529296875, 0.6123046875, 0.1455078125, 0.1865234375, 0.2373046875, 0.3818359375, 0.9951171875],
    };
    const dims = [0, 1, 2, 3, 4, 100, 500, 1023];
    for (const [index, values] of Object.entries(expected)) {
      expect(dims.map((d) => unit(sobolBits(v, d, Number(index)))), `point ${index}`).toEqual(values);
    }
    expect(dims.map((d) => sobolBits(v, d, 0))).toEqual(dims.map(() => 0));
  });

  it("refuses more dimensions than the direction numbers hold", () => {
    expect(() => sobolDirections(SOBOL_MAX_DIMENSIONS + 1)).toThrow(/expected 0 to 1024 dimensions, found 1025/);
  });
});

describe("Owen's scramble", () => {
  const v = sobolDirections(8);
  const scrambled = (d: number, n: number, seed: number) => {
    const out = new Float64Array(n);
    const keys = keysOf(seed);
    for (let i = 0; i < n; i++) owenScrambleInto(sobolBits(v, d, i), keys, 0, out, i);
    return out;
  };

  it("keeps the net: the first 2^m points of every dimension put one point in each 2^-m of [0, 1)", () => {
    for (const [d, seed] of [[0, 11], [3, -7], [7, 123456789]] as const) {
      const cells = new Set(Array.from(scrambled(d, 1024, seed), (u) => Math.floor(u * 1024)));
      expect(cells.size, `dimension ${d}`).toBe(1024);
    }
  });

  it("keeps the two-dimensional net of dimensions 1 and 2: one point in every elementary box of area 2^-8", () => {
    const x = scrambled(0, 256, 99);
    const y = scrambled(1, 256, -4242);
    for (let a = 0; a <= 8; a++) {
      const boxes = new Set<number>();
      for (let i = 0; i < 256; i++) boxes.add(Math.floor((x[i] as number) * 2 ** a) * 2 ** (8 - a) + Math.floor((y[i] as number) * 2 ** (8 - a)));
      expect(boxes.size, `boxes 2^-${a} x 2^-${8 - a}`).toBe(256);
    }
    // Without the scramble the points are the same net; with it they are not the same points.
    expect(unit(sobolBits(v, 0, 1))).toBe(0.5);
    expect(x[1]).not.toBeCloseTo(0.5, 3);
  });

  it("is nested, not a digital shift: how two points' digits differ changes from seed to seed", () => {
    // A digital shift XORs every point with one number, so x1 XOR x2 would be the same for every seed.
    const xors = new Set<number>();
    for (let seed = 1; seed <= 16; seed++) {
      const [a, b] = Array.from(scrambled(4, 8, seed).subarray(5, 7), (u) => Math.floor(u * 2 ** 32));
      xors.add(((a as number) ^ (b as number)) >>> 0);
    }
    expect(xors.size).toBeGreaterThan(8);
  });

  it("makes each point uniform over seeds, strictly inside (0, 1)", () => {
    const out = new Float64Array(1);
    let sum = 0;
    let below = 0;
    const seeds = 20000;
    for (let s = 0; s < seeds; s++) {
      owenScrambleInto(sobolBits(v, 2, 5), keysOf((s * 2654435761) | 0), 0, out, 0);
      const u = out[0] as number;
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
      if (u < 0.1) below++;
    }
    // Mean 1/2 and P(u < 0.1) = 0.1, each within 4 standard errors of a uniform's.
    expect(Math.abs(sum / seeds - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / seeds));
    expect(Math.abs(below / seeds - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / seeds));
  });
});

describe("scrambled Sobol points for a job", () => {
  const streams = Uint32Array.from([101, 202, 303]);
  const slots = Int32Array.from([0, 1, 2]);
  const points = new ScrambledSobol([1, 2], streams);
  const coordinate = (run: number, d: number) => {
    const u = new Float64Array(3);
    points.fill(run, slots, u);
    return u[d] as number;
  };

  it("gives blocks of 1,024 runs to the 8 scrambles in turn, each taking its points in order", () => {
    expect([0, 1023, 1024, 8191, 8192, 9216].map(scrambleOf)).toEqual([0, 0, 1, 7, 0, 1]);
    // Scramble 0 has runs 0-1023 and 8192-9215: its first 2,048 points, one in each 2^-11 of [0, 1).
    const runs = [...Array.from({ length: SCRAMBLE_BLOCK_RUNS }, (_, i) => i), ...Array.from({ length: SCRAMBLE_BLOCK_RUNS }, (_, i) => SCRAMBLES * SCRAMBLE_BLOCK_RUNS + i)];
    expect(new Set(runs.map((r) => Math.floor(coordinate(r, 1) * 2048))).size).toBe(2048);
    // Two scrambles' first 1,024 points are different points, each a net of their own.
    const second = Array.from({ length: SCRAMBLE_BLOCK_RUNS }, (_, i) => coordinate(SCRAMBLE_BLOCK_RUNS + i, 1));
    expect(new Set(second.map((u) => Math.floor(u * 1024))).size).toBe(1024);
    expect(second[0]).not.toBe(coordinate(0, 1));
  });

  it("depends on the job's key and each dimension's stream, and nothing else", () => {
    const again = new ScrambledSobol([1, 2], streams);
    const u = new Float64Array(3);
    again.fill(4321, slots, u);
    expect([0, 1, 2].map((d) => coordinate(4321, d))).toEqual(Array.from(u));
    new ScrambledSobol([1, 3], streams).fill(4321, slots, u);
    expect(u[0]).not.toBe(coordinate(4321, 0));
    // A dimension's stream seeds its scrambles: the same stream in another place gives the same scramble of that place's points.
    new ScrambledSobol([1, 2], Uint32Array.from([101, 999, 303])).fill(4321, slots, u);
    expect([u[0], u[2]]).toEqual([coordinate(4321, 0), coordinate(4321, 2)]);
    expect(u[1]).not.toBe(coordinate(4321, 1));
  });
});
