import { describe, expect, it } from "vitest";
import { fnv1a32 } from "./hash.js";
import { jobKey, runKey } from "./seed.js";
import { StreamRng, toUnitInterval } from "./streamRng.js";
import { threefry2x32 } from "./threefry.js";

const hex = (w: Uint32Array) => [...w].map((x) => x.toString(16).padStart(8, "0")).join(" ");

describe("threefry2x32-20", () => {
  // Known answers from Random123's tests/kat_vectors: "threefry2x32 20 ctr0 ctr1 key0 key1 out0 out1".
  it.each([
    [[0, 0], [0, 0], "6b200159 99ba4efe"],
    [[0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], "1cb996fc bb002be7"],
    [[0x243f6a88, 0x85a308d3], [0x13198a2e, 0x03707344], "c4923a9c 483df7a0"],
  ])("counter %j key %j gives %s", (ctr, key, expected) => {
    const out = new Uint32Array(2);
    threefry2x32(key[0] as number, key[1] as number, ctr[0] as number, ctr[1] as number, out);
    expect(hex(out)).toBe(expected);
  });
});

describe("fnv1a32", () => {
  // Reference values of 32-bit FNV-1a (offset basis 0x811c9dc5, prime 0x01000193).
  it("matches the published test vectors", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });
});

describe("seed derivation", () => {
  it("gives a stable job key for a seed (regression value: changing it changes every result)", () => {
    expect(jobKey("2026")).toEqual(jobKey(2026));
    expect(jobKey(2026)).toMatchInlineSnapshot(`
      [
        3792643571,
        361935863,
      ]
    `);
  });

  it("gives different keys to different runs and seeds", () => {
    const a = new Uint32Array(2);
    const b = new Uint32Array(2);
    runKey(jobKey(1), 0, a);
    runKey(jobKey(1), 1, b);
    expect(hex(a)).not.toBe(hex(b));
    runKey(jobKey(2), 0, b);
    expect(hex(a)).not.toBe(hex(b));
  });

  it("handles run indices beyond 2^32", () => {
    const a = new Uint32Array(2);
    const b = new Uint32Array(2);
    runKey(jobKey(1), 5, a);
    runKey(jobKey(1), 5 + 2 ** 32, b);
    expect(hex(a)).not.toBe(hex(b));
  });
});

describe("StreamRng", () => {
  it("draws the same values for the same run and stream, wherever it is rewound", () => {
    const rng = new StreamRng();
    rng.reset(11, 22, fnv1a32("lithography.domesticEuv.readyYear"));
    const first = [rng.next(), rng.next(), rng.next()];
    rng.reset(11, 22, fnv1a32("market.demandGrowth"));
    rng.next();
    rng.reset(11, 22, fnv1a32("lithography.domesticEuv.readyYear"));
    expect([rng.next(), rng.next(), rng.next()]).toEqual(first);
  });

  it("gives different streams to different paths", () => {
    const rng = new StreamRng();
    rng.reset(11, 22, fnv1a32("a.b"));
    const a = rng.next();
    rng.reset(11, 22, fnv1a32("a.c"));
    expect(rng.next()).not.toBe(a);
  });

  it("keeps every draw strictly inside (0, 1)", () => {
    expect(toUnitInterval(0, 0)).toBeGreaterThan(0);
    expect(toUnitInterval(0xffffffff, 0xffffffff)).toBeLessThan(1);
    expect(toUnitInterval(0xffffffff, 0xffffffff)).toBe(1 - 2 ** -53);
    expect(toUnitInterval(0, 0)).toBe(2 ** -53);
  });

  it("looks uniform: mean and a chi-square over 20 bins", () => {
    const rng = new StreamRng();
    const bins = new Array<number>(20).fill(0);
    const n = 100_000;
    let sum = 0;
    for (let run = 0; run < n; run++) {
      // One draw per run, as the engine uses it: the first draw of many different keys.
      rng.reset(run, 7, 12345);
      const u = rng.next();
      sum += u;
      bins[Math.floor(u * 20)]! += 1;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    const expected = n / 20;
    const chi2 = bins.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    // The 0.999 quantile of chi-square with 19 degrees of freedom is 43.82.
    expect(chi2).toBeLessThan(43.82);
  });
});

describe("fnv1a32 on non-ASCII text", () => {
  // "é" is C3 A9 in UTF-8: ((0x811c9dc5 ^ 0xc3) * p ^ 0xa9) * p mod 2^32, p = 0x01000193.
  it("hashes the UTF-8 bytes", () => {
    const p = 0x01000193;
    let h = 0x811c9dc5;
    for (const byte of [0xc3, 0xa9]) h = Math.imul(h ^ byte, p) >>> 0;
    expect(fnv1a32("é")).toBe(h);
    expect(fnv1a32("é")).not.toBe(fnv1a32("e"));
  });
});
