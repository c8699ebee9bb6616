import { describe, expect, it } from "vitest";
import { StreamRng } from "../random/streamRng.js";
import { productError } from "./productError.js";

/** The double x as the exact integer x * 2^1074 (every finite double is one). */
function scaled(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const magnitude = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return bits >> 63n ? -magnitude : magnitude;
}

describe("productError", () => {
  it("recovers the bits a rounded product drops: (1 + 2^-30)^2", () => {
    // (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60; 2^-60 is below half an ulp of 1 (2^-53), so p = 1 + 2^-29 and e = 2^-60.
    const a = 1 + 2 ** -30;
    const p = a * a;
    expect(p).toBe(1 + 2 ** -29);
    expect(productError(a, a, p)).toBe(2 ** -60);
  });

  it("makes a * b = p + e exactly, checked in integers", () => {
    const rng = new StreamRng();
    rng.reset(11, 12, 13);
    for (let i = 0; i < 2000; i++) {
      // Magnitudes from 1e-100 to 1e100, both signs.
      const a = (rng.next() - 0.5) * 10 ** Math.round(rng.next() * 200 - 100);
      const b = (rng.next() - 0.5) * 10 ** Math.round(rng.next() * 200 - 100);
      const p = a * b;
      const e = productError(a, b, p);
      // a b * 2^2148 = (p + e) * 2^2148, with p and e each scaled by 2^1074 once more.
      expect(scaled(a) * scaled(b)).toBe((scaled(p) + scaled(e)) * 2n ** 1074n);
    }
  });
});
