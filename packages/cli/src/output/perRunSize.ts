import { UsageError } from "../usageError.js";

/**
 * The size of `--per-run` output, estimated before anything runs, and the
 * bound above which a run refuses to write it without --force.
 *
 * per_run.csv: each row's text is known exactly but for the value
 * (scenario, run number, metric id, year, four commas and a newline); the
 * value, JavaScript's shortest round-trip text of a double, averaged
 * VALUE_CHARS characters in the exports measured (see below).
 * per_run.parquet: PARQUET_BYTES_PER_VALUE bytes a value, measured; the
 * value column (plain doubles, Snappy) is nearly all of it, as the other
 * four columns are dictionary-encoded runs of a few distinct values.
 */

/**
 * Characters of a value's text in per_run.csv. Measured on 100 runs of four
 * built-in scenarios, every metric: 14.5 (baseline), 14.6
 * (euv-breakthrough), 14.1 (hbm-chokehold), 13.5 (full-decoupling); a
 * metric's own average ranges from 1 (a metric that stays 0) to 21
 * (compute.installedFLOPS).
 */
export const CSV_VALUE_CHARS = 15;

/**
 * Bytes a value takes in per_run.parquet, measured: 4.9 on the baseline's
 * every metric at 200, 1,000 and 4,000 runs (4.86 of them the value
 * column), between 4.6 and 5.0 on the other built-in scenarios.
 */
export const PARQUET_BYTES_PER_VALUE = 5;

/** Above this estimate (bytes, CSV and Parquet together) a per-run export needs --force: 1 GB. */
export const PER_RUN_BOUND_BYTES = 1e9;

const CSV_HEADER = "scenario,run,metric,year,value\n";

export interface PerRunSize {
  readonly runs: number;
  readonly metrics: number;
  readonly years: number;
  /** Estimated bytes of per_run.csv, if written. */
  readonly csv?: number;
  /** Estimated bytes of per_run.parquet, if written. */
  readonly parquet?: number;
  readonly total: number;
}

/** The estimated size of the per-run files for `runs` runs of the chosen metrics over `years` years. */
export function estimatePerRunSize(args: {
  readonly runs: number;
  readonly scenario: string;
  readonly metricIds: readonly string[];
  readonly years: number;
  readonly csv: boolean;
  readonly parquet: boolean;
}): PerRunSize {
  const { runs, years, metricIds } = args;
  const values = runs * metricIds.length * years;
  const idBytes = metricIds.reduce((sum, id) => sum + Buffer.byteLength(id), 0);
  // Per row: scenario, run, metric, a four-digit year, the value, 4 commas and a newline.
  const fixed = Buffer.byteLength(args.scenario) + 4 + CSV_VALUE_CHARS + 5;
  const csv = CSV_HEADER.length + values * fixed + runs * years * idBytes + digitsOfRunNumbers(runs) * metricIds.length * years;
  const parquet = values * PARQUET_BYTES_PER_VALUE;
  return {
    runs,
    metrics: metricIds.length,
    years,
    ...(args.csv ? { csv } : {}),
    ...(args.parquet ? { parquet } : {}),
    total: (args.csv ? csv : 0) + (args.parquet ? parquet : 0),
  };
}

/** The digits of 0, 1, ..., runs - 1 written out, all together. */
export function digitsOfRunNumbers(runs: number): number {
  let total = 0;
  for (let digits = 1, low = 0, high = 10; low < runs; digits++, low = high, high *= 10) total += (Math.min(runs, high) - low) * digits;
  return total;
}

/** "1.3 GB (20,000 runs x 94 metrics x 12 years; per_run.csv about 1.2 GB, per_run.parquet about 110 MB)" */
export function describePerRunSize(size: PerRunSize): string {
  const files = [size.csv !== undefined ? `per_run.csv about ${formatBytes(size.csv)}` : "", size.parquet !== undefined ? `per_run.parquet about ${formatBytes(size.parquet)}` : ""].filter((f) => f !== "");
  const shape = `${size.runs.toLocaleString("en-US")} runs x ${size.metrics} metric${size.metrics === 1 ? "" : "s"} x ${size.years} years`;
  return `${formatBytes(size.total)} (${shape}${files.length > 1 ? `; ${files.join(", ")}` : ""})`;
}

/** The line printed on stderr before a per-run export. */
export function perRunSizeLine(size: PerRunSize): string {
  return `per-run output: about ${describePerRunSize(size)}\n`;
}

/** Refuses, before anything runs or is written, a per-run export estimated above the bound, unless forced. */
export function refuseLargePerRun(size: PerRunSize, force: boolean | undefined): void {
  if (force || size.total <= PER_RUN_BOUND_BYTES) return;
  throw new UsageError(
    `--per-run: expected at most ${formatBytes(PER_RUN_BOUND_BYTES)} of per-run output without --force, found an estimated ${describePerRunSize(size)}; choose fewer metrics with --metrics (e.g. --metrics 'accelerators.*'), run fewer --runs, or pass --force to write it`,
  );
}

/** Bytes in decimal units to two significant digits: "940 bytes", "12 kB", "1.3 GB". */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "kB", "MB", "GB", "TB", "PB"];
  let unit = 0;
  let value = bytes;
  while (unit < units.length - 1 && Number(value.toPrecision(2)) >= 1000) {
    value /= 1000;
    unit++;
  }
  const shown = value < 10 ? Number(value.toPrecision(2)) : Math.round(Number(value.toPrecision(2)));
  return `${shown} ${units[unit]}`;
}
