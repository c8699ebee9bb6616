import { quantilesBySelection } from "./orderStatistics.js";
import { assembleSummary, summaryProbabilities, type SeriesPrecision, type SeriesSummary } from "./seriesSummary.js";

/**
 * Every run's value of every series, for exact statistics: series s of run
 * `first + k` sits at values[s * count + k]. Runs sit at their index, so
 * which worker or shard produced a value, and in what order, cannot change
 * anything; NaN marks a run not recorded yet.
 *
 * Quantiles are exact (type 7), by selection. Mean and sd are two passes
 * of compensated sums in run order: deterministic, and accurate when the
 * spread is tiny against the mean, since deviations are taken from the mean.
 */
export class StoredSeries {
  readonly values: Float64Array;

  constructor(
    readonly series: number,
    readonly first: number,
    readonly count: number,
    values?: Float64Array,
  ) {
    if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`runs must be a whole number, got ${count}`);
    if (values && values.length !== series * count) throw new Error(`stored series: expected ${series * count} values, found ${values.length}`);
    this.values = values ?? new Float64Array(series * count).fill(NaN);
  }

  /** Records run `runIndex`: one value per series. */
  setRun(runIndex: number, runValues: Float64Array): void {
    const k = runIndex - this.first;
    if (!(k >= 0 && k < this.count)) throw new Error(`run ${runIndex} outside runs ${this.first}..${this.first + this.count - 1}`);
    const { values, count } = this;
    for (let s = 0; s < this.series; s++) {
      const v = runValues[s] as number;
      if (!Number.isFinite(v)) throw new Error(`run ${runIndex}: value ${v} of series ${s} is not a finite number`);
      values[s * count + k] = v;
    }
  }

  /**
   * Records `rows` consecutive runs from `firstRun`, given run-major
   * (run r's series s at chunk[r * series + s]). Writing a series at a time
   * touches each series' memory once per chunk instead of once per run.
   */
  setRuns(firstRun: number, chunk: Float64Array, rows: number): void {
    const k0 = firstRun - this.first;
    if (!(k0 >= 0 && k0 + rows <= this.count)) throw new Error(`runs ${firstRun}..${firstRun + rows - 1} outside runs ${this.first}..${this.first + this.count - 1}`);
    const { values, count, series } = this;
    for (let s = 0; s < series; s++) {
      const base = s * count + k0;
      for (let r = 0; r < rows; r++) {
        const v = chunk[r * series + s] as number;
        if (!Number.isFinite(v)) throw new Error(`run ${firstRun + r}: value ${v} of series ${s} is not a finite number`);
        values[base + r] = v;
      }
    }
  }

  /** Copies another window's runs into their places in this one. */
  place(other: StoredSeries): void {
    if (other.series !== this.series) throw new Error("cannot merge stores of different jobs");
    const offset = other.first - this.first;
    if (offset < 0 || offset + other.count > this.count) throw new Error(`runs ${other.first}..${other.first + other.count - 1} fall outside ${this.first}..${this.first + this.count - 1}`);
    for (let s = 0; s < this.series; s++) {
      const target = this.values.subarray(s * this.count + offset, s * this.count + offset + other.count);
      for (let k = 0; k < target.length; k++) {
        if (!Number.isNaN(target[k] as number)) throw new Error(`run ${other.first + k} recorded twice`);
      }
      target.set(other.values.subarray(s * other.count, (s + 1) * other.count));
    }
  }

  /** Series s over the first `done` runs of the window. */
  row(s: number, done: number = this.count): Float64Array {
    return this.values.subarray(s * this.count, s * this.count + done);
  }

  /** Standard error of the mean over the first `done` runs, while a job runs. */
  seMeanSoFar(s: number, done: number): { mean: number; seMean: number } {
    if (done < 2) return { mean: 0, seMean: Infinity };
    const part = this.row(s, done);
    const mean = compensatedSum(part, 0) / done;
    return { mean, seMean: Math.sqrt(compensatedSquares(part, mean) / (done - 1) / done) };
  }

  /** Throws if a run was never recorded: a missing run is a bug, not a value. */
  summary(s: number, scratch: Float64Array): { summary: SeriesSummary; precision: SeriesPrecision } {
    const row = this.row(s);
    const n = row.length;
    if (n === 0) throw new Error("summary of a series with no runs");
    for (let k = 0; k < n; k++) if (Number.isNaN(row[k] as number)) throw new Error(`run ${this.first + k} has no value`);
    // Many series hold one value in every run (a design not yet shipping): no selection needed, and sd is 0 exactly.
    if (isConstant(row)) {
      const v = row[0] as number;
      return assembleSummary(n, v, 0, () => v);
    }
    const probabilities = summaryProbabilities(n);
    const quantiles = new Float64Array(probabilities.length);
    quantilesBySelection(row, probabilities, quantiles, scratch);
    const quantile = (p: number) => {
      const i = probabilities.indexOf(p);
      if (i < 0) throw new Error(`quantile ${p} was not selected`);
      return quantiles[i] as number;
    };
    const mean = compensatedSum(row, 0) / n;
    const sd = n > 1 ? Math.sqrt(compensatedSquares(row, mean) / (n - 1)) : 0;
    return assembleSummary(n, mean, sd, quantile);
  }
}

function isConstant(row: Float64Array): boolean {
  const first = row[0] as number;
  for (let k = 1; k < row.length; k++) if ((row[k] as number) !== first) return false;
  return true;
}

/** Neumaier-compensated sum of values[i] - shift, in index order. */
function compensatedSum(values: Float64Array, shift: number): number {
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < values.length; i++) {
    const x = (values[i] as number) - shift;
    const t = sum + x;
    carry += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + carry;
}

/** Neumaier-compensated sum of (values[i] - mean)^2, in index order. */
function compensatedSquares(values: Float64Array, mean: number): number {
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] as number) - mean;
    const x = d * d;
    const t = sum + x;
    carry += sum >= x ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + carry;
}
