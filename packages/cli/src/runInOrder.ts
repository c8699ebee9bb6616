import { BLOCK_RUNS, MonteCarloAggregate, runMonteCarlo, yearsOf, type CompiledModel, type JobPlan } from "@chipsim/core";
import { InterruptedError } from "./interruptedError.js";

/**
 * Runs a slice of a job on this thread, in run order, a block of runs at a
 * time, yielding between blocks so that Ctrl-C is heard: for `--per-run`,
 * whose rows this thread writes as the runs finish. One synchronous call
 * would hold the event loop for the whole job, so Ctrl-C would kill the
 * process by signal and leave the half-written files behind. The blocks
 * merge into one aggregate exactly as worker threads' slices do, so the
 * results are the bits of a single call.
 */
export async function runInOrder(
  model: CompiledModel,
  plan: JobPlan,
  first: number,
  count: number,
  options: {
    readonly checkInvariants: boolean;
    readonly onRun: (run: number, values: Float64Array) => void;
    readonly onProgress?: (done: number, total: number) => void;
  },
): Promise<MonteCarloAggregate> {
  const aggregate = new MonteCarloAggregate(plan, first, count, yearsOf(model), model.world.layout.designs);
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
  };
  process.once("SIGINT", interrupt);
  try {
    for (let start = first; start < first + count; start += BLOCK_RUNS) {
      const size = Math.min(BLOCK_RUNS, first + count - start);
      runMonteCarlo(model, { plan, firstRun: start, count: size, into: aggregate, checkInvariants: options.checkInvariants, onRun: options.onRun });
      options.onProgress?.(start + size - first, count);
      await new Promise((resolve) => setImmediate(resolve));
      if (interrupted) throw new InterruptedError(start + size - first, count);
    }
  } finally {
    process.removeListener("SIGINT", interrupt);
  }
  aggregate.requireCovers(first, count);
  return aggregate;
}
