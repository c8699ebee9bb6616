/** 2^27 + 1: Veltkamp's constant that splits a 53-bit significand into two 26-bit halves. */
const SPLITTER = 134217729;

/**
 * The rounding error of a product: given p = a * b as computed, returns e
 * with a b = p + e exactly (Dekker's TwoProduct with Veltkamp's split).
 * JavaScript has no fused multiply-add, which would give e as fma(a, b, -p).
 *
 * Exact as long as nothing overflows (|a|, |b| below 2^996 and p finite)
 * and the error does not fall below the subnormal range (|a b| above about
 * 2^-969); outside that the result is still a deterministic function of a
 * and b, just not exact.
 */
export function productError(a: number, b: number, p: number): number {
  let c = SPLITTER * a;
  const aHi = c - (c - a);
  const aLo = a - aHi;
  c = SPLITTER * b;
  const bHi = c - (c - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}
