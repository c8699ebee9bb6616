import { REPORTED_QUANTILE_KEYS, REPORTED_QUANTILES, type QuantileKey } from "./quantile.js";

/** What every output reports for a metric in a year. */
export type SeriesSummary = { mean: number; sd: number } & Record<QuantileKey, number>;

/**
 * How precisely the runs pin the summary down: the standard error of the
 * mean (sd / sqrt n) and of the median (from the distribution-free 95%
 * interval for the median, the order statistics of rank
 * n/2 -+ 1.96 sqrt(n)/2, divided by 2 x 1.96). With binned statistics,
 * `quantileError` bounds how far each reported quantile can be from the
 * exact type-7 one (same unit as the metric).
 */
export interface SeriesPrecision {
  seMean: number;
  seMedian: number;
  quantileError?: number;
}

const Z95 = 1.959963984540054;

/**
 * The probabilities a summary reads, in ascending order: the reported
 * quantiles and the two ends of the median's interval for n runs.
 */
export function summaryProbabilities(n: number): number[] {
  const dp = Z95 / (2 * Math.sqrt(Math.max(n, 1)));
  return [...REPORTED_QUANTILES, Math.max(0, 0.5 - dp), Math.min(1, 0.5 + dp)].sort((a, b) => a - b);
}

/**
 * Assembles a summary and its precision from the mean, sd and a quantile
 * function (exact or estimated), the same way for every store.
 */
export function assembleSummary(n: number, mean: number, sd: number, quantile: (p: number) => number): { summary: SeriesSummary; precision: SeriesPrecision } {
  const summary = { mean, sd } as SeriesSummary;
  REPORTED_QUANTILES.forEach((p, k) => (summary[REPORTED_QUANTILE_KEYS[k] as QuantileKey] = quantile(p)));
  if (n < 2) return { summary, precision: { seMean: 0, seMedian: 0 } };
  const dp = Z95 / (2 * Math.sqrt(n));
  const seMedian = (quantile(Math.min(1, 0.5 + dp)) - quantile(Math.max(0, 0.5 - dp))) / (2 * Z95);
  return { summary, precision: { seMean: sd / Math.sqrt(n), seMedian } };
}
