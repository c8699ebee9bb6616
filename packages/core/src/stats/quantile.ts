/**
 * The quantiles every output reports, and the exact definition used: R's
 * type 7 (the default of R and NumPy): with h = (n - 1) p,
 * Q(p) = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]) on the
 * sorted values.
 */
export const REPORTED_QUANTILES = [
  ["p5", 0.05],
  ["p10", 0.1],
  ["p25", 0.25],
  ["p50", 0.5],
  ["p75", 0.75],
  ["p90", 0.9],
  ["p95", 0.95],
] as const;

export type QuantileKey = (typeof REPORTED_QUANTILES)[number][0];

export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error("quantile of no values");
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const x0 = sorted[lo] as number;
  if (lo >= n - 1) return sorted[n - 1] as number;
  return x0 + (h - lo) * ((sorted[lo + 1] as number) - x0);
}
