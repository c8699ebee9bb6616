import type { CompiledModel } from "../model/compileModel.js";
import { planJob, type Sampler } from "./jobPlan.js";
import { runMonteCarlo } from "./runMonteCarlo.js";

/** One run of a job, replayed alone. */
export interface ReplayedRun {
  readonly runIndex: number;
  /** The run's metric values, [metric * years + year], as in onRun. */
  readonly values: Float64Array;
  /** Milestone years (0 = 2024); Infinity means not within the horizon. */
  readonly euvReadyYear: number;
  readonly supplyMetDemandYear: number;
  /** Every observable after every quarter: [quarter * observables + o], model.observables order. */
  readonly quarters: Float64Array;
}

/**
 * Runs run `runIndex` of the job with this seed (and sampler), alone and with the
 * invariants checked after every quarter. Run i draws its parameters from
 * the stream of (seed, i) only, so it is the same run as in the whole job,
 * whatever the job's size: the values equal those the job's onRun saw.
 * The observables of every quarter come with them, for a trace.
 */
export function replayRun(model: CompiledModel, seed: number | string, runIndex: number, sampler: Sampler = "random"): ReplayedRun {
  if (!(Number.isSafeInteger(runIndex) && runIndex >= 0)) throw new RangeError(`run index must be a whole number, at least 0, got ${runIndex}`);
  // Exact statistics with nothing kept: no pilot for bins, no memory for other runs.
  const plan = planJob(model, { runs: runIndex + 1, seed, statistics: "exact", sampler });
  let replayed: ReplayedRun | undefined;
  const count = model.observables.size;
  const quarters = new Float64Array(model.world.layout.quarters * count);
  runMonteCarlo(model, {
    plan,
    firstRun: runIndex,
    count: 1,
    discardValues: true,
    checkInvariants: true,
    onQuarter: (_run, q, observables) => quarters.set(observables, q * count),
    onRun: (run, values, milestones) => {
      replayed = { runIndex: run, values: values.slice(), euvReadyYear: milestones.euvReadyYear, supplyMetDemandYear: milestones.supplyMetDemandYear, quarters };
    },
  });
  if (!replayed) throw new Error(`replayRun: run ${runIndex} did not run`);
  return replayed;
}
