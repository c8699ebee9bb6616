import { CONSTRAINTS } from "../model/constraints.js";
import type { RunRecorder } from "../metrics/runRecorder.js";
import { BinnedSeries, type BinnedSums } from "../stats/binnedSeries.js";
import type { SeriesPrecision, SeriesSummary } from "../stats/seriesSummary.js";
import { SUMMARY_ROW, summaryFromRow } from "../stats/summaryRows.js";
import { StoredSeries } from "../stats/storedSeries.js";
import type { SharedResults } from "./sharedResults.js";
import { ScrambleMeans, scrambleSeMean, type ScrambleSumsJSON } from "../stats/scrambleMeans.js";
import { SCRAMBLES, scrambleOf } from "../random/sobol/scrambledSobol.js";
import type { JobPlan } from "./jobPlan.js";

/**
 * A slice of a job's results as it travels between processes: plain
 * numbers in `header` and typed arrays (transferable, and written raw to
 * shard files) in `arrays`.
 */
export interface AggregatePartial {
  readonly header: {
    readonly mode: JobPlan["mode"];
    readonly runs: number;
    readonly first: number;
    readonly count: number;
    readonly done: number;
    readonly series: number;
    readonly years: number;
    readonly designs: number;
    readonly ranges: readonly (readonly [number, number])[];
    readonly sums?: BinnedSums;
    /** Quarters whose invariants were checked (absent in files written before the count existed). */
    readonly quartersChecked?: number;
    /** Streaming statistics of a Sobol job: each scramble's sums, for the standard errors. */
    readonly scrambleSums?: ScrambleSumsJSON;
  };
  readonly arrays: Readonly<Record<string, Float64Array>>;
}

/**
 * Everything kept from the runs [first, first + count) of a job: the
 * metric values (every value, or streaming statistics, as the plan says),
 * binding-constraint counts, and the year each milestone was first reached.
 * Counts are integers and the statistics merge exactly, so aggregates
 * merged from any block-aligned split of the runs are identical.
 */
export class MonteCarloAggregate {
  readonly stored?: StoredSeries;
  readonly binned?: BinnedSeries;
  /**
   * Streaming statistics of a Sobol job: each scramble's sums. (With exact
   * statistics the scrambles' means come from the stored values.)
   */
  readonly scrambles?: ScrambleMeans;
  /** Quarters each constraint bound, summed over runs: [(design * years + year) * constraints + c]. */
  readonly binding: Float64Array;
  /** Runs that first reached each milestone in year index y (the last slot: never within the horizon). */
  readonly euvReadyFirstYear: Float64Array;
  readonly supplyMetDemandFirstYear: Float64Array;
  runs = 0;
  /** Quarters of these runs whose invariants were checked and held (0 unless the job checks them). */
  quartersChecked = 0;
  private scratch: Float64Array | undefined;
  /** Every series' summary, when threads computed them (adoptSummaries). */
  private summaryRows: Float64Array | undefined;
  /** Runs not yet handed to the statistics, run-major: see flush(). */
  private readonly chunk: Float64Array;
  private chunkFirst = 0;
  private chunkRows = 0;

  /** The runs added, as [first, count] ranges: what this aggregate covers (checked when slices are combined). */
  readonly ranges: [number, number][] = [];

  /** With `shared`, this slice's runs go into buffers other threads of the job fill too. */
  constructor(
    readonly plan: JobPlan,
    readonly first: number,
    readonly count: number,
    readonly years: number,
    readonly designs: number,
    shared?: SharedResults,
  ) {
    if (plan.series % years !== 0) throw new Error(`${plan.series} series do not split into ${years} years`);
    if (plan.mode === "exact") this.stored = new StoredSeries(plan.series, first, count, shared?.values);
    else {
      this.binned = new BinnedSeries(plan.series, plan.layout as NonNullable<JobPlan["layout"]>, shared?.histogram);
      if (plan.sampler !== undefined) this.scrambles = new ScrambleMeans(plan.series, SCRAMBLES);
    }
    this.chunk = new Float64Array(CHUNK_RUNS * plan.series);
    this.binding = new Float64Array(designs * years * CONSTRAINTS.length);
    this.euvReadyFirstYear = new Float64Array(years + 1);
    this.supplyMetDemandFirstYear = new Float64Array(years + 1);
  }

  /** Streaming sums close at the end of each block, so results must not be read with runs still buffered. */
  private requireFlushed(): void {
    if (this.chunkRows > 0) throw new Error("results read before the last runs were flushed (call endBlock after the last run)");
  }

  addRun(runIndex: number, recorder: RunRecorder, euvReadyYear: number, supplyMetYear: number): void {
    if (this.chunkRows > 0 && runIndex !== this.chunkFirst + this.chunkRows) this.flush();
    if (this.chunkRows === 0) this.chunkFirst = runIndex;
    this.chunk.set(recorder.values, this.chunkRows * this.plan.series);
    this.chunkRows += 1;
    if (this.chunkRows === CHUNK_RUNS) this.flush();
    const binding = this.binding;
    const recorded = recorder.binding;
    for (let k = 0; k < binding.length; k++) binding[k] = (binding[k] as number) + (recorded[k] as number);
    this.euvReadyFirstYear[clampYear(euvReadyYear, this.years)]! += 1;
    this.supplyMetDemandFirstYear[clampYear(supplyMetYear, this.years)]! += 1;
    this.runs += 1;
    const last = this.ranges[this.ranges.length - 1];
    if (last && last[0] + last[1] === runIndex) last[1] += 1;
    else this.ranges.push([runIndex, 1]);
  }

  /**
   * Hands the buffered runs to the statistics. Runs are buffered because
   * each run has a value for every series (about a thousand), and storing
   * them one run at a time touches a thousand places far apart in memory:
   * on a machine whose cores share a cache, two workers doing that slow
   * each other down to the speed of one.
   */
  flush(): void {
    if (this.chunkRows === 0) return;
    if (this.stored) this.stored.setRuns(this.chunkFirst, this.chunk, this.chunkRows);
    else {
      (this.binned as BinnedSeries).addRuns(this.chunk, this.chunkRows);
      // A chunk never spans two blocks: blocks end with endBlock, which flushes.
      this.scrambles?.addRuns(this.chunk, this.chunkRows, scrambleOf(this.chunkFirst));
    }
    this.chunkRows = 0;
  }

  /** The block of runs just finished joins the exact sums (streaming statistics); buffered runs are flushed. */
  endBlock(): void {
    this.flush();
    this.binned?.endBlock();
    this.scrambles?.endBlock();
  }

  /**
   * Summaries of every series computed elsewhere (by several threads, with
   * summarizeStoredSeries), read by seriesSummary instead of computing them
   * here. Exact statistics only.
   */
  adoptSummaries(rows: Float64Array): void {
    if (!this.stored) throw new Error("summary rows hold exact summaries only");
    if (rows.length !== this.plan.series * SUMMARY_ROW) throw new Error(`summary rows: expected ${this.plan.series * SUMMARY_ROW} numbers, found ${rows.length}`);
    this.summaryRows = rows;
  }

  /** Summary and precision of series s (metric * years + year). */
  seriesSummary(s: number): { summary: SeriesSummary; precision: SeriesPrecision } {
    this.requireFlushed();
    const result = this.independentSummary(s);
    const se = this.scrambleSeMean(s, this.stored?.count ?? 0);
    if (!Number.isNaN(se)) result.precision.seMean = se;
    return result;
  }

  /** The summary, with the standard error of the mean as independent runs would give it. */
  private independentSummary(s: number): { summary: SeriesSummary; precision: SeriesPrecision } {
    if (this.binned) return this.binned.summary(s);
    if (this.summaryRows) return summaryFromRow(this.summaryRows, s);
    const stored = this.stored as StoredSeries;
    this.scratch ??= new Float64Array(stored.count);
    return stored.summary(s, this.scratch);
  }

  /**
   * A Sobol or Latin hypercube job's standard error of the mean, from the
   * spread of its 8 groups' means (scrambles, or independent blocks) over the first `done` stored runs (exact statistics)
   * or all runs so far (streaming); NaN for random draws, or with fewer
   * than two scrambles, where the runs' own spread gives it.
   */
  private scrambleSeMean(s: number, done: number): number {
    if (this.plan.sampler === undefined) return NaN;
    if (this.scrambles) return this.scrambles.seMean(s);
    const stored = this.stored as StoredSeries;
    return scrambleSeMean(stored.row(s, done), stored.first, SCRAMBLES, scrambleOf);
  }

  /** Mean and its standard error over the runs done so far, while a job runs. */
  seMeanSoFar(s: number, done: number): { mean: number; seMean: number } {
    this.flush();
    const soFar = this.binned ? this.binned.seMeanSoFar(s) : (this.stored as StoredSeries).seMeanSoFar(s, done);
    const se = this.scrambleSeMean(s, done);
    return Number.isNaN(se) ? soFar : { mean: soFar.mean, seMean: se };
  }

  /** The first `done` runs only, for a job that stopped early (runs first..first+done-1). */
  truncated(done: number): MonteCarloAggregate {
    this.requireFlushed();
    if (done === this.count) return this;
    const copy = new MonteCarloAggregate({ ...this.plan, runs: this.first + done }, this.first, done, this.years, this.designs);
    if (this.stored) {
      for (let s = 0; s < this.plan.series; s++) (copy.stored as StoredSeries).row(s).set(this.stored.row(s, done));
    } else {
      (copy.binned as BinnedSeries).merge(this.binned as BinnedSeries);
      if (this.scrambles) copy.scrambles?.merge(this.scrambles);
    }
    copy.binding.set(this.binding);
    copy.euvReadyFirstYear.set(this.euvReadyFirstYear);
    copy.supplyMetDemandFirstYear.set(this.supplyMetDemandFirstYear);
    copy.runs = this.runs;
    copy.quartersChecked = this.quartersChecked;
    copy.ranges.push(...this.ranges.map(([f, c]) => [f, c] as [number, number]));
    return copy;
  }

  /** Adds another slice of the same job: stored values go to their run index, the rest adds up. */
  merge(other: MonteCarloAggregate): void {
    this.requireFlushed();
    other.requireFlushed();
    if (other.plan.mode !== this.plan.mode || other.plan.series !== this.plan.series || other.binding.length !== this.binding.length) {
      throw new Error("cannot merge results of different jobs");
    }
    const stored = other.stored as StoredSeries;
    // Threads that wrote into one shared buffer have nothing to copy.
    if (this.stored && this.stored.values.buffer !== stored.values.buffer) this.stored.place(stored);
    if (this.binned) this.binned.merge(other.binned as BinnedSeries);
    if (this.scrambles) {
      if (!other.scrambles) throw new Error("cannot merge results of different jobs");
      this.scrambles.merge(other.scrambles);
    }
    this.addCounts(other.binding, other.euvReadyFirstYear, other.supplyMetDemandFirstYear, other.runs, other.quartersChecked, other.ranges);
  }

  /** What merges by adding: constraint and milestone counts, runs, quarters checked, and the ranges covered. */
  private addCounts(
    binding: Float64Array,
    euvReady: Float64Array,
    supplyMet: Float64Array,
    runs: number,
    quartersChecked: number,
    ranges: readonly (readonly [number, number])[],
  ): void {
    addInto(this.binding, binding);
    addInto(this.euvReadyFirstYear, euvReady);
    addInto(this.supplyMetDemandFirstYear, supplyMet);
    this.runs += runs;
    this.quartersChecked += quartersChecked;
    this.ranges.push(...ranges.map(([f, c]) => [f, c] as [number, number]));
  }

  /** Throws unless the runs added cover [first, first + count) exactly once. */
  requireCovers(first: number, count: number): void {
    const ordered = [...this.ranges].sort((a, b) => a[0] - b[0]);
    let next = first;
    for (const [f, c] of ordered) {
      if (f !== next) throw new Error(f > next ? `runs ${next}..${f - 1} are missing` : `runs ${f}..${Math.min(next, f + c) - 1} appear twice`);
      next = f + c;
    }
    if (next !== first + count) throw new Error(`runs ${next}..${first + count - 1} are missing`);
  }

  /**
   * Runs [first, first + count) of a job (by default all of them) from
   * slices that cover them exactly once, in any order: the result is the
   * same bits as one process running every run.
   */
  static combine(plan: JobPlan, slices: readonly MonteCarloAggregate[], first = 0, count = plan.runs): MonteCarloAggregate {
    if (slices.length === 0) throw new Error("no partial results to merge");
    const sample = slices[0] as MonteCarloAggregate;
    const whole = new MonteCarloAggregate(plan, first, count, sample.years, sample.designs);
    for (const slice of [...slices].sort((a, b) => (a.ranges[0]?.[0] ?? 0) - (b.ranges[0]?.[0] ?? 0))) whole.merge(slice);
    whole.requireCovers(first, count);
    return whole;
  }

  /** With `shared`, exact values or the histogram's bins stay out: they are already in the buffers the receiver shares. */
  toPartial(shared = false): AggregatePartial {
    this.requireFlushed();
    const arrays: Record<string, Float64Array> = {
      binding: this.binding,
      euvReadyFirstYear: this.euvReadyFirstYear,
      supplyMetDemandFirstYear: this.supplyMetDemandFirstYear,
    };
    if (this.stored && !shared) arrays["values"] = this.stored.values;
    const binned = this.binned;
    if (binned && !shared) arrays["bins"] = binned.bins;
    return {
      header: {
        mode: this.plan.mode,
        runs: this.plan.runs,
        first: this.first,
        count: this.count,
        done: this.runs,
        series: this.plan.series,
        years: this.years,
        designs: this.designs,
        ranges: this.ranges.map(([f, c]) => [f, c] as const),
        quartersChecked: this.quartersChecked,
        ...(binned ? { sums: binned.exactSums() } : {}),
        ...(this.scrambles ? { scrambleSums: this.scrambles.toJSON() } : {}),
      },
      arrays,
    };
  }

  /** Rebuilds a slice from a partial result of the same plan; throws, naming what differs, if it belongs to another job. */
  static fromPartial(plan: JobPlan, partial: AggregatePartial): MonteCarloAggregate {
    const h = partial.header;
    const aggregate = new MonteCarloAggregate(plan, h.first, h.count, h.years, h.designs);
    aggregate.mergePartial(partial);
    return aggregate;
  }

  /**
   * Adds a slice of the same job as it travelled (a worker's message, a
   * shard file), straight from its arrays: merging through fromPartial
   * would hold a third copy of the statistics for a moment. With
   * `shared`, the slice's exact values or bins are already in this
   * aggregate's shared buffers (SharedResults). Throws, naming what
   * differs, if the slice belongs to another job.
   */
  mergePartial(partial: AggregatePartial, shared = false): void {
    this.requireFlushed();
    const h = partial.header;
    const plan = this.plan;
    const expect = (what: string, found: unknown, wanted: unknown) => {
      if (found !== wanted) throw new Error(`partial result: expected ${what} ${String(wanted)}, found ${String(found)}`);
    };
    expect("statistics", h.mode, plan.mode);
    expect("runs", h.runs, plan.runs);
    expect("series", h.series, plan.series);
    expect("years", h.years, this.years);
    expect("designs", h.designs, this.designs);
    const array = (name: string, length: number): Float64Array => {
      const a = partial.arrays[name];
      if (!a || a.length !== length) throw new Error(`partial result: expected ${length} numbers in "${name}", found ${a ? a.length : "none"}`);
      return a;
    };
    if (!Array.isArray(h.ranges) || h.ranges.reduce((n, r) => n + (r[1] ?? 0), 0) !== h.done) {
      throw new Error(`partial result: expected run ranges adding up to ${h.done} runs`);
    }
    const binding = array("binding", this.binding.length);
    const euvReady = array("euvReadyFirstYear", h.years + 1);
    const supplyMet = array("supplyMetDemandFirstYear", h.years + 1);
    // Statistics first: they throw on a mismatch before any count is added.
    if (this.stored) {
      if (!shared) this.stored.place(new StoredSeries(plan.series, h.first, h.count, array("values", plan.series * h.count)));
    } else {
      if (!h.sums) throw new Error('partial result: expected "sums" for streaming statistics');
      if (this.scrambles && !h.scrambleSums) throw new Error('partial result: expected "scrambleSums" for the statistics of Sobol points');
      const binned = this.binned as BinnedSeries;
      binned.mergeTravelled(h.done, shared ? undefined : array("bins", binned.bins.length), h.sums);
      if (this.scrambles) this.scrambles.mergeJSON(h.scrambleSums as ScrambleSumsJSON);
    }
    this.addCounts(binding, euvReady, supplyMet, h.done, h.quartersChecked ?? 0, h.ranges);
  }
}

/**
 * Runs buffered before they go to the statistics: a divisor of BLOCK_RUNS,
 * so blocks end on a chunk's end. Streaming statistics visit each series
 * once a chunk, and its histogram (24.6 KB) has left the cache since the
 * last visit, so each value costs a cache miss until the chunk holds
 * several values per cache line of bins: 512 runs binned 5-7% faster than
 * 64 on two threads. With the baseline's 3,240 series a chunk of 512 runs is
 * 13 MB per thread, which put a streamed job on two threads over 200 MiB;
 * 256 (6.6 MB) ran 2-4% slower than 512 and kept it near 190 MiB.
 */
const CHUNK_RUNS = 256;

function addInto(target: Float64Array, source: Float64Array): void {
  for (let k = 0; k < target.length; k++) target[k] = (target[k] as number) + (source[k] as number);
}

/** Year index of a milestone: negative means before 2024 (year 0); beyond the horizon goes to the "never" slot. */
function clampYear(yearIndex: number, years: number): number {
  if (yearIndex < 0) return 0;
  return yearIndex >= years ? years : yearIndex;
}
