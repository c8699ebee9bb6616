import { describe, expect, it } from "vitest";
import { exp, log, log1p, sin, SIN_MAX_ARGUMENT } from "./fdlibm.js";

/** A small deterministic generator (no seed library), uniform in [0, 1). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Arguments spread over many binades: m * 2^e for uniform m in [1, 2) and e in [lo, hi], with either sign when asked. */
function spreadArguments(n: number, lo: number, hi: number, signed: boolean, seed: number): number[] {
  const next = lcg(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = lo + Math.floor(next() * (hi - lo + 1));
    // 2^e exactly, by repeated doubling or halving (no Math.pow, which engines round differently).
    let scale = 1;
    for (let k = 0; k < Math.abs(e); k++) scale = e > 0 ? scale * 2 : scale / 2;
    const v = (1 + next()) * scale;
    out.push(signed && next() < 0.5 ? -v : v);
  }
  return out;
}

/** Where the port and Node's Math (this test's reference: the command line's engine) disagree. */
function disagreements(f: (x: number) => number, reference: (x: number) => number, xs: readonly number[]): number[] {
  return xs.filter((x) => !Object.is(f(x), reference(x)));
}

// The edges each function treats apart.
const SPECIAL = [0, -0, 1, -1, 2, 0.5, Infinity, -Infinity, NaN, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, 2.2250738585072014e-308, 709.782712893384, 709.79, -745.1332191019411, -745.14, 1e-300, 3.725290298461914e-9, 0.34657359027997264, 1.0397207708399179];

describe("fdlibm ports: the bits of Node's Math, in any engine", () => {
  it("exp", () => {
    const xs = [...SPECIAL, ...spreadArguments(300_000, -30, 9, true, 1)].filter((x) => Math.abs(x) < 800 || !Number.isFinite(x));
    expect(disagreements(exp, Math.exp, xs)).toEqual([]);
  });

  it("log", () => {
    const xs = [...SPECIAL, ...spreadArguments(300_000, -1074, 1023, false, 2), ...spreadArguments(100_000, -3, 3, false, 3), ...spreadArguments(1000, -10, 10, true, 4)];
    expect(disagreements(log, Math.log, xs)).toEqual([]);
  });

  it("log1p", () => {
    const small = spreadArguments(300_000, -60, 8, true, 5).filter((x) => x > -1);
    const nearMinusOne = spreadArguments(20_000, -50, -1, false, 6).map((d) => -1 + d);
    expect(disagreements(log1p, Math.log1p, [...SPECIAL, -0.9999999999999999, ...small, ...nearMinusOne])).toEqual([]);
  });

  it("sin, up to 3 pi / 4, and refuses more", () => {
    const xs = [...SPECIAL.filter((x) => Math.abs(x) < SIN_MAX_ARGUMENT), ...spreadArguments(300_000, -40, 1, true, 7).filter((x) => Math.abs(x) < SIN_MAX_ARGUMENT), Math.PI / 2, -Math.PI / 2, Math.PI / 4, 0.7853981633974483, 1.5707963267948966, 2.3561935424804683];
    expect(disagreements(sin, Math.sin, xs)).toEqual([]);
    expect(() => sin(SIN_MAX_ARGUMENT)).toThrow(RangeError);
    expect(() => sin(-3)).toThrow(RangeError);
  });
});
