import { ExactSum, type ExactSumJSON } from "./exactSum.js";
import { type7Position } from "./quantile.js";
import { assembleSummary, summaryProbabilities, type SeriesPrecision, type SeriesSummary } from "./seriesSummary.js";
import { acquire, emptyBins, release, type SharedHistogram } from "./sharedHistogram.js";

/** Bins between each series' pilot minimum and maximum; two more slots take values below and above. */
export const HISTOGRAM_BINS = 1024;

/**
 * Runs whose deviations are summed in plain doubles before joining the exact
 * sums. Workers and shards split a job at multiples of it, so every block is
 * summed the same way whoever runs it.
 */
export const BLOCK_RUNS = 1024;

/** Whether run `run` closes a block: the last of its BLOCK_RUNS, or the last run of what is being run (`end` exclusive). */
export function closesBlock(run: number, end: number): boolean {
  return (run + 1) % BLOCK_RUNS === 0 || run + 1 === end;
}

/**
 * Where each series' bins lie, fixed before the job from a deterministic
 * pilot (the first runs of the same seed), so that every worker and shard
 * bins alike: bin b of series s covers lo[s] + [b, b+1) (hi[s] - lo[s]) / bins.
 * `shift` (the pilot's mid-range) is subtracted before summing, which keeps
 * the sum of squares accurate when the spread is small against the values.
 */
export interface BinLayout {
  readonly bins: number;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly shift: Float64Array;
}

/** Lays out bins from pilot values (pilot[s * pilotRuns + k]). */
export function binLayoutFromPilot(series: number, pilotRuns: number, pilot: Float64Array, bins: number = HISTOGRAM_BINS): BinLayout {
  const min = new Float64Array(series).fill(Infinity);
  const max = new Float64Array(series).fill(-Infinity);
  for (let s = 0; s < series; s++) {
    for (let k = 0; k < pilotRuns; k++) {
      const v = pilot[s * pilotRuns + k] as number;
      if (v < (min[s] as number)) min[s] = v;
      if (v > (max[s] as number)) max[s] = v;
    }
  }
  return binLayoutFromRanges(min, max, bins);
}

/** Lays out bins over [min[s], max[s]] of each series (a series with no values gets [0, 0]). */
export function binLayoutFromRanges(min: Float64Array, max: Float64Array, bins: number = HISTOGRAM_BINS): BinLayout {
  const lo = new Float64Array(min.length);
  const hi = new Float64Array(min.length);
  const shift = new Float64Array(min.length);
  for (let s = 0; s < min.length; s++) {
    const a = min[s] as number;
    const b = max[s] as number;
    const [low, high] = a <= b ? [a, b] : [0, 0];
    lo[s] = low;
    hi[s] = high;
    shift[s] = low + (high - low) / 2;
  }
  return { bins, lo, hi, shift };
}

/**
 * A pilot's layout: every series in one bin at 0 and the two out-of-range
 * slots, so its histogram keeps each series' least and greatest value (see
 * BinnedSeries.ranges) in a few numbers a series instead of every value.
 */
export function rangeLayout(series: number): BinLayout {
  return { bins: 1, lo: new Float64Array(series), hi: new Float64Array(series), shift: new Float64Array(series) };
}

/**
 * Where each series' slots begin in a histogram of this layout (the last
 * entry is the total). A series whose pilot values were all equal has no
 * width to divide, so every value the pilot saw lands in one bin: it gets
 * that bin and the two out-of-range slots, not `bins` of them (a fifth of
 * the baseline's series are so, most of them zero in every run).
 */
export function slotStarts(layout: BinLayout): Int32Array {
  const series = layout.lo.length;
  const start = new Int32Array(series + 1);
  for (let s = 0; s < series; s++) start[s + 1] = (start[s] as number) + ((layout.hi[s] as number) > (layout.lo[s] as number) ? layout.bins : 1) + 2;
  return start;
}

/** Numbers in a histogram of this layout (three per slot). */
export function histogramLength(layout: BinLayout): number {
  return (slotStarts(layout)[layout.lo.length] as number) * 3;
}

/** Exact sums as they travel: per series, the components of the sum and of the sum of squares. */
export interface BinnedSums {
  readonly sums: readonly ExactSumJSON[];
  readonly squares: readonly ExactSumJSON[];
}

/**
 * Streaming statistics for many series at once, in memory that does not
 * grow with the runs: per series a fixed-bin histogram whose bins also keep
 * the least and greatest value that fell in them, and exact sums of the
 * deviations from the pilot's mid-range.
 *
 * Everything merges exactly: counts are integers, minima and maxima do not
 * depend on order, and each block of BLOCK_RUNS runs is summed in run
 * order before joining order-free exact sums. So any split of the runs into
 * block-aligned slices gives the same bits.
 *
 * A quantile is read by rank: the order statistic of rank r lies in a known
 * bin, between that bin's least and greatest value, and is estimated by
 * spreading the bin's values evenly between them (exact when the bin holds
 * one value, or one value repeated). The bin's edges bound the error, and
 * the summary reports the bound.
 */
export class BinnedSeries {
  /**
   * Per series and slot, three numbers side by side: count, least value,
   * greatest value (slot k of series s at (start[s] + k) * 3). Side by side
   * because a value updates all three: one cache line instead of three.
   */
  readonly bins: Float64Array;
  /** Where each series' slots begin; series s has slots start[s] .. start[s + 1] - 1. */
  private readonly start: Int32Array;
  private readonly blockSum: Float64Array;
  private readonly blockSquares: Float64Array;
  private readonly sums: ExactSum[];
  private readonly squares: ExactSum[];
  private readonly inverseWidth: Float64Array;
  /** Held while filling bins that other threads fill too (absent: the bins are this object's own). */
  private readonly lock: Int32Array | undefined;
  /** Runs this object added or merged (with a shared histogram, the bins may hold other threads' runs too). */
  runs = 0;

  /**
   * With `shared`, the bins are a histogram every thread of the job fills
   * (sharedHistogram.ts); they are already empty, or already hold other
   * threads' runs, so they are left as they are.
   */
  constructor(
    readonly series: number,
    readonly layout: BinLayout,
    shared?: SharedHistogram,
  ) {
    this.start = slotStarts(layout);
    const length = (this.start[series] as number) * 3;
    if (shared) {
      if (shared.bins.length !== length) throw new Error(`shared histogram: expected ${length} numbers, found ${shared.bins.length}`);
      this.bins = shared.bins;
      this.lock = shared.lock;
    } else {
      this.bins = new Float64Array(length);
      emptyBins(this.bins);
    }
    this.blockSum = new Float64Array(series);
    this.blockSquares = new Float64Array(series);
    this.sums = Array.from({ length: series }, () => new ExactSum());
    this.squares = Array.from({ length: series }, () => new ExactSum());
    this.inverseWidth = layout.lo.map((l, s) => ((layout.hi[s] as number) > l ? layout.bins / ((layout.hi[s] as number) - l) : 0));
  }

  /** One run's values, one per series. Call endBlock() after the last run of each block. */
  add(runValues: Float64Array): void {
    this.addRuns(runValues, 1);
  }

  /**
   * `rows` runs at once, run-major (run r's series s at chunk[r * series + s]),
   * in run order. Taking a series at a time keeps its bins in cache: run by
   * run, each value lands in another series' bins, far from the last.
   */
  addRuns(chunk: Float64Array, rows: number): void {
    const lock = this.lock;
    if (!lock) return this.binRuns(chunk, rows);
    acquire(lock);
    try {
      this.binRuns(chunk, rows);
    } finally {
      release(lock);
    }
  }

  private binRuns(chunk: Float64Array, rows: number): void {
    const { lo, hi, shift } = this.layout;
    const { start, inverseWidth, bins: data, blockSum, blockSquares } = this;
    const series = this.series;
    for (let s = 0; s < series; s++) {
      const low = lo[s] as number;
      const high = hi[s] as number;
      const centre = shift[s] as number;
      const inverse = inverseWidth[s] as number;
      const base = start[s] as number;
      const bins = (start[s + 1] as number) - base - 2;
      let sum = blockSum[s] as number;
      let squares = blockSquares[s] as number;
      for (let r = 0; r < rows; r++) {
        const v = chunk[r * series + s] as number;
        const d = v - centre;
        sum += d;
        squares += d * d;
        // Slot 0 takes values below the pilot's range and slot bins + 1 those above; the top edge
        // belongs to the last bin. Rounding may move a value across an edge, but never out of order:
        // (v - low) * inverse cannot decrease as v grows, which is all the quantiles rely on.
        let slot: number;
        if (v < low) slot = 0;
        else if (v > high) slot = bins + 1;
        else {
          const x = ((v - low) * inverse) | 0;
          slot = x < bins ? x + 1 : bins;
        }
        const k = (base + slot) * 3;
        data[k] = (data[k] as number) + 1;
        if (v < (data[k + 1] as number)) data[k + 1] = v;
        if (v > (data[k + 2] as number)) data[k + 2] = v;
      }
      blockSum[s] = sum;
      blockSquares[s] = squares;
    }
    this.runs += rows;
  }

  /** Moves the block's plain sums into the exact sums. */
  endBlock(): void {
    for (let s = 0; s < this.series; s++) {
      const a = this.blockSum[s] as number;
      const b = this.blockSquares[s] as number;
      if (!(Number.isFinite(a) && Number.isFinite(b))) throw new Error(`series ${s}: sums overflowed`);
      (this.sums[s] as ExactSum).add(a);
      (this.squares[s] as ExactSum).add(b);
    }
    this.blockSum.fill(0);
    this.blockSquares.fill(0);
  }

  merge(other: BinnedSeries): void {
    if (other.series !== this.series || other.bins.length !== this.bins.length) throw new Error("cannot merge statistics of different jobs");
    // Two views of one shared histogram: the other's runs are in these bins already.
    if (other.bins.buffer !== this.bins.buffer) this.mergeBins(other.bins);
    for (let s = 0; s < this.series; s++) {
      (this.sums[s] as ExactSum).merge(other.sums[s] as ExactSum);
      (this.squares[s] as ExactSum).merge(other.squares[s] as ExactSum);
    }
    this.runs += other.runs;
  }

  /**
   * Adds another slice's statistics as they travelled (a worker's message,
   * a shard file) straight from its arrays: no second histogram is built,
   * which for the baseline's 3,240 series is 80 MB. Without `bins`, the
   * slice filled this object's shared histogram itself: only its sums travel.
   */
  mergeTravelled(runs: number, bins: Float64Array | undefined, sums: BinnedSums): void {
    if (bins === undefined && !this.lock) throw new Error("binned statistics: expected the bins of a slice that did not share this histogram");
    if (bins !== undefined && bins.length !== this.bins.length) throw new Error(`binned statistics: expected ${this.bins.length} numbers, found ${bins.length}`);
    if (sums.sums.length !== this.series || sums.squares.length !== this.series) throw new Error(`binned statistics: expected sums for ${this.series} series`);
    if (bins !== undefined) this.mergeBins(bins);
    sums.sums.forEach((json, s) => (this.sums[s] as ExactSum).merge(ExactSum.fromJSON(json)));
    sums.squares.forEach((json, s) => (this.squares[s] as ExactSum).merge(ExactSum.fromJSON(json)));
    this.runs += runs;
  }

  private mergeBins(b: Float64Array): void {
    if (this.lock) acquire(this.lock);
    try {
      this.mergeBinsInto(b);
    } finally {
      if (this.lock) release(this.lock);
    }
  }

  private mergeBinsInto(b: Float64Array): void {
    const a = this.bins;
    for (let k = 0; k < a.length; k += 3) {
      a[k] = (a[k] as number) + (b[k] as number);
      if ((b[k + 1] as number) < (a[k + 1] as number)) a[k + 1] = b[k + 1] as number;
      if ((b[k + 2] as number) > (a[k + 2] as number)) a[k + 2] = b[k + 2] as number;
    }
  }

  exactSums(): BinnedSums {
    return { sums: this.sums.map((x) => x.toJSON()), squares: this.squares.map((x) => x.toJSON()) };
  }

  /** Each series' least and greatest value over the runs binned (Infinity and -Infinity with none). */
  ranges(): { min: Float64Array; max: Float64Array } {
    const min = new Float64Array(this.series).fill(Infinity);
    const max = new Float64Array(this.series).fill(-Infinity);
    const { bins, start } = this;
    for (let s = 0; s < this.series; s++) {
      for (let slot = start[s] as number; slot < (start[s + 1] as number); slot++) {
        if ((bins[slot * 3 + 1] as number) < (min[s] as number)) min[s] = bins[slot * 3 + 1] as number;
        if ((bins[slot * 3 + 2] as number) > (max[s] as number)) max[s] = bins[slot * 3 + 2] as number;
      }
    }
    return { min, max };
  }

  /** Mean and its standard error over all runs so far. */
  seMeanSoFar(s: number): { mean: number; seMean: number } {
    const n = this.runs;
    if (n < 2) return { mean: 0, seMean: Infinity };
    const { mean, sd } = this.moments(s, n);
    return { mean, seMean: sd / Math.sqrt(n) };
  }

  summary(s: number): { summary: SeriesSummary; precision: SeriesPrecision } {
    const n = this.runs;
    if (n === 0) throw new Error("summary of a series with no runs");
    const { mean, sd } = this.moments(s, n);
    const probabilities = summaryProbabilities(n);
    const estimates = new Map<number, { value: number; low: number; high: number }>();
    for (const p of probabilities) estimates.set(p, this.quantileWithBounds(s, n, p));
    const quantile = (p: number) => (estimates.get(p) ?? this.quantileWithBounds(s, n, p)).value;
    const result = assembleSummary(n, mean, sd, quantile);
    let bound = 0;
    for (const [, e] of estimates) bound = Math.max(bound, e.value - e.low, e.high - e.value);
    result.precision.quantileError = bound;
    return result;
  }

  private moments(s: number, n: number): { mean: number; sd: number } {
    // A block still open (a job asked how precise it is so far) counts too; once closed it adds 0.
    const s1 = (this.sums[s] as ExactSum).value() + (this.blockSum[s] as number);
    const s2 = (this.squares[s] as ExactSum).value() + (this.blockSquares[s] as number);
    const mean = (this.layout.shift[s] as number) + s1 / n;
    const variance = n > 1 ? Math.max(0, (s2 - (s1 * s1) / n) / (n - 1)) : 0;
    return { mean, sd: Math.sqrt(variance) };
  }

  /** The type-7 quantile estimated from the bins, with bounds on the exact one. */
  private quantileWithBounds(s: number, n: number, p: number): { value: number; low: number; high: number } {
    const { index, fraction } = type7Position(n, p);
    const a = this.orderStatistic(s, index);
    if (fraction === 0) return a;
    const b = this.orderStatistic(s, index + 1);
    return {
      value: a.value + fraction * (b.value - a.value),
      low: a.low + fraction * (b.low - a.low),
      high: a.high + fraction * (b.high - a.high),
    };
  }

  private orderStatistic(s: number, rank: number): { value: number; low: number; high: number } {
    let below = 0;
    for (let slot = this.start[s] as number; slot < (this.start[s + 1] as number); slot++) {
      const c = this.bins[slot * 3] as number;
      if (rank < below + c) {
        const low = this.bins[slot * 3 + 1] as number;
        const high = this.bins[slot * 3 + 2] as number;
        const value = c === 1 ? low : low + ((high - low) * (rank - below)) / (c - 1);
        return { value, low, high };
      }
      below += c;
    }
    throw new Error(`rank ${rank} beyond the ${below} runs binned`);
  }
}
