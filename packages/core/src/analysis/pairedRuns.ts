import type { CompiledModel } from "../model/compileModel.js";
import { MonteCarloAggregate, type AggregatePartial } from "../montecarlo/aggregate.js";
import { InvariantChecker } from "../montecarlo/invariants.js";
import { PILOT_RUNS, type JobPlan, type PointSampler } from "../montecarlo/jobPlan.js";
import { yearsOf } from "../montecarlo/layout.js";
import { RunInputs } from "../montecarlo/runInputs.js";
import { runNamingFor } from "../montecarlo/runNaming.js";
import { runOnce, type RunMilestones } from "../montecarlo/runOnce.js";
import { RunRecorder } from "../metrics/runRecorder.js";
import { BinnedSeries, binLayoutFromRanges, BLOCK_RUNS, closesBlock, rangeLayout, type BinLayout, type BinnedSums } from "../stats/binnedSeries.js";
import { sharedResultsFor, type SharedResults } from "../montecarlo/sharedResults.js";

/**
 * The series every compared scenario has, and where each finds them: a
 * scenario may add or remove designs, so the paired differences cover the
 * metrics common to all, over the shortest horizon.
 */
export interface CommonSeries {
  readonly years: number;
  readonly metrics: readonly string[];
  /** Per model, the index of each common metric in its own list. */
  readonly indexIn: readonly (readonly number[])[];
}

export function commonSeries(models: readonly CompiledModel[]): CommonSeries {
  const years = Math.min(...models.map(yearsOf));
  const metrics = models[0]!.metrics.map((m) => m.id).filter((id) => models.every((model) => model.metrics.some((d) => d.id === id)));
  const indexIn = models.map((model) => metrics.map((id) => model.metrics.findIndex((d) => d.id === id)));
  return { years, metrics, indexIn };
}

/** Every pair (a, b) with a before b, in the order the comparison reports them. */
export function pairsOf(sides: number): { a: number; b: number }[] {
  const pairs: { a: number; b: number }[] = [];
  for (let a = 0; a < sides; a++) for (let b = a + 1; b < sides; b++) pairs.push({ a, b });
  return pairs;
}

/**
 * A streamed comparison's job, which every thread must agree on: each
 * side's streaming plan (the same runs, seed and points, its own bins) and
 * the bins of each pair's differences, all placed by one pilot. The pilot
 * is itself a paired job, binned with range layouts (rangeLayout), which
 * keep each series' least and greatest value and little else.
 */
export interface PairedPlan {
  readonly runs: number;
  readonly sides: readonly JobPlan[];
  readonly pairLayouts: readonly BinLayout[];
  readonly checkInvariants: boolean;
}

/** The histograms every thread of a paired job fills (SharedResults): one per side, one per pair. */
export interface PairedShared {
  readonly sides: readonly SharedResults[];
  readonly pairs: readonly SharedResults[];
}

/** Fresh buffers for a paired job's threads to share. */
export function pairedSharedFor(models: readonly CompiledModel[], plan: PairedPlan): PairedShared {
  const { metrics, years } = commonSeries(models);
  const sides = plan.sides.map((side) => sharedResultsFor(side, plan.runs));
  const pairs = plan.pairLayouts.map((layout) => sharedResultsFor({ mode: "streaming", series: metrics.length * years, layout }, plan.runs));
  return { sides, pairs };
}

/** A slice's results as they travel: each side's partial, and per pair its sums, counts of B > A and (unless shared) bins. */
export interface PairedPartial {
  readonly sides: readonly AggregatePartial[];
  readonly pairs: readonly { readonly runs: number; readonly sums: BinnedSums; readonly greater: Float64Array; readonly bins?: Float64Array }[];
}

/** One pair's streamed differences B - A, per common series (c * years + y). */
export interface PairStatistics {
  readonly a: number;
  readonly b: number;
  readonly binned: BinnedSeries;
  /** Runs in which B was higher than A, per series. */
  readonly greater: Float64Array;
}

/**
 * Runs of several scenarios side by side, run i of each from the same
 * draws, streamed into each side's statistics and each pair's differences.
 * A thread runs block-aligned slices into its own PairedRuns; slices merge
 * exactly (see MonteCarloAggregate), so any split of the runs among threads
 * gives the same bits.
 */
export class PairedRuns {
  readonly sides: readonly MonteCarloAggregate[];
  readonly pairs: readonly PairStatistics[];
  private readonly common: CommonSeries;
  private readonly recorders: readonly RunRecorder[];
  private readonly milestones: readonly RunMilestones[];
  private readonly inputs: readonly RunInputs[];
  private readonly checkers: readonly InvariantChecker[] | undefined;
  private readonly diff: Float64Array;

  constructor(
    private readonly models: readonly CompiledModel[],
    readonly plan: PairedPlan,
    shared?: PairedShared,
  ) {
    const { runs } = plan;
    this.common = commonSeries(models);
    const diffSeries = this.common.metrics.length * this.common.years;
    const namings = models.map((m, k) => runNamingFor(m, plan.sides[k] as JobPlan));
    this.recorders = models.map((m, k) => new RunRecorder(m.metrics, m.observables.list, namings[k]!, m.world.layout.quarters, m.world.layout.designs));
    this.milestones = models.map(() => ({ euvReadyYear: Infinity, supplyMetDemandYear: Infinity }));
    // Run i of every model from the same draws (points: each reads them through its own table).
    this.inputs = RunInputs.forModels(models, plan.sides[0] as JobPlan);
    this.checkers = plan.checkInvariants ? models.map((m, k) => new InvariantChecker(m, namings[k]!)) : undefined;
    this.sides = models.map((m, k) => new MonteCarloAggregate(plan.sides[k] as JobPlan, 0, runs, yearsOf(m), m.world.layout.designs, shared?.sides[k]));
    this.pairs = pairsOf(models.length).map(({ a, b }, k) => ({
      a,
      b,
      binned: new BinnedSeries(diffSeries, plan.pairLayouts[k] as BinLayout, shared?.pairs[k]?.histogram),
      greater: new Float64Array(diffSeries),
    }));
    this.diff = new Float64Array(diffSeries);
  }

  /** Runs [first, first + count) of every side: a block-aligned slice of the job. */
  runSlice(first: number, count: number, onProgress?: (done: number) => void): void {
    const end = first + count;
    const { runs } = this.plan;
    if (first % BLOCK_RUNS !== 0 || (end % BLOCK_RUNS !== 0 && end !== runs) || end > runs) throw new RangeError(`paired runs: a slice starts and ends at a multiple of ${BLOCK_RUNS} runs (or the last run), not ${first}..${end - 1}`);
    const { models, recorders, milestones, inputs, checkers, sides, pairs, diff } = this;
    const { years, indexIn } = this.common;
    const metrics = this.common.metrics.length;
    const every = Math.max(1, Math.floor(count / 100));
    for (let run = first; run < end; run++) {
      for (let k = 0; k < models.length; k++) {
        const model = models[k] as CompiledModel;
        const recorder = recorders[k] as RunRecorder;
        const reached = milestones[k] as RunMilestones;
        inputs[k]!.draw(run);
        runOnce(model, run, recorder, reached, checkers?.[k]);
        const side = sides[k] as MonteCarloAggregate;
        side.addRun(run, recorder, reached.euvReadyYear, reached.supplyMetDemandYear);
        // A broken invariant throws, so every quarter of a run that finishes was checked.
        if (checkers) side.quartersChecked += model.world.layout.quarters;
      }
      for (const pair of pairs) {
        const va = recorders[pair.a]!.values;
        const vb = recorders[pair.b]!.values;
        const ya = recorders[pair.a]!.years;
        const yb = recorders[pair.b]!.years;
        const ia = indexIn[pair.a] as readonly number[];
        const ib = indexIn[pair.b] as readonly number[];
        const greater = pair.greater;
        for (let c = 0; c < metrics; c++) {
          const ma = ia[c] as number;
          const mb = ib[c] as number;
          for (let y = 0; y < years; y++) {
            const d = (vb[mb * yb + y] as number) - (va[ma * ya + y] as number);
            diff[c * years + y] = d;
            if (d > 0) greater[c * years + y] = (greater[c * years + y] as number) + 1;
          }
        }
        pair.binned.add(diff);
      }
      if (closesBlock(run, runs)) {
        for (const side of sides) side.endBlock();
        for (const pair of pairs) pair.binned.endBlock();
      }
      if (onProgress && (run - first + 1) % every === 0) onProgress(run - first + 1);
    }
  }

  /** This thread's results, to merge into another's; with `shared`, values and bins stay out (they are in the shared buffers). */
  toPartial(shared = false): PairedPartial {
    return {
      sides: this.sides.map((s) => s.toPartial(shared)),
      pairs: this.pairs.map((p) => ({ runs: p.binned.runs, sums: p.binned.exactSums(), greater: p.greater, ...(shared ? {} : { bins: p.binned.bins }) })),
    };
  }

  /** Adds another thread's slices of the same job; with `shared`, its bins are already in this one's shared histograms. */
  mergePartial(partial: PairedPartial, shared = false): void {
    if (partial.sides.length !== this.sides.length || partial.pairs.length !== this.pairs.length) throw new Error("paired results of another comparison");
    partial.sides.forEach((p, k) => this.sides[k]!.mergePartial(p, shared));
    partial.pairs.forEach((p, k) => {
      const pair = this.pairs[k] as PairStatistics;
      if (p.greater.length !== pair.greater.length) throw new Error("paired results of another comparison");
      pair.binned.mergeTravelled(p.runs, shared ? undefined : p.bins, p.sums);
      for (let s = 0; s < pair.greater.length; s++) pair.greater[s] = (pair.greater[s] as number) + (p.greater[s] as number);
    });
  }

  /** Runs run or merged here so far. */
  get runs(): number {
    return (this.sides[0] as MonteCarloAggregate).runs;
  }

  /** Throws unless the runs merged here cover the whole job exactly once. */
  requireCoversJob(): void {
    for (const side of this.sides) side.requireCovers(0, this.plan.runs);
  }
}

/**
 * A streamed comparison's plan: one pilot pass of paired runs (through
 * `runPaired`, so on every thread too) finds each series' least and
 * greatest value over the first runs, which place the bins of every
 * scenario (as planJob's pilot does, from the same runs) and of every
 * pair's differences.
 */
export async function planPairedJob(
  models: readonly CompiledModel[],
  job: { runs: number; seed: number | string; checkInvariants: boolean; sampling: { sampler?: PointSampler; dimensions?: readonly string[] } },
  runPaired: RunPaired = runPairedHere,
): Promise<PairedPlan> {
  const { runs, seed, sampling } = job;
  const pilotRuns = Math.min(runs, PILOT_RUNS);
  const series = models.map((m) => m.metrics.length * yearsOf(m));
  const { metrics, years } = commonSeries(models);
  const pilot = await runPaired(models, {
    runs: pilotRuns,
    sides: series.map((n) => ({ runs: pilotRuns, seed, series: n, mode: "streaming", layout: rangeLayout(n), ...sampling })),
    pairLayouts: pairsOf(models.length).map(() => rangeLayout(metrics.length * years)),
    checkInvariants: false,
  });
  const placed = (binned: BinnedSeries): BinLayout => {
    const { min, max } = binned.ranges();
    return binLayoutFromRanges(min, max);
  };
  const sides: JobPlan[] = models.map((_, k) => ({ runs, seed, series: series[k] as number, mode: "streaming", layout: placed(pilot.sides[k]!.binned as BinnedSeries), pilotRuns, ...sampling }));
  return { runs, sides, pairLayouts: pilot.pairs.map((p) => placed(p.binned)), checkInvariants: job.checkInvariants };
}

/**
 * Runs a paired job whole, on as many threads as it likes (chipsim compare
 * --workers N shares it out); by default on this thread.
 */
export type RunPaired = (models: readonly CompiledModel[], plan: PairedPlan, onProgress?: (done: number, total: number) => void) => PairedRuns | Promise<PairedRuns>;

export const runPairedHere: RunPaired = (models, plan, onProgress) => {
  const paired = new PairedRuns(models, plan);
  paired.runSlice(0, plan.runs, onProgress ? (done) => onProgress(done, plan.runs) : undefined);
  onProgress?.(plan.runs, plan.runs);
  return paired;
};
