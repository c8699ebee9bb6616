import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { BLOCK_RUNS, MonteCarloAggregate, transferableScenario, yearsOf, type CompiledModel, type JobPlan, type ResolvedScenario } from "@chipsim/core";
import { InterruptedError } from "../interruptedError.js";
import { askWorker, workerFailure } from "./askWorker.js";
import { claimSlices } from "./claimSlices.js";
import type { ScenarioAhead, SharedJob, WorkerReport } from "./sharedJob.js";

/**
 * Below this many runs per thread one thread is quicker: a worker first
 * loads the engine's code and compiles the model (a few tenths of a
 * second), which the runs it takes over must pay back.
 */
export const MIN_RUNS_PER_WORKER = 5000;

/**
 * A worker's young generation (MiB). The runs allocate a few kilobytes
 * each, all short-lived, so V8's default (which grows to tens of MiB under
 * steady allocation) only holds garbage longer; a small one is scavenged
 * more often at no measurable cost. `bin.js` does the same for the main
 * thread with --max-semi-space-size.
 */
const WORKER_YOUNG_GENERATION_MB = 3;

let nextScenarioKey = 0;

/** The default number of threads: one per core, but only as many as the runs keep busy. */
export function defaultThreads(runs: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(runs / MIN_RUNS_PER_WORKER)));
}

/**
 * Worker threads for one job. They are started before the main thread
 * loads the scenario, so that loading the engine's code in them overlaps
 * that, and are handed the resolved scenario and the job once it is
 * planned. Results are the same bits for any number of threads: every
 * thread claims block-aligned slices from a shared counter, and each run
 * lands at its own index (exact statistics) or in statistics that merge
 * exactly (streaming).
 */
export class WorkerTeam {
  /** A number per scenario the team has run, so that workers know when to compile another model. */
  private readonly scenarioKeys = new WeakMap<ResolvedScenario, number>();

  private constructor(private readonly workers: Worker[]) {}

  /** `size` workers (threads besides this one). */
  static start(size: number): WorkerTeam {
    return new WorkerTeam(Array.from({ length: Math.max(0, size) }, () => new Worker(new URL("../../dist/parallel/sliceWorker.js", import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } })));
  }

  /** Sends the scenario ahead of its first job: the workers compile their models while this thread compiles and plans. */
  prepare(scenario: ResolvedScenario): void {
    const ahead: ScenarioAhead = { kind: "scenario", scenario: transferableScenario(scenario), scenarioKey: this.keyOf(scenario) };
    for (const worker of this.workers) worker.postMessage(ahead);
  }

  private keyOf(scenario: ResolvedScenario): number {
    if (!this.scenarioKeys.has(scenario)) this.scenarioKeys.set(scenario, nextScenarioKey++);
    return this.scenarioKeys.get(scenario) as number;
  }

  /** Runs [first, first + count) of the planned job on this thread and the workers; `checkInvariants` checks every quarter of every run. */
  async run(
    job: { scenario: ResolvedScenario; model: CompiledModel; plan: JobPlan; checkInvariants: boolean },
    first: number,
    count: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<MonteCarloAggregate> {
    const { scenario, model, plan, checkInvariants } = job;
    const values = plan.mode === "exact" ? new SharedArrayBuffer(plan.series * count * Float64Array.BYTES_PER_ELEMENT) : undefined;
    const sharedValues = values ? new Float64Array(values).fill(NaN) : undefined;
    const slices: [number, number][] = [];
    for (let start = first; start < first + count; start += BLOCK_RUNS) slices.push([start, Math.min(BLOCK_RUNS, first + count - start)]);
    const sharedJob: SharedJob = {
      kind: "job",
      scenario: transferableScenario(scenario),
      scenarioKey: this.keyOf(scenario),
      plan,
      first,
      count,
      slices,
      nextSlice: new SharedArrayBuffer(4),
      runsDone: new SharedArrayBuffer(4),
      checkInvariants,
      ...(values ? { values } : {}),
    };
    const nextSlice = new Int32Array(sharedJob.nextSlice);
    const runsDone = new Int32Array(sharedJob.runsDone);

    let failure: Error | undefined;
    const stopAll = (error: Error) => {
      failure ??= error;
      // No thread should start another slice: the job has failed.
      Atomics.store(nextSlice, 0, slices.length);
    };
    // This thread's share of the runs; each worker's share is merged into it as it arrives, straight
    // from the arrays the worker transferred, so at most one extra copy of the statistics is alive.
    const mine = new MonteCarloAggregate(plan, first, count, yearsOf(model), model.world.layout.designs, sharedValues);
    const results = this.workers.map((worker) =>
      askWorker<WorkerReport>(
        worker,
        sharedJob,
        (report) => {
          if (report.kind !== "done") return stopAll(workerFailure(report.message, report.code));
          try {
            // Messages arrive between this thread's slices, when its runs are flushed.
            mine.mergePartial(report.partial, sharedValues !== undefined);
          } catch (error) {
            stopAll(workerFailure((error as Error).message));
          }
        },
        (why) => stopAll(workerFailure(why)),
      ),
    );

    // Ctrl-C stops every thread after its current slice (a fraction of a second) instead of killing
    // the process, so the command can say how far it got; the handler lives only while runs do.
    const interrupt = () => stopAll(new InterruptedError(Atomics.load(runsDone, 0), count));
    process.once("SIGINT", interrupt);

    // This thread works too, a slice at a time, letting messages, progress and Ctrl-C through in between.
    for (;;) {
      const before = mine.runs;
      claimSlices(model, sharedJob, mine, () => mine.runs > before);
      onProgress?.(Atomics.load(runsDone, 0), count);
      if (mine.runs === before || failure) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const timer = onProgress ? setInterval(() => onProgress(Atomics.load(runsDone, 0), count), 200) : undefined;
    try {
      await Promise.all(results);
      if (failure) throw failure;
      mine.requireCovers(first, count);
      onProgress?.(count, count);
      return mine;
    } finally {
      if (timer) clearInterval(timer);
      process.removeListener("SIGINT", interrupt);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
