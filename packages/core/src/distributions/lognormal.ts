import { normalQuantile } from "./normal.js";
import type { DistSpec, Distribution } from "./types.js";
import { exp, log } from "../math/fdlibm.js";

/** mu and sigma of the log of a lognormal with the given mean and standard deviation. */
export function lognormalFromMoments(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = log(1 + (sd * sd) / (mean * mean));
  return { mu: log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** mu and sigma of a lognormal whose pA and pB quantiles are xA and xB (pA < pB, 0 < xA < xB). */
export function lognormalFromPercentiles(pA: number, xA: number, pB: number, xB: number): { mu: number; sigma: number } {
  const zA = normalQuantile(pA);
  const zB = normalQuantile(pB);
  const sigma = (log(xB) - log(xA)) / (zB - zA);
  return { mu: log(xA) - sigma * zA, sigma };
}

export function makeLognormal(spec: Extract<DistSpec, { dist: "lognormal" }>): Distribution {
  const { mu, sigma } = spec;
  if (!(sigma > 0) || !Number.isFinite(mu)) throw new Error(`lognormal: invalid mu ${mu} / sigma ${sigma}`);
  const quantile = (u: number) => exp(mu + sigma * normalQuantile(u));
  return { spec, mean: exp(mu + (sigma * sigma) / 2), support: [0, Infinity], quantile, quantileInto: (us, i, out) => void (out[i] = quantile(us[i] as number)) };
}
