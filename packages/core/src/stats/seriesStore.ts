import { LogSketch } from "./logSketch.js";
import { Moments } from "./moments.js";
import { quantileSorted, REPORTED_QUANTILES, type QuantileKey } from "./quantile.js";
import type { StoreMode } from "./storeMode.js";

/** What every output reports for a metric in a year. */
export type SeriesSummary = { mean: number; sd: number } & Record<QuantileKey, number>;

export type QuantileError = { kind: "exact" } | { kind: "relative"; bound: number };

/**
 * How precisely the runs pin the summary down: the standard error of the
 * mean (sd / sqrt n) and of the median (from the distribution-free 95%
 * interval for the median, the order statistics of rank
 * n/2 -+ 1.96 sqrt(n)/2, divided by 2 x 1.96).
 */
export interface SeriesPrecision {
  seMean: number;
  seMedian: number;
}

const Z95 = 1.959963984540054;

/**
 * The values of one series (a metric in one year) across runs. In exact
 * mode each run's value is stored at its run index, so where it came from
 * (which worker, in what order) cannot change the result; quantiles are
 * exact (type 7). In streaming mode values go into exact moments and a
 * relative-error sketch, and memory does not grow with the runs.
 */
export class SeriesStore {
  private readonly values?: Float64Array;
  private readonly moments?: Moments;
  private readonly sketch?: LogSketch;
  /** The summary and sorted values, kept until the store changes. */
  private cached: SeriesSummary | undefined;
  private sorted: Float64Array | undefined;

  constructor(
    readonly mode: StoreMode,
    readonly runs: number,
  ) {
    if (mode === "exact") this.values = new Float64Array(runs).fill(NaN);
    else {
      this.moments = new Moments();
      this.sketch = new LogSketch();
    }
  }

  /** Exact mode: the value of run `runIndex`. */
  set(runIndex: number, value: number): void {
    const values = this.values;
    if (!values) throw new Error("set() is for exact mode; use add()");
    if (!Number.isFinite(value)) throw new Error(`run ${runIndex}: value ${value} is not a finite number`);
    if (!(runIndex >= 0 && runIndex < values.length)) throw new Error(`run index ${runIndex} outside 0..${values.length - 1}`);
    if (!Number.isNaN(values[runIndex] as number)) throw new Error(`run ${runIndex} recorded twice`);
    values[runIndex] = value;
    this.cached = undefined;
    this.sorted = undefined;
  }

  /** Streaming mode: one more run's value. */
  add(value: number): void {
    if (!this.moments || !this.sketch) throw new Error("add() is for streaming mode; use set()");
    this.moments.add(value);
    this.sketch.add(value);
    this.cached = undefined;
  }

  merge(other: SeriesStore): void {
    if (other.mode !== this.mode || other.runs !== this.runs) throw new Error("cannot merge stores of different jobs");
    if (this.values && other.values) {
      for (let i = 0; i < other.values.length; i++) {
        const v = other.values[i] as number;
        if (!Number.isNaN(v)) this.set(i, v);
      }
      return;
    }
    this.moments?.merge(other.moments as Moments);
    this.sketch?.merge(other.sketch as LogSketch);
    this.cached = undefined;
  }

  /** Standard error of the mean over runs 0..count-1 (exact mode) or all added (streaming), while a job runs. */
  seMeanSoFar(count: number): { mean: number; seMean: number } {
    if (!this.values) {
      const m = this.moments as Moments;
      return { mean: m.mean(), seMean: m.count > 1 ? m.sd() / Math.sqrt(m.count) : Infinity };
    }
    if (count < 2) return { mean: 0, seMean: Infinity };
    const part = this.values.subarray(0, count);
    const mean = compensatedSum(part, (x) => x) / count;
    const variance = compensatedSum(part, (x) => (x - mean) * (x - mean)) / (count - 1);
    return { mean, seMean: Math.sqrt(variance / count) };
  }

  /** Keeps only runs 0..count-1 (a job stopped early); exact mode only: streaming stores hold only what was added. */
  truncated(count: number): SeriesStore {
    if (!this.values) return this;
    const copy = new SeriesStore("exact", count);
    (copy.values as Float64Array).set(this.values.subarray(0, count));
    return copy;
  }

  precision(): SeriesPrecision {
    const n = this.values ? this.values.length : (this.moments as Moments).count;
    if (n < 2) return { seMean: 0, seMedian: 0 };
    const sd = this.summary().sd;
    const half = (Z95 * Math.sqrt(n)) / 2;
    let lo: number;
    let hi: number;
    if (this.values) {
      const sorted = this.sortedValues();
      lo = sorted[Math.max(0, Math.floor((n - 1) / 2 - half))] as number;
      hi = sorted[Math.min(n - 1, Math.ceil((n - 1) / 2 + half))] as number;
    } else {
      const sketch = this.sketch as LogSketch;
      const dp = half / n;
      lo = sketch.quantile(Math.max(0, 0.5 - dp));
      hi = sketch.quantile(Math.min(1, 0.5 + dp));
    }
    return { seMean: sd / Math.sqrt(n), seMedian: (hi - lo) / (2 * Z95) };
  }

  quantileError(): QuantileError {
    return this.sketch ? { kind: "relative", bound: this.sketch.relativeAccuracy } : { kind: "exact" };
  }

  summary(): SeriesSummary {
    if (this.cached) return this.cached;
    const summary = this.values ? exactSummary(this.values, this.sortedValues()) : streamingSummary(this.moments as Moments, this.sketch as LogSketch);
    this.cached = summary;
    return summary;
  }

  private sortedValues(): Float64Array {
    const values = this.values as Float64Array;
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i] as number)) throw new Error(`run ${i} has no value`);
    this.sorted ??= Float64Array.from(values).sort();
    return this.sorted;
  }
}

/**
 * Values sit at their run index, so summing in index order is a fixed order
 * whatever worker produced them: a compensated (Neumaier) sum in that order
 * is deterministic and accurate, and much cheaper than exact summation.
 */
function exactSummary(values: Float64Array, sorted: Float64Array): SeriesSummary {
  const n = values.length;
  const mean = compensatedSum(values, (x) => x) / n;
  // Two-pass variance: squared deviations from the mean, in run order.
  const sd = n > 1 && (sorted[0] as number) !== (sorted[n - 1] as number) ? Math.sqrt(compensatedSum(values, (x) => (x - mean) * (x - mean)) / (n - 1)) : 0;
  const out = { mean, sd } as SeriesSummary;
  for (const [key, p] of REPORTED_QUANTILES) out[key] = quantileSorted(sorted, p);
  return out;
}

/** Neumaier-compensated sum of f(values[i]) in index order. */
function compensatedSum(values: Float64Array, f: (x: number) => number): number {
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < values.length; i++) {
    const x = f(values[i] as number);
    const t = sum + x;
    carry += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + carry;
}

function streamingSummary(moments: Moments, sketch: LogSketch): SeriesSummary {
  const out = { mean: moments.mean(), sd: moments.sd() } as SeriesSummary;
  for (const [key, p] of REPORTED_QUANTILES) {
    // The sketch's representative can fall a hair outside the data; the exact extremes bound it.
    out[key] = Math.min(moments.max, Math.max(moments.min, sketch.quantile(p)));
  }
  return out;
}
