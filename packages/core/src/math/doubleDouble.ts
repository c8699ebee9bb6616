/**
 * Double-double arithmetic: a value as an unevaluated sum hi + lo of two
 * doubles, about 106 bits. Used only when a module loads, to build the
 * tables of the engine's exp and log to well beyond a double's precision
 * from arithmetic IEEE 754 fixes exactly (no engine-rounded Math function),
 * so every engine builds the same tables. Not for hot loops: each operation
 * returns a fresh pair.
 */
export type DoubleDouble = readonly [hi: number, lo: number];

/** 2^27 + 1: Veltkamp's constant, splitting a double into two 26-bit halves. */
const SPLITTER = 134217729;

/** a + b exactly, as the rounded sum and its error (Knuth's two-sum). */
export function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a * b exactly, as the rounded product and its error (Dekker's product; no fused multiply-add in JavaScript). */
export function twoProduct(a: number, b: number): DoubleDouble {
  const p = a * b;
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function normalise(hi: number, lo: number): DoubleDouble {
  const s = hi + lo;
  return [s, lo - (s - hi)];
}

export function ddAdd(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [s, e] = twoSum(a[0], b[0]);
  return normalise(s, e + a[1] + b[1]);
}

export function ddMultiply(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [p, e] = twoProduct(a[0], b[0]);
  return normalise(p, e + (a[0] * b[1] + a[1] * b[0]));
}

/** a / d for a double d. */
export function ddDivide(a: DoubleDouble, d: number): DoubleDouble {
  const q = a[0] / d;
  const [p, e] = twoProduct(q, d);
  return normalise(q, (a[0] - p - e + a[1]) / d);
}

/** ln 2 to 106 bits: 0x3fe62e42fefa39ef + 0x3c7abc9e3b39803f. */
export const LN2: DoubleDouble = [0.6931471805599453, 2.3190468138462996e-17];

/** e^t for |t| <= 1, by its Taylor series: about 2^-104 relative error. */
export function ddExp(t: DoubleDouble): DoubleDouble {
  let sum: DoubleDouble = [1, 0];
  let term: DoubleDouble = [1, 0];
  // t^n / n! falls below 2^-110 of the sum by n = 27 for |t| <= 1.
  for (let n = 1; n <= 27; n++) {
    term = ddDivide(ddMultiply(term, t), n);
    sum = ddAdd(sum, term);
  }
  return sum;
}
