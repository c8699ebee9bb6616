import type { CompiledModel } from "../model/compileModel.js";
import { RunRecorder } from "../metrics/runRecorder.js";
import { RunInputs } from "./runInputs.js";
import { BLOCK_RUNS, closesBlock } from "../stats/binnedSeries.js";
import type { StoreMode } from "../stats/storeMode.js";
import { MonteCarloAggregate } from "./aggregate.js";
import { planJob, type JobPlan, type PlanOptions, type Sampler } from "./jobPlan.js";
import type { RunMilestones } from "./runOnce.js";
import { runOnce, type QuarterWatcher } from "./runOnce.js";
import { InvariantChecker } from "./invariants.js";
import { runNamingFor, type RunNaming } from "./runNaming.js";

export interface MonteCarloOptions {
  /** The job, as planned by planJob; or give runs and seed and it is planned here. */
  readonly plan?: JobPlan;
  readonly runs?: number;
  readonly seed?: number | string;
  readonly statistics?: StoreMode | "auto";
  /** Bound on memory for exact quantiles; above it statistics stream. */
  readonly memoryBoundBytes?: number;
  /** How uniforms are drawn when the job is planned here (default "random"). */
  readonly sampler?: Sampler;
  /** First run index of this slice (for shards and workers); default 0. */
  readonly firstRun?: number;
  /** Number of runs in this slice; default all runs from firstRun. */
  readonly count?: number;
  /**
   * Adds the runs to this aggregate (of the same plan) instead of a new one:
   * a thread that runs several slices of a job keeps one set of statistics.
   */
  readonly into?: MonteCarloAggregate;
  /** Keep no values (exact statistics are then empty): for a pass that only watches onRun. */
  readonly discardValues?: boolean;
  /** Called now and then with runs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Called after each run with its metric values ([metric * years + year],
   * reused: copy what you keep) and milestone years, for analyses that need
   * every run rather than the summary.
   */
  readonly onRun?: (runIndex: number, values: Float64Array, milestones: Readonly<RunMilestones>) => void;
  /**
   * Checks the model's invariants after every quarter and throws an
   * InvariantError naming the run and quarter when one breaks. Off by
   * default: a run then costs nothing more.
   */
  readonly checkInvariants?: boolean;
  /**
   * Called after every quarter of every run with its observables
   * (model.observables order; reused: copy what you keep), after the
   * invariants are checked: a replay's per-quarter trace.
   */
  readonly onQuarter?: (runIndex: number, quarter: number, observables: Float64Array) => void;
}

/**
 * Runs a slice of the Monte Carlo: run i draws its parameters from the
 * stream of (seed, i), whatever slice or worker it falls in.
 */
export function runMonteCarlo(model: CompiledModel, options: MonteCarloOptions): MonteCarloAggregate {
  const plan = options.plan ?? planJob(model, requirePlanOptions(options));
  const { runs } = plan;
  const first = options.firstRun ?? 0;
  const count = options.count ?? runs - first;
  if (!(Number.isInteger(first) && Number.isInteger(count) && first >= 0 && count >= 0 && first + count <= runs)) {
    throw new RangeError(`runs ${first}..${first + count - 1} fall outside the job's ${runs} runs`);
  }
  if (plan.mode === "streaming" && (first % BLOCK_RUNS !== 0 || ((first + count) % BLOCK_RUNS !== 0 && first + count !== runs))) {
    throw new RangeError(`a slice of streamed runs starts and ends at a multiple of ${BLOCK_RUNS} runs (or the last run), not ${first}..${first + count - 1}`);
  }
  const naming = runNamingFor(model, plan);
  const recorder = recorderFor(model, naming);
  if (options.into && options.into.plan !== plan) throw new Error("runMonteCarlo: `into` belongs to another plan");
  // With discardValues nothing is kept, so the aggregate holds no runs (and no memory for them).
  const aggregate = options.into ?? new MonteCarloAggregate(options.discardValues ? { ...plan, runs: 0 } : plan, first, options.discardValues ? 0 : count, recorder.years, model.world.layout.designs);
  const watcher = quarterWatcher(options.checkInvariants ? new InvariantChecker(model, naming) : undefined, options.onQuarter);
  // A broken invariant throws, so every quarter of every run that finishes was checked.
  const countChecked = (runsDone: number) => {
    if (options.checkInvariants) aggregate.quartersChecked += runsDone * model.world.layout.quarters;
  };
  const inputs = inputsFor(model, plan);
  const milestones: RunMilestones = { euvReadyYear: Infinity, supplyMetDemandYear: Infinity };
  const every = Math.max(1, Math.floor(count / 100));
  for (let k = 0; k < count; k++) {
    const run = first + k;
    inputs.draw(run);
    runOnce(model, run, recorder, milestones, watcher);
    if (!options.discardValues) aggregate.addRun(run, recorder, milestones.euvReadyYear, milestones.supplyMetDemandYear);
    // Blocks are counted from run 0, so every split of the job sums the same runs together.
    if (closesBlock(run, first + count)) aggregate.endBlock();
    options.onRun?.(run, recorder.values, milestones);
    if (options.onProgress && (k + 1) % every === 0) options.onProgress(k + 1, count);
  }
  options.onProgress?.(count, count);
  countChecked(count);
  return aggregate;
}

/**
 * One recorder per model, kept from call to call. A thread runs a job as
 * hundreds of slices, one call each, and a recorder's arrays (31 KB for the
 * baseline) live outside V8's heap, where garbage goes only at a full
 * collection, which a job whose runs allocate nothing may never trigger.
 * Made afresh for each slice they stayed resident: about 30 bytes a run,
 * 30 MiB over a million runs.
 */
const recorders = new WeakMap<CompiledModel, RunRecorder>();

function recorderFor(model: CompiledModel, naming: RunNaming): RunRecorder {
  let recorder = recorders.get(model);
  if (recorder) recorder.naming = naming;
  else {
    recorder = new RunRecorder(model.metrics, model.observables.list, naming, model.world.layout.quarters, model.world.layout.designs);
    recorders.set(model, recorder);
  }
  return recorder;
}

/**
 * A job's inputs for a model, made once per plan and model: a thread runs
 * a job as hundreds of slices, and Sobol points cost a few thousand hashes
 * to set up.
 */
const inputsByPlan = new WeakMap<JobPlan, WeakMap<CompiledModel, RunInputs>>();

function inputsFor(model: CompiledModel, plan: JobPlan): RunInputs {
  let byModel = inputsByPlan.get(plan);
  if (!byModel) inputsByPlan.set(plan, (byModel = new WeakMap()));
  let inputs = byModel.get(model);
  if (!inputs) byModel.set(model, (inputs = RunInputs.forPlan(model, plan)));
  return inputs;
}

function requirePlanOptions(options: MonteCarloOptions): PlanOptions {
  if (options.runs === undefined || options.seed === undefined) throw new Error("runMonteCarlo: give a plan, or runs and seed");
  return {
    runs: options.runs,
    seed: options.seed,
    ...(options.statistics !== undefined ? { statistics: options.statistics } : {}),
    ...(options.memoryBoundBytes !== undefined ? { memoryBoundBytes: options.memoryBoundBytes } : {}),
    ...(options.sampler !== undefined ? { sampler: options.sampler } : {}),
  };
}

/** The checker, the onQuarter callback, both in that order, or nothing (the default run's case). */
function quarterWatcher(checker: InvariantChecker | undefined, onQuarter: MonteCarloOptions["onQuarter"]): QuarterWatcher | undefined {
  if (!onQuarter) return checker;
  return {
    beginRun: (w) => checker?.beginRun(w),
    afterQuarter: (w) => {
      checker?.afterQuarter(w);
      onQuarter(w.runIndex, w.q, w.obs);
    },
  };
}
