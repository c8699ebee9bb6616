import { exp, log, log1p, sin } from "../math/fdlibm.js";
/**
 * Special functions for the beta distribution, used when a beta or PERT
 * distribution is built (never per run).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** ln Gamma(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return log(Math.PI / sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * log(2 * Math.PI) + (z + 0.5) * log(t) - t + log(a);
}

export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * Regularized incomplete beta I_x(a, b) by the continued fraction of
 * Numerical Recipes (betacf, modified Lentz), using the symmetry
 * I_x(a, b) = 1 - I_(1-x)(b, a) where that converges faster.
 */
export function incompleteBeta(
  x: number,
  a: number,
  b: number,
  /** logBeta(a, b), for callers that evaluate many x with the same shapes. */
  lb = logBeta(a, b),
): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(a * log(x) + b * log1p(-x) - lb);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) return h;
  }
  return h;
}

/**
 * The x in [0, 1] with I_x(a, b) = p, by bisection safeguarding Newton
 * steps; converges to about 1e-15 in x. A caller that knows the root
 * roughly (a table built point by point) passes `guess`, and `from`, a
 * point known to lie at or below the root; the default starts at the mean.
 * `lb` is logBeta(a, b), for callers that invert many p with one shape.
 */
export function inverseIncompleteBeta(
  p: number,
  a: number,
  b: number,
  guess = a / (a + b),
  from = 0,
  lb = logBeta(a, b),
): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = from;
  let hi = 1;
  const mean = a / (a + b);
  let x = guess > lo && guess < hi ? guess : mean > lo && mean < hi ? mean : (lo + hi) / 2;
  for (let i = 0; i < 400; i++) {
    const f = incompleteBeta(x, a, b, lb) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - lb);
    let next = x - f / density;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = (lo + hi) / 2;
    // Relative tolerances: tiny quantiles (beta(0.5, 0.5) at p = 1e-9 is 2.5e-18) need them.
    if (Math.abs(next - x) <= 1e-15 * next || hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  return x;
}
