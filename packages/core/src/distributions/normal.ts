import type { DistSpec, Distribution } from "./types.js";
import { exp, log } from "../math/fdlibm.js";

/**
 * Standard normal quantile by Wichura's algorithm AS241 (PPND16), accurate
 * to about 1e-16 (Applied Statistics 37(3), 1988, 477-484).
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  tailQuantile[0] = p;
  normalTailQuantile();
  return tailQuantile[0] as number;
}

/**
 * normalTailQuantile's p in, and its value out. A fractional number passed
 * to or returned from a call V8 does not inline is boxed on the heap (16
 * bytes each); one in a typed array is not. With 15% of draws in the
 * tails, the boxes came to about 350 bytes of garbage a run for the
 * baseline.
 */
const tailQuantile = new Float64Array(1);

/**
 * The tails of normalQuantile (|p - 0.5| > 0.425), in a function of their
 * own: what is left of normalQuantile is then small enough for V8 to
 * inline into its callers, so the 85% of draws in the central region make
 * no call at all. It reads p from tailQuantile[0] and leaves its value there.
 */
function normalTailQuantile(): void {
  const p = tailQuantile[0] as number;
  const q = p - 0.5;
  let r = q < 0 ? p : 1 - p;
  if (r <= 0) {
    tailQuantile[0] = q < 0 ? -Infinity : Infinity;
    return;
  }
  r = Math.sqrt(-log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  tailQuantile[0] = q < 0 ? -value : value;
}

const INV_SQRT_2PI = 0.3989422804014327;

export function normalDensity(z: number): number {
  return INV_SQRT_2PI * exp(-0.5 * z * z);
}

/**
 * Standard normal CDF to near machine precision: a Taylor series near the
 * centre and, in the tails, Laplace's continued fraction for the Mills
 * ratio (both converge to full precision where they are used).
 */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  if (Math.abs(z) < 3) {
    // Phi(z) = 1/2 + phi(z) * sum_{n>=0} z^(2n+1) / (1*3*5*...*(2n+1))
    let term = z;
    let sum = z;
    for (let n = 1; n < 200; n++) {
      term *= (z * z) / (2 * n + 1);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    return 0.5 + normalDensity(z) * sum;
  }
  const tail = normalDensity(z) * millsRatio(Math.abs(z));
  return z < 0 ? tail : 1 - tail;
}

/** Upper-tail probability 1 - Phi(z), without cancellation for large z. */
export function normalUpperTail(z: number): number {
  return z > 0 && z >= 3 ? normalDensity(z) * millsRatio(z) : 1 - normalCdf(z);
}

/** (1 - Phi(x)) / phi(x) for x >= 3 by the continued fraction 1/(x + 1/(x + 2/(x + 3/(x + ...)))). */
function millsRatio(x: number): number {
  let f = 0;
  for (let k = 120; k >= 1; k--) f = k / (x + f);
  return 1 / (x + f);
}

export function makeNormal(spec: Extract<DistSpec, { dist: "normal" }>): Distribution {
  const { mean, sd } = spec;
  if (!(sd > 0)) throw new Error(`normal: sd must be positive, got ${sd}`);
  const a = spec.min === undefined ? -Infinity : (spec.min - mean) / sd;
  const b = spec.max === undefined ? Infinity : (spec.max - mean) / sd;
  if (!(a < b)) throw new Error("normal: truncation needs min < max");
  if (a === -Infinity && b === Infinity) {
    const quantile = (u: number) => mean + sd * normalQuantile(u);
    return { spec, mean, support: [-Infinity, Infinity], quantile, quantileInto: (us, i, out) => void (out[i] = quantile(us[i] as number)) };
  }
  // Work in whichever tail keeps the probabilities away from 1, so deep
  // truncations keep their precision.
  const upper = a > 0;
  const lo = upper ? normalUpperTail(b) : normalCdf(a);
  const hi = upper ? normalUpperTail(a) : normalCdf(b);
  const mass = hi - lo;
  const truncatedMean = mean + (sd * (normalDensity(a) - normalDensity(b))) / mass;
  const clampZ = (z: number) => Math.min(Math.max(z, a), b);
  const quantile = upper
    ? (u: number) => mean + sd * clampZ(-normalQuantile(hi - u * mass))
    : (u: number) => mean + sd * clampZ(normalQuantile(lo + u * mass));
  return { spec, mean: truncatedMean, support: [spec.min ?? -Infinity, spec.max ?? Infinity], quantile, quantileInto: (us, i, out) => void (out[i] = quantile(us[i] as number)) };
}
