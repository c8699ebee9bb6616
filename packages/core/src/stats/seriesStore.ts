import { LogSketch, type LogSketchJSON } from "./logSketch.js";
import { Moments, type MomentsJSON } from "./moments.js";
import { quantileSorted, REPORTED_QUANTILE_KEYS, REPORTED_QUANTILES, type QuantileKey } from "./quantile.js";
import type { StoreMode } from "./storeMode.js";

/** What every output reports for a metric in a year. */
export type SeriesSummary = { mean: number; sd: number } & Record<QuantileKey, number>;

/**
 * How the quantiles of a summary relate to the exact type-7 ones. For a
 * sketch, `accurateAbove` appears once its lowest buckets were folded
 * together: the relative bound then holds only for order statistics of
 * magnitude above it (see LogSketch).
 */
export type QuantileError = { kind: "exact" } | { kind: "relative"; bound: number; accurateAbove?: number };

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

/** A store as partial results travel between workers: unset runs of exact mode are null. */
export type SeriesStoreJSON =
  | { readonly mode: "exact"; readonly runs: number; readonly values: readonly (number | null)[] }
  | { readonly mode: "streaming"; readonly runs: number; readonly moments: MomentsJSON; readonly sketch: LogSketchJSON };

const Z95 = 1.959963984540054;

/**
 * The values of one series (a metric in one year) across runs.
 *
 * Exact mode stores each run's value at its run index (NaN marks a run not
 * yet recorded), so which worker produced it and in what order cannot
 * change anything; quantiles are exact (type 7). Streaming mode feeds
 * exact moments and a relative-error sketch, whose memory does not grow
 * with the runs.
 *
 * Exact mode takes mean and sd by two passes of compensated sums in run
 * order: deterministic (runs sit at their index), accurate when the spread
 * is tiny against the mean (deviations are taken from the mean), and several
 * times cheaper than exact sums over every stored value. Streaming mode has
 * only the exact moments.
 */
export class SeriesStore {
  private readonly values?: Float64Array;
  private readonly moments?: Moments;
  private readonly sketch?: LogSketch;
  /** The summary and its precision, kept until the store changes (the sorted copy behind them is not kept). */
  private cached: SeriesSummary | undefined;
  private cachedPrecision: SeriesPrecision | undefined;

  constructor(
    readonly mode: StoreMode,
    readonly runs: number,
  ) {
    if (!(Number.isInteger(runs) && runs >= 0)) throw new RangeError(`runs must be a whole number, got ${runs}`);
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
    if (!(Number.isInteger(runIndex) && runIndex >= 0 && runIndex < values.length)) throw new Error(`run index ${runIndex} outside 0..${values.length - 1}`);
    if (!Number.isNaN(values[runIndex] as number)) throw new Error(`run ${runIndex} recorded twice`);
    values[runIndex] = value;
    this.cached = undefined;
    this.cachedPrecision = undefined;
  }

  /** Streaming mode: one more run's value. */
  add(value: number): void {
    if (!this.moments || !this.sketch) throw new Error("add() is for streaming mode; use set()");
    this.moments.add(value);
    this.sketch.add(value);
    this.cached = undefined;
    this.cachedPrecision = undefined;
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
    this.cachedPrecision = undefined;
  }

  /** Standard error of the mean over runs 0..count-1 (exact mode) or all added (streaming), while a job runs. */
  seMeanSoFar(count: number): { mean: number; seMean: number } {
    if (!this.values) {
      const m = this.moments as Moments;
      return { mean: m.count > 0 ? m.mean() : 0, seMean: m.count > 1 ? m.sd() / Math.sqrt(m.count) : Infinity };
    }
    if (count < 2) return { mean: 0, seMean: Infinity };
    // Asked again and again while a job runs, so the cheap compensated sums in
    // run order (deterministic: the runs sit at their index), not exact sums.
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
    this.summary();
    return this.cachedPrecision as SeriesPrecision;
  }

  quantileError(): QuantileError {
    if (!this.sketch) return { kind: "exact" };
    const accurateAbove = this.sketch.accurateAbove;
    return accurateAbove > 0 ? { kind: "relative", bound: this.sketch.relativeAccuracy, accurateAbove } : { kind: "relative", bound: this.sketch.relativeAccuracy };
  }

  /** Throws if a run of exact mode was never recorded, or a streaming store holds no values: a missing run is a bug, not a value. */
  summary(): SeriesSummary {
    if (this.cached) return this.cached;
    let mean: number;
    let sd: number;
    let n: number;
    let quantile: (p: number) => number;
    if (this.values) {
      const sorted = this.sortedValues();
      n = sorted.length;
      mean = compensatedSum(this.values, (x) => x) / n;
      const m = mean;
      sd = n > 1 && (sorted[0] as number) !== (sorted[n - 1] as number) ? Math.sqrt(compensatedSum(this.values, (x) => (x - m) * (x - m)) / (n - 1)) : 0;
      quantile = (p) => quantileSorted(sorted, p);
    } else {
      const moments = this.moments as Moments;
      const sketch = this.sketch as LogSketch;
      if (sketch.count === 0) throw new Error("summary of a streaming store with no values");
      n = moments.count;
      mean = moments.mean();
      sd = moments.sd();
      quantile = (p) => sketch.quantile(p);
    }
    const summary = { mean, sd } as SeriesSummary;
    REPORTED_QUANTILES.forEach((p, k) => (summary[REPORTED_QUANTILE_KEYS[k] as QuantileKey] = quantile(p)));
    this.cached = summary;
    this.cachedPrecision = precisionOf(n, sd, quantile);
    return summary;
  }

  toJSON(): SeriesStoreJSON {
    if (this.values) return { mode: "exact", runs: this.runs, values: Array.from(this.values, (v) => (Number.isNaN(v) ? null : v)) };
    return { mode: "streaming", runs: this.runs, moments: (this.moments as Moments).toJSON(), sketch: (this.sketch as LogSketch).toJSON() };
  }

  static fromJSON(json: SeriesStoreJSON): SeriesStore {
    if (!json || (json.mode !== "exact" && json.mode !== "streaming")) throw new Error("series store: expected mode exact or streaming");
    const store = new SeriesStore(json.mode, json.runs);
    if (json.mode === "exact") {
      if (!Array.isArray(json.values) || json.values.length !== json.runs) throw new Error(`series store: expected ${json.runs} values`);
      json.values.forEach((v, i) => {
        if (v !== null) store.set(i, v);
      });
      return store;
    }
    const moments = Moments.fromJSON(json.moments);
    const sketch = LogSketch.fromJSON(json.sketch);
    if (moments.count !== sketch.count) throw new Error(`series store: moments count ${moments.count} and sketch count ${sketch.count} differ`);
    (store.moments as Moments).merge(moments);
    // A sketch of another accuracy or cap cannot merge into the default one; say so rather than mix them.
    (store.sketch as LogSketch).merge(sketch);
    return store;
  }

  private sortedValues(): Float64Array {
    const values = this.values as Float64Array;
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i] as number)) throw new Error(`run ${i} has no value`);
    // The typed-array sort is numeric (and puts -0 before 0), so the order is the same whatever order the runs were recorded in.
    return Float64Array.from(values).sort();
  }
}

/**
 * Standard errors from the summary's ingredients: sd / sqrt(n) for the mean;
 * for the median, the distribution-free 95% interval, the quantiles at
 * 1/2 -+ 1.96 / (2 sqrt n) (order statistics n/2 -+ 1.96 sqrt(n)/2), over 2 x 1.96.
 */
function precisionOf(n: number, sd: number, quantile: (p: number) => number): SeriesPrecision {
  if (n < 2) return { seMean: 0, seMedian: 0 };
  const dp = Z95 / (2 * Math.sqrt(n));
  return { seMean: sd / Math.sqrt(n), seMedian: (quantile(Math.min(1, 0.5 + dp)) - quantile(Math.max(0, 0.5 - dp))) / (2 * Z95) };
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
