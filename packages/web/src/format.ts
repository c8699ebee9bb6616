import { formatDifference as difference, formatNumber, formatPercent, formatShare, formatValue as metricValue } from "@chipsim/core";

/**
 * Numbers as the page shows them, through @chipsim/core's formatter, so
 * they read as in the command line's tables and the report: shares as
 * percentages, the rest with k, M, B (3.3M, 28B).
 */

/** A number with its unit after it (a lever's value), or a share as a percentage. */
export function formatValue(value: number, unit: string): string {
  if (unit === "1") return formatShare(value);
  return `${formatNumber(value)}${unit === "" ? "" : ` ${unit}`}`;
}

/** A metric's value where the row already names its unit. */
export function formatMetricValue(value: number, unit: string): string {
  return metricValue(value, unit);
}

/**
 * A difference with its sign (shares in percentage points), and relative to
 * the baseline where that means something. Floating-point noise, and a
 * difference far below the medians' standard error, show as 0.
 */
export function formatDifference(edited: number, baseline: number, unit: string, se?: number): string {
  const diff = edited - baseline;
  const text = difference(diff, unit, { scale: Math.max(Math.abs(edited), Math.abs(baseline)), ...(se !== undefined ? { se } : {}) });
  if (unit === "1" || text === "0" || baseline === 0) return text;
  return `${text} (${diff > 0 ? "+" : ""}${formatPercent(diff / Math.abs(baseline))})`;
}
