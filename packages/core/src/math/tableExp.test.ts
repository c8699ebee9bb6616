import { describe, expect, it } from "vitest";
import { tableExp as exp } from "./tableExp.js";

/**
 * e^x in 256-bit fixed point with BigInt, as the reference the double is
 * measured against: x = n ln 2 + R, e^R by its series.
 */
const PREC = 256n;
const ONE = 1n << PREC;
const LN2_FIXED = (() => {
  // ln 2 = sum over k >= 1 of 1 / (k 2^k)
  let sum = 0n;
  for (let k = 1n; k < 300n; k++) sum += ONE / (k << k);
  return sum;
})();

/** The double as mantissa * 2^exponent, both exact. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const sign = bits >> 63n ? -1n : 1n;
  return biased === 0 ? { mantissa: sign * fraction, exponent: -1074 } : { mantissa: sign * (fraction | (1n << 52n)), exponent: biased - 1075 };
}

/** The error of exp(x) in units in the last place of the result, against the exact e^x (normal results). */
function ulpError(x: number): number {
  const { mantissa, exponent } = decompose(x);
  const fixedX = exponent + Number(PREC) >= 0 ? mantissa << BigInt(exponent + Number(PREC)) : mantissa >> BigInt(-(exponent + Number(PREC)));
  const n = Math.round(x / Math.LN2);
  const r = fixedX - BigInt(n) * LN2_FIXED;
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * r) / ONE / k;
    sum += term;
  }
  // e^x = sum * 2^(n - PREC); the result is mantissa * 2^e, its ulp 2^e (a normal result has a 53-bit mantissa).
  const result = decompose(exp(x));
  const shift = BigInt(result.exponent - n) + PREC;
  return Number(result.mantissa * (1n << shift) - sum) / 2 ** Number(shift);
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("tableExp", () => {
  it("is within 0.52 ulp of e^x over the range of normal results and over small arguments", () => {
    const next = lcg(11);
    let worst = 0;
    let worstAt = 0;
    const xs: number[] = [];
    for (let i = 0; i < 20_000; i++) xs.push((next() * 2 - 1) * 708);
    for (let i = 0; i < 20_000; i++) xs.push((next() * 2 - 1) * 4);
    // Small magnitudes, 2^-60 to 2^-3, both signs.
    for (let i = 0; i < 10_000; i++) xs.push((next() < 0.5 ? -1 : 1) * (1 + next()) * 2 ** -(3 + Math.floor(next() * 58)));
    for (const x of xs) {
      const error = Math.abs(ulpError(x));
      if (error > worst) [worst, worstAt] = [error, x];
    }
    expect(worst, `worst at x = ${worstAt}`).toBeLessThan(0.52);
    // The error is there to measure: a reference that matched trivially would report 0.
    expect(worst).toBeGreaterThan(0.4);
  });

  it("gives exact values where e^x is exact, and IEEE's answers at the edges", () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(NaN)).toBeNaN();
    expect(exp(709.78)).toBeLessThan(Infinity);
    expect(exp(709.79)).toBe(Infinity);
    expect(exp(-745.13)).toBe(5e-324);
    expect(exp(-745.14)).toBe(0);
    expect(exp(1e-300)).toBe(1);
  });

  it("stays within an ulp near overflow and in the subnormal range, where the scale is applied in two steps", () => {
    // Compared with Node's Math.exp (within an ulp of e^x): two results within an ulp each differ by at most two.
    const ulps = (a: number, b: number) => Math.abs(a - b) / Math.max(Number.MIN_VALUE, Math.abs(b) * 2 ** -52);
    for (let x = 704; x < 709.78; x += 0.37) expect(ulps(exp(x), Math.exp(x))).toBeLessThanOrEqual(1);
    for (let x = -704; x > -708.3; x -= 0.37) expect(ulps(exp(x), Math.exp(x))).toBeLessThanOrEqual(1);
    for (let x = -708.5; x > -745; x -= 0.71) expect(Math.abs(exp(x) - Math.exp(x))).toBeLessThanOrEqual(Number.MIN_VALUE);
  });
});
