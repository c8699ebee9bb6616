const compact = new Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 3 });
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });

/** A number as the page shows it: shares as percentages, the rest in compact form (3.3M, 28B). */
export function formatValue(value: number, unit: string): string {
  if (unit === "1") return percent.format(value);
  return `${compact.format(value)}${unit === "" ? "" : ` ${unit}`}`;
}

/** A difference with its sign, and relative to the baseline where that means something. */
export function formatDifference(edited: number, baseline: number, unit: string): string {
  const diff = edited - baseline;
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  if (unit === "1") return `${sign}${(Math.abs(diff) * 100).toFixed(1)} pts`;
  const relative = baseline !== 0 ? ` (${sign}${percent.format(Math.abs(diff / baseline))})` : "";
  return `${sign}${compact.format(Math.abs(diff))}${relative}`;
}
