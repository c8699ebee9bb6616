/**
 * Numbers as people read them, formatted one way everywhere: the command
 * line's tables, the charts, the report and the playground all go through
 * here. Three significant figures with k, M, B and T ("540k", "1.23M"),
 * shares as percentages, differences with their sign (differences of
 * shares in percentage points), and nothing finer than the statistics
 * support: a value within floating-point noise of 0, or far below its
 * standard error, shows as 0.
 *
 * Machine formats (summary.json, CSV, Parquet) keep every digit; this is
 * only for what people read.
 */

/** A value within this much of 0, relative to the larger of 1 and the scale of the values it comes from, is noise. */
export const NOISE = 1e-6;

/** A value at most this fraction of its standard error shows as 0: the runs cannot tell it from 0. */
export const FAR_BELOW_SE = 0.1;

export interface FormatOptions {
  /** The size of the values a difference was taken between (say, the larger median): noise is relative to it. */
  readonly scale?: number;
  /** The value's standard error, where known. */
  readonly se?: number;
}

/** Whether a value is 0 for all the numbers can say: floating-point noise, or far below its standard error. */
export function isNoise(value: number, options: FormatOptions = {}): boolean {
  const floor = Math.max(NOISE * Math.max(1, Math.abs(options.scale ?? 0)), FAR_BELOW_SE * Math.abs(options.se ?? 0));
  return Math.abs(value) <= floor;
}

const SUFFIXES: readonly (readonly [number, string])[] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "k"],
];

/** A number in three significant figures with k, M, B or T: 540000 is "540k", 1.234e6 is "1.23M", 0.3541 is "0.354". */
export function formatNumber(value: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  if (isNoise(value, options)) return "0";
  const abs = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  // Beyond a thousand trillion (installed FLOPS), a power of ten reads better than a long suffix.
  if (abs >= 999.5e12) return `${sign}${abs.toPrecision(3).replace(/\.?0+e/, "e").replace("e+", "e")}`;
  for (const [scale, suffix] of SUFFIXES) {
    if (abs >= scale * 0.9995) return `${sign}${trim((abs / scale).toPrecision(3))}${suffix}`;
  }
  return `${sign}${trim(abs.toPrecision(3))}`;
}

/**
 * A share (0 to 1) as a percentage: whole percent, with a decimal near 0
 * and 1 (so 99.6% never reads as a certain 100%), "<0.1%" and ">99.9%" for
 * what is not quite 0 or 1, and exactly "0%" or "100%" only for those.
 */
export function formatShare(share: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(share)) return String(share);
  if (isNoise(share, options)) return "0%";
  if (isNoise(share - 1, options)) return "100%";
  const abs = Math.abs(share);
  const sign = share < 0 ? "-" : "";
  if (abs < 0.001) return `${sign}<0.1%`;
  if (abs > 0.999 && abs < 1) return `${sign}>99.9%`;
  // A decimal only where a whole percent would round to 0% or 100%: 0.98% reads "1%", like 1.02%.
  const percent = abs * 100;
  const nearEdge = percent < 0.95 || (percent >= 99.5 && abs < 1);
  return `${sign}${percent.toFixed(nearEdge ? 1 : 0)}%`;
}

/** A fraction as a percentage with fixed decimals (indices, intervals), never "-0.0%". */
export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  const text = (isNoise(fraction) ? 0 : fraction * 100).toFixed(digits);
  return `${/^-0(\.0*)?$/.test(text) ? text.slice(1) : text}%`;
}

/** A metric's value: a share (unit "1") as a percentage, anything else as a number. */
export function formatValue(value: number, unit: string, options: FormatOptions = {}): string {
  return unit === "1" ? formatShare(value, options) : formatNumber(value, options);
}

/**
 * A difference with its sign: "+540k", "-1.2M", and for shares (unit "1")
 * percentage points to one decimal, "+2.5 pp". Noise, and what rounds to
 * nothing, is "0" or "0.0 pp", without a sign.
 */
export function formatDifference(difference: number, unit: string, options: FormatOptions = {}): string {
  if (!Number.isFinite(difference)) return String(difference);
  const sign = difference > 0 ? "+" : "-";
  if (unit === "1") {
    const points = Math.abs(difference * 100).toFixed(1);
    return isNoise(difference, options) || points === "0.0" ? "0.0 pp" : `${sign}${points} pp`;
  }
  const text = formatNumber(Math.abs(difference), options);
  return text === "0" ? "0" : `${sign}${text}`;
}

/** A whole count with thousands separators: "10,000 runs". */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("en-US") : formatNumber(n);
}

function trim(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/**
 * Vega-Lite axis labels (`axis.labelExpr`) that read as formatNumber does:
 * k, M, B and T rather than Vega's k, M, G and T, a hyphen for minus, and
 * noise as 0.
 */
export const NUMBER_AXIS_LABEL = "abs(datum.value) < 1e-6 ? '0' : replace(replace(format(datum.value, abs(datum.value) < 1 ? '.3~r' : '.3~s'), 'G', 'B'), '\u2212', '-')";

/** Vega-Lite axis labels for a difference of shares, in percentage points as formatDifference gives them. */
export const SHARE_DIFFERENCE_AXIS_LABEL = "abs(datum.value) < 5e-4 ? '0.0 pp' : replace(format(datum.value * 100, '+.1f'), '\u2212', '-') + ' pp'";
