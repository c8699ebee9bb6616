import type { CompiledModel } from "../model/compileModel.js";
import type { MonteCarloAggregate } from "../montecarlo/aggregate.js";
import { runMonteCarlo } from "../montecarlo/runMonteCarlo.js";
import { planJob, pointSampling, sharedDimensions, type JobPlan, type PointSampler, type Sampler } from "../montecarlo/jobPlan.js";
import type { BinnedSeries } from "../stats/binnedSeries.js";
import type { SeriesSummary } from "../stats/seriesSummary.js";
import { StoredSeries } from "../stats/storedSeries.js";
import { chooseStoreMode, DEFAULT_MEMORY_BOUND_BYTES } from "../stats/storeMode.js";
import { summarize, type Summary } from "../export/summary.js";
import { START_YEAR } from "../time/index.js";
import { commonSeries, pairsOf, planPairedJob, runPairedHere, type RunPaired } from "./pairedRuns.js";

/**
 * Several scenarios run side by side with common random numbers: run i of
 * every scenario draws from the same (seed, i) streams, so each run gives a
 * paired difference. The difference B - A has its own distribution, and
 * P(B > A) is the share of runs where B is higher: far more telling than
 * comparing two separate bands.
 */
export interface DiffSummary {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  /** Share of runs in which the later scenario is higher (ties count as not higher). */
  readonly pGreater: number;
}

export interface ComparisonSummary {
  readonly scenarios: readonly string[];
  readonly runs: number;
  readonly seed: number | string;
  /** "sobol" or "lhs" when the runs drew points (absent: random draws). */
  readonly sampler?: PointSampler;
  /** Per metric and year: each scenario's statistics, and a diff per pair keyed "B - A". */
  readonly metrics: Record<string, Record<string, Record<string, SeriesSummary | Record<string, DiffSummary>>>>;
  /** Each scenario's full summary (bottlenecks, milestones, precision). */
  readonly summaries: Record<string, Summary>;
  /** With checkInvariants: per scenario, the quarters whose invariants were checked and held, as the threads counted them. */
  readonly quartersChecked?: Record<string, number>;
}

interface Pair {
  readonly a: number;
  readonly b: number;
  readonly key: string;
  /** Differences B - A per common metric and year (series c * years + y). */
  stored?: StoredSeries;
  binned?: BinnedSeries;
  readonly greater: Float64Array;
}

/**
 * Runs a whole planned job of one scenario, checking the model's
 * invariants after every quarter when asked: by default on this thread;
 * chipsim compare --workers N shares it between threads.
 */
export type RunJob = (model: CompiledModel, plan: JobPlan, options: RunJobOptions) => MonteCarloAggregate | Promise<MonteCarloAggregate>;

export interface RunJobOptions {
  readonly onProgress?: (done: number, total: number) => void;
  readonly checkInvariants: boolean;
  /** The caller will read every series' summary: a runner with threads may compute them all at once, side by side. */
  readonly summaries?: boolean;
}

/** runMonteCarlo on this thread: the runner when none is given. */
export const runJobHere: RunJob = (model, plan, { onProgress, checkInvariants }) => runMonteCarlo(model, { plan, checkInvariants, ...(onProgress ? { onProgress } : {}) });

export async function compareScenarios(
  models: readonly CompiledModel[],
  options: {
    readonly runs: number;
    readonly seed: number | string;
    readonly onProgress?: (done: number, total: number) => void;
    /** Bound on memory for exact statistics (default 512 MiB); above it statistics stream. */
    readonly memoryBoundBytes?: number;
    /**
     * With exact statistics each scenario's job runs whole, through this
     * (default: runMonteCarlo), and the paired differences are read from
     * the stored runs afterwards.
     */
    readonly runJob?: RunJob;
    /** With streaming statistics the paired job runs through this (default: on this thread). */
    readonly runPaired?: RunPaired;
    /** Checks the model's invariants after every quarter of every run of every scenario (InvariantError when one breaks). */
    readonly checkInvariants?: boolean;
    /** "sobol" or "lhs": every scenario's runs from the same points, a shared parameter at one dimension (default "random"). */
    readonly sampler?: Sampler;
  },
): Promise<ComparisonSummary> {
  const { runs, seed } = options;
  const sampling = pointSampling(options.sampler, () => sharedDimensions(models));
  const ids = models.map((m) => m.scenario.meta.id);
  const { years, metrics: common, indexIn } = commonSeries(models);
  const diffSeries = common.length * years;

  const pairs: Pair[] = pairsOf(models.length).map(({ a, b }) => ({ a, b, key: `${ids[b]} - ${ids[a]}`, greater: new Float64Array(diffSeries) }));
  const totalSeries = models.reduce((n, m) => n + m.metrics.length * years, 0) + pairs.length * diffSeries;
  const mode = chooseStoreMode(runs, totalSeries, options.memoryBoundBytes ?? DEFAULT_MEMORY_BOUND_BYTES);
  const checkInvariants = options.checkInvariants === true;

  let aggregates: MonteCarloAggregate[];
  if (mode === "exact") aggregates = await runStored(models, pairs, { runs, seed, indexIn, years, common: common.length, checkInvariants, sampling }, options.runJob, options.onProgress);
  else {
    const runPaired = options.runPaired ?? runPairedHere;
    const plan = await planPairedJob(models, { runs, seed, checkInvariants, sampling }, runPaired);
    const paired = await runPaired(models, plan, options.onProgress);
    aggregates = [...paired.sides];
    paired.pairs.forEach((p, k) => {
      const pair = pairs[k] as Pair;
      pair.binned = p.binned as BinnedSeries;
      pair.greater.set(p.greater);
    });
  }

  const summaries: Record<string, Summary> = {};
  models.forEach((m, k) => (summaries[ids[k] as string] = summarize(m, aggregates[k]!, seed)));
  const metrics: ComparisonSummary["metrics"] = {};
  const scratch = new Float64Array(runs);
  common.forEach((metric, c) => {
    const byYear: Record<string, Record<string, SeriesSummary | Record<string, DiffSummary>>> = {};
    for (let y = 0; y < years; y++) {
      const year = String(START_YEAR + y);
      const entry: Record<string, SeriesSummary | Record<string, DiffSummary>> = {};
      for (const id of ids) entry[id] = summaries[id]!.metrics[metric]![year]!;
      const diff: Record<string, DiffSummary> = {};
      for (const pair of pairs) {
        const s = diffSummary(pair, c * years + y, scratch);
        diff[pair.key] = { p5: s.p5, p50: s.p50, p95: s.p95, mean: s.mean, pGreater: (pair.greater[c * years + y] as number) / runs };
      }
      entry["diff"] = diff;
      byYear[year] = entry;
    }
    metrics[metric] = byYear;
  });
  const checked = checkInvariants ? { quartersChecked: Object.fromEntries(aggregates.map((a, k) => [ids[k] as string, a.quartersChecked])) } : {};
  return { scenarios: ids, runs, seed, ...(sampling.sampler ? { sampler: sampling.sampler } : {}), metrics, summaries, ...checked };
}

/**
 * Exact statistics: each scenario's job runs whole (on as many threads as
 * runJob likes), and each pair's differences are read from the stored
 * runs, run by run: B's value less A's, as the paired pass would take it.
 */
async function runStored(
  models: readonly CompiledModel[],
  pairs: readonly Pair[],
  job: { runs: number; seed: number | string; indexIn: readonly (readonly number[])[]; years: number; common: number; checkInvariants: boolean; sampling: { sampler?: PointSampler; dimensions?: readonly string[] } },
  runJob: RunJob = runJobHere,
  onProgress?: (done: number, total: number) => void,
): Promise<MonteCarloAggregate[]> {
  const { runs, seed, indexIn, years } = job;
  const aggregates: MonteCarloAggregate[] = [];
  for (const [k, model] of models.entries()) {
    const plan = planJob(model, { runs, seed, statistics: "exact", ...job.sampling });
    const progress = onProgress ? { onProgress: (done: number) => onProgress(k * runs + done, models.length * runs) } : {};
    aggregates.push(await runJob(model, plan, { checkInvariants: job.checkInvariants, summaries: true, ...progress }));
  }
  for (const pair of pairs) {
    const stored = new StoredSeries(job.common * years, 0, runs);
    const a = aggregates[pair.a]!.stored as StoredSeries;
    const b = aggregates[pair.b]!.stored as StoredSeries;
    const ya = aggregates[pair.a]!.years;
    const yb = aggregates[pair.b]!.years;
    for (let c = 0; c < job.common; c++) {
      for (let y = 0; y < years; y++) {
        const s = c * years + y;
        const from = a.row((indexIn[pair.a]![c] as number) * ya + y);
        const to = b.row((indexIn[pair.b]![c] as number) * yb + y);
        const row = stored.row(s);
        let greater = 0;
        for (let r = 0; r < runs; r++) {
          const d = (to[r] as number) - (from[r] as number);
          if (!Number.isFinite(d)) throw new Error(`run ${r}: difference ${d} of series ${s} is not a finite number`);
          row[r] = d;
          if (d > 0) greater += 1;
        }
        pair.greater[s] = greater;
      }
    }
    pair.stored = stored;
  }
  return aggregates;
}

function diffSummary(pair: Pair, s: number, scratch: Float64Array): SeriesSummary {
  return pair.stored ? pair.stored.summary(s, scratch).summary : (pair.binned as BinnedSeries).summary(s).summary;
}
