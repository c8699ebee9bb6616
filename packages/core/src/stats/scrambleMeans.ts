import { ExactSum, type ExactSumJSON } from "./exactSum.js";

/**
 * Scrambles with runs needed before their spread is taken as the standard
 * error: with two or three, one unlucky pair of means could stop a
 * --target-se job at once. Below it the runs' own spread (sd / sqrt n)
 * stands in, which overstates a Sobol job's error: the safe side.
 */
export const MIN_SCRAMBLES_FOR_SE = 4;

/** Scramble sums as they travel between threads and shard files: [scramble * series + s], and the runs of each scramble. */
export interface ScrambleSumsJSON {
  readonly sums: readonly ExactSumJSON[];
  readonly runs: readonly number[];
}

/**
 * Each scramble's mean of every series, for the standard error of a
 * randomised quasi-Monte Carlo job: its runs are `scrambles` independent
 * scrambles of one point set, so the spread of their means, and not the
 * spread of the runs, says how far the job's mean may be from the true one
 * (Owen 1997; L'Ecuyer and Lemieux 2002). A job with Sobol points keeps
 * them; one with random draws does not need them.
 *
 * Runs come in blocks, each block one scramble's (random/sobol/scrambledSobol.ts);
 * a block's values are summed in run order in plain doubles and the sum
 * joins that scramble's exact sum when the block ends, so every
 * block-aligned split of the job gives the same bits (as binnedSeries.ts
 * does for the overall sums).
 *
 * Blocks are 1,024 runs, so a job needs 4,096 runs (four scrambles) before
 * its standard errors come from the scrambles.
 */
export class ScrambleMeans {
  private readonly blockSum: Float64Array;
  private blockRuns = 0;
  /** The scramble of the block being summed (-1 before the first run). */
  private openScramble = -1;
  private readonly sums: ExactSum[];
  private readonly runs: Float64Array;

  constructor(
    readonly series: number,
    readonly scrambles: number,
  ) {
    this.blockSum = new Float64Array(series);
    this.sums = Array.from({ length: scrambles * series }, () => new ExactSum());
    this.runs = new Float64Array(scrambles);
  }

  /** `rows` runs of one block's scramble, run-major (run r's series s at chunk[r * series + s]), in run order. */
  addRuns(chunk: Float64Array, rows: number, scramble: number): void {
    if (this.blockRuns > 0 && scramble !== this.openScramble) throw new Error("scramble sums: a block mixes scrambles (endBlock was not called)");
    this.openScramble = scramble;
    const series = this.series;
    const blockSum = this.blockSum;
    for (let s = 0; s < series; s++) {
      let sum = blockSum[s] as number;
      for (let r = 0; r < rows; r++) sum += chunk[r * series + s] as number;
      blockSum[s] = sum;
    }
    this.blockRuns += rows;
  }

  /** The block's sums join its scramble's exact sums. */
  endBlock(): void {
    if (this.blockRuns === 0) return;
    const base = this.openScramble * this.series;
    for (let s = 0; s < this.series; s++) (this.sums[base + s] as ExactSum).add(this.blockSum[s] as number);
    this.runs[this.openScramble] = (this.runs[this.openScramble] as number) + this.blockRuns;
    this.blockSum.fill(0);
    this.blockRuns = 0;
  }

  /**
   * The standard error of series s's mean over all runs, from the
   * scrambles' means: sqrt(R / (R - 1) x sum over scrambles of
   * (n_r / N)^2 (mean_r - mean)^2), R the scrambles with runs (with equal
   * n_r, the usual sd of R means / sqrt R). Runs of a block still open
   * count. NaN with fewer than MIN_SCRAMBLES_FOR_SE scrambles: the caller
   * falls back.
   */
  seMean(s: number): number {
    const sums = new Float64Array(this.scrambles);
    const runs = new Float64Array(this.scrambles);
    for (let r = 0; r < this.scrambles; r++) {
      sums[r] = this.scrambleSum(r, s);
      runs[r] = this.scrambleRuns(r);
    }
    return seFromScrambles(sums, runs);
  }

  private scrambleSum(r: number, s: number): number {
    const closed = (this.sums[r * this.series + s] as ExactSum).value();
    return r === this.openScramble ? closed + (this.blockSum[s] as number) : closed;
  }

  private scrambleRuns(r: number): number {
    return (this.runs[r] as number) + (r === this.openScramble ? this.blockRuns : 0);
  }

  merge(other: ScrambleMeans): void {
    if (other.blockRuns > 0 || other.sums.length !== this.sums.length) throw new Error("scramble sums: cannot merge an open block or another job's sums");
    for (let k = 0; k < this.sums.length; k++) (this.sums[k] as ExactSum).merge(other.sums[k] as ExactSum);
    for (let r = 0; r < this.scrambles; r++) this.runs[r] = (this.runs[r] as number) + (other.runs[r] as number);
  }

  mergeJSON(json: ScrambleSumsJSON): void {
    if (json.sums.length !== this.sums.length || json.runs.length !== this.scrambles) {
      throw new Error(`scramble sums: expected ${this.sums.length} sums and ${this.scrambles} run counts, found ${json.sums.length} and ${json.runs.length}`);
    }
    json.sums.forEach((sum, k) => (this.sums[k] as ExactSum).merge(ExactSum.fromJSON(sum)));
    json.runs.forEach((runs, r) => (this.runs[r] = (this.runs[r] as number) + runs));
  }

  toJSON(): ScrambleSumsJSON {
    if (this.blockRuns > 0) throw new Error("scramble sums: a block is still open");
    return { sums: this.sums.map((x) => x.toJSON()), runs: Array.from(this.runs) };
  }
}

/**
 * The same standard error from every run's value, stored at its run index
 * (exact statistics): values[k] is run first + k's. Summed in run order,
 * so it does not depend on which thread or shard ran a run. NaN with fewer
 * than MIN_SCRAMBLES_FOR_SE scrambles.
 */
export function scrambleSeMean(values: Float64Array, first: number, scrambles: number, scrambleOf: (run: number) => number): number {
  const sums = new Float64Array(scrambles);
  const runs = new Float64Array(scrambles);
  for (let k = 0; k < values.length; k++) {
    const r = scrambleOf(first + k);
    sums[r] = (sums[r] as number) + (values[k] as number);
    runs[r] = (runs[r] as number) + 1;
  }
  return seFromScrambles(sums, runs);
}

/** sqrt(R / (R - 1) x sum over scrambles of (n_r / N)^2 (mean_r - mean)^2), R the scrambles with runs. */
function seFromScrambles(sums: Float64Array, runs: Float64Array): number {
  let total = 0;
  let n = 0;
  for (let r = 0; r < sums.length; r++) {
    total += sums[r] as number;
    n += runs[r] as number;
  }
  if (n === 0) return NaN;
  const mean = total / n;
  let used = 0;
  let sum = 0;
  for (let r = 0; r < sums.length; r++) {
    const nr = runs[r] as number;
    if (nr === 0) continue;
    used++;
    const d = ((sums[r] as number) / nr - mean) * (nr / n);
    sum += d * d;
  }
  return used < MIN_SCRAMBLES_FOR_SE ? NaN : Math.sqrt((used / (used - 1)) * sum);
}
