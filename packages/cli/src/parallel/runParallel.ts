import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { BLOCK_RUNS, MonteCarloAggregate, yearsOf, type CompiledModel, type JobPlan } from "@chipsim/core";
import { claimSlices } from "./claimSlices.js";
import type { ScenarioSource, SharedJob, WorkerReport } from "./sliceTask.js";

/**
 * Below this many runs per thread one thread is quicker: a worker first
 * loads and compiles the scenario (about half a second), which the runs it
 * takes over must pay back.
 */
export const MIN_RUNS_PER_WORKER = 5000;

/** The default number of threads: one per core, but only as many as the runs keep busy. */
export function defaultWorkers(runs: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(runs / MIN_RUNS_PER_WORKER)));
}

/**
 * Runs [first, first + count) of a planned job on `threads` threads: this
 * one, which has the model compiled already and starts at once, and
 * threads - 1 workers, which join as soon as they have compiled theirs.
 * All claim block-aligned slices from a shared counter; each run lands at
 * its own index (exact statistics) or in statistics that merge exactly
 * (streaming), so the result is the same bits for any number of threads.
 */
export async function runInWorkers(
  model: CompiledModel,
  source: ScenarioSource,
  plan: JobPlan,
  first: number,
  count: number,
  threads: number,
  onProgress?: (done: number, total: number) => void,
): Promise<MonteCarloAggregate> {
  const values = plan.mode === "exact" ? new SharedArrayBuffer(plan.series * count * Float64Array.BYTES_PER_ELEMENT) : undefined;
  const shared = values ? new Float64Array(values).fill(NaN) : undefined;
  const slices: [number, number][] = [];
  for (let start = first; start < first + count; start += BLOCK_RUNS) slices.push([start, Math.min(BLOCK_RUNS, first + count - start)]);
  const job: SharedJob = { source, plan, first, count, slices, nextSlice: new SharedArrayBuffer(4), runsDone: new SharedArrayBuffer(4), ...(values ? { values } : {}) };
  const runsDone = new Int32Array(job.runsDone);
  const nextSlice = new Int32Array(job.nextSlice);

  let failure: Error | undefined;
  const workers = Array.from({ length: threads - 1 }, () => new Worker(new URL("../../dist/parallel/sliceWorker.js", import.meta.url), { workerData: job }));
  const reports = workers.map(
    (worker) =>
      new Promise<MonteCarloAggregate | undefined>((resolve) => {
        let settled = false;
        worker.once("message", (report: WorkerReport) => {
          settled = true;
          if (report.kind === "done") resolve(MonteCarloAggregate.fromPartial(plan, report.partial, shared));
          else {
            failure ??= new Error(`a worker stopped: ${report.message}`);
            // No one else should start a slice: the job has failed.
            Atomics.store(nextSlice, 0, slices.length);
            resolve(undefined);
          }
        });
        worker.once("error", (error) => {
          failure ??= error;
          Atomics.store(nextSlice, 0, slices.length);
          if (!settled) resolve(undefined);
        });
        worker.once("exit", () => {
          if (!settled) {
            failure ??= new Error("a worker exited without its results");
            resolve(undefined);
          }
        });
      }),
  );

  // This thread works too, a slice at a time, letting the event loop report progress in between.
  const mine = new MonteCarloAggregate(plan, first, count, yearsOf(model), model.world.layout.designs, shared);
  let claimed = true;
  while (claimed && !failure) {
    const before = mine.runs;
    claimSlices(model, job, mine, () => mine.runs > before);
    claimed = mine.runs > before;
    onProgress?.(Atomics.load(runsDone, 0), count);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const timer = onProgress ? setInterval(() => onProgress(Atomics.load(runsDone, 0), count), 200) : undefined;
  try {
    const theirs = await Promise.all(reports);
    if (failure) throw failure;
    for (const part of theirs) mine.merge(part as MonteCarloAggregate);
    mine.requireCovers(first, count);
    onProgress?.(count, count);
    return mine;
  } finally {
    if (timer) clearInterval(timer);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
