import type { CompiledModel } from "../model/compileModel.js";
import { RunRecorder } from "../metrics/runRecorder.js";
import { jobKey, runKey } from "../random/seed.js";
import { chooseStoreMode, DEFAULT_MEMORY_BOUND_BYTES } from "../stats/storeMode.js";
import { MonteCarloAggregate } from "./aggregate.js";
import type { RunMilestones } from "./runOnce.js";
import { runOnce } from "./runOnce.js";

export interface MonteCarloOptions {
  readonly runs: number;
  readonly seed: number | string;
  /** First run index of this slice (for shards and workers); default 0. */
  readonly firstRun?: number;
  /** Number of runs in this slice; default all runs from firstRun. */
  readonly count?: number;
  /** Bound on memory for exact quantiles; above it statistics stream. */
  readonly memoryBoundBytes?: number;
  /** Called now and then with runs done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Called after each run with its metric values ([metric * years + year],
   * reused: copy what you keep) and milestone years, for analyses that need
   * every run rather than the summary.
   */
  readonly onRun?: (runIndex: number, values: Float64Array, milestones: Readonly<RunMilestones>) => void;
  /**
   * Stops the job early: `test` is asked after every `every` runs (in run
   * order, so the stopping point depends only on the seed) and the job ends
   * with the runs done so far when it says so.
   */
  readonly stopWhen?: { readonly every: number; readonly test: (aggregate: MonteCarloAggregate, done: number) => boolean };
}

/**
 * Runs a slice of the Monte Carlo: run i draws its parameters from the
 * stream of (seed, i), whatever slice or worker it falls in.
 */
export function runMonteCarlo(model: CompiledModel, options: MonteCarloOptions): MonteCarloAggregate {
  const { runs } = options;
  const first = options.firstRun ?? 0;
  const count = options.count ?? runs - first;
  const recorder = new RunRecorder(
    model.metrics,
    model.observables.list,
    model.scenario.meta.id,
    model.world.layout.quarters,
    model.world.layout.designs,
  );
  const mode = chooseStoreMode(runs, model.metrics.length * recorder.years, options.memoryBoundBytes ?? DEFAULT_MEMORY_BOUND_BYTES);
  const aggregate = new MonteCarloAggregate(mode, runs, model.metrics.length, recorder.years, model.world.layout.designs);
  const key = jobKey(options.seed);
  const runKeyWords = new Uint32Array(2);
  const milestones: RunMilestones = { euvReadyYear: Infinity, supplyMetDemandYear: Infinity };
  const every = Math.max(1, Math.floor(count / 100));
  for (let k = 0; k < count; k++) {
    const run = first + k;
    runKey(key, run, runKeyWords);
    model.table.draw(runKeyWords[0] as number, runKeyWords[1] as number, model.world.params);
    runOnce(model, run, recorder, milestones);
    aggregate.addRun(run, recorder, milestones.euvReadyYear, milestones.supplyMetDemandYear);
    options.onRun?.(run, recorder.values, milestones);
    if (options.onProgress && (k + 1) % every === 0) options.onProgress(k + 1, count);
    const stop = options.stopWhen;
    if (stop && first === 0 && (k + 1) % stop.every === 0 && k + 1 < count && stop.test(aggregate, k + 1)) {
      options.onProgress?.(count, count);
      return aggregate.truncated(k + 1);
    }
  }
  options.onProgress?.(count, count);
  return aggregate;
}
