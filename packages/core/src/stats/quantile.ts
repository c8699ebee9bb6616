/**
 * The quantiles every output reports, and the one definition used for
 * them: R's type 7 (the default of R and of NumPy). With h = (n - 1) p on
 * the sorted values x[0..n-1],
 *   Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */
export const REPORTED_QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

/** The summary key of each entry of REPORTED_QUANTILES, in the same order. */
export const REPORTED_QUANTILE_KEYS = ["p5", "p10", "p25", "p50", "p75", "p90", "p95"] as const;

export type QuantileKey = (typeof REPORTED_QUANTILE_KEYS)[number];

/** Where type 7 reads: order statistic `index` (0-based) and `fraction` of the way to the next one. */
export interface Type7Position {
  readonly index: number;
  readonly fraction: number;
}

/** Shared by the exact quantiles and the histograms so both interpolate at exactly the same point. */
export function type7Position(n: number, p: number): Type7Position {
  if (!(n >= 1)) throw new Error("quantile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const index = Math.floor(h);
  return index >= n - 1 ? { index: n - 1, fraction: 0 } : { index, fraction: h - index };
}

/**
 * The type-7 quantile of values already sorted ascending (with
 * Float64Array.prototype.sort(), which sorts numerically). The caller
 * guarantees the order: checking it would cost a pass per quantile.
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const { index, fraction } = type7Position(sorted.length, p);
  const x0 = sorted[index] as number;
  if (fraction === 0) return x0;
  return x0 + fraction * ((sorted[index + 1] as number) - x0);
}
