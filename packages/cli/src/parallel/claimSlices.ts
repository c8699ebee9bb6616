import { runMonteCarlo, type CompiledModel, type MonteCarloAggregate } from "@chipsim/core/engine";
import type { SharedJob } from "./sharedJob.js";

/**
 * Claims slices of the job one at a time (an atomic counter shared by every
 * thread, so a thread that starts late or runs slowly simply takes fewer)
 * and runs them into `into`. Which thread runs which slice changes nothing
 * in the results: every run's streams depend only on the seed and its index.
 */
export function claimSlices(
  model: CompiledModel,
  job: SharedJob,
  into: MonteCarloAggregate,
  shouldStop: () => boolean = () => false,
  /** Each run's values as it finishes (a thread that runs every slice sees them in run order). */
  onRun?: (run: number, values: Float64Array) => void,
): void {
  const next = new Int32Array(job.nextSlice);
  const done = new Int32Array(job.runsDone);
  for (;;) {
    if (shouldStop()) return;
    const k = Atomics.add(next, 0, 1);
    if (k >= job.slices.length) return;
    const [first, count] = job.slices[k] as readonly [number, number];
    runMonteCarlo(model, { plan: into.plan, firstRun: first, count, into, checkInvariants: job.checkInvariants, ...(onRun ? { onRun } : {}) });
    // Atomic, so the values written before it are visible to whoever reads the count.
    Atomics.add(done, 0, count);
  }
}
