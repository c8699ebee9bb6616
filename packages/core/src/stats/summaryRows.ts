import { REPORTED_QUANTILE_KEYS, type QuantileKey } from "./quantile.js";
import type { SeriesPrecision, SeriesSummary } from "./seriesSummary.js";
import type { StoredSeries } from "./storedSeries.js";

/**
 * Exact series summaries as rows of numbers, one row per series: mean, sd,
 * the reported quantiles, the standard errors of the mean and the median.
 * Several threads can then summarise the series of one stored job side by
 * side into one shared buffer (chipsim run --workers N), and the summary
 * reads each row back as the objects one thread would have made: the same
 * numbers with the keys in the same order, so the same bytes.
 */
export const SUMMARY_ROW = 2 + REPORTED_QUANTILE_KEYS.length + 2;

/** Summarises series [from, to) of `stored` into rows[s * SUMMARY_ROW ..]; `scratch` holds at least stored.count numbers. */
export function summarizeStoredSeries(stored: StoredSeries, from: number, to: number, rows: Float64Array, scratch: Float64Array): void {
  for (let s = from; s < to; s++) {
    const { summary, precision } = stored.summary(s, scratch);
    // Exact statistics carry no quantile error; a row has no place for one.
    if (precision.quantileError !== undefined) throw new Error("summary rows hold exact summaries only");
    let at = s * SUMMARY_ROW;
    rows[at++] = summary.mean;
    rows[at++] = summary.sd;
    for (const key of REPORTED_QUANTILE_KEYS) rows[at++] = summary[key];
    rows[at++] = precision.seMean;
    rows[at] = precision.seMedian;
  }
}

/** Series s's summary and precision as summarizeStoredSeries wrote them. */
export function summaryFromRow(rows: Float64Array, s: number): { summary: SeriesSummary; precision: SeriesPrecision } {
  let at = s * SUMMARY_ROW;
  if (Number.isNaN(rows[at] as number)) throw new Error(`series ${s} was not summarised`);
  const summary = { mean: rows[at++] as number, sd: rows[at++] as number } as SeriesSummary;
  for (const key of REPORTED_QUANTILE_KEYS) summary[key as QuantileKey] = rows[at++] as number;
  const seMean = rows[at++] as number;
  return { summary, precision: { seMean, seMedian: rows[at] as number } };
}
