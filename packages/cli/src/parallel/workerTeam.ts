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
export function defaultThreads(runs: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(runs / MIN_RUNS_PER_WORKER)));
}

interface Member {
  readonly worker: Worker;
  /** Resolves with the worker's hash once it is ready, or rejects with why it is not. */
  readonly ready: Promise<string>;
  /** The next report after ready: its results, or a failure. */
  next: Promise<WorkerReport>;
}

/**
 * Worker threads for one job. They are started before the main thread
 * loads the scenario, so that their start-up (loading and compiling it
 * themselves) overlaps the main thread's, and are handed the job once it is
 * planned. Results are the same bits for any number of threads: every
 * thread claims block-aligned slices from a shared counter, and each run
 * lands at its own index (exact statistics) or in statistics that merge
 * exactly (streaming).
 */
export class WorkerTeam {
  private constructor(private readonly members: Member[]) {}

  /** `size` workers (threads besides this one), loading the scenario now. */
  static start(source: ScenarioSource, size: number): WorkerTeam {
    const members = Array.from({ length: Math.max(0, size) }, () => {
      const worker = new Worker(new URL("../../dist/parallel/sliceWorker.js", import.meta.url), { workerData: source });
      const reports: WorkerReport[] = [];
      const waiting: ((r: WorkerReport) => void)[] = [];
      const deliver = (report: WorkerReport) => {
        const take = waiting.shift();
        if (take) take(report);
        else reports.push(report);
      };
      worker.on("message", deliver);
      worker.on("error", (error) => deliver({ kind: "failed", message: error.message }));
      worker.on("exit", (code) => deliver({ kind: "failed", message: `exited (code ${code}) before sending its results` }));
      const nextReport = () => new Promise<WorkerReport>((resolve) => (reports.length > 0 ? resolve(reports.shift() as WorkerReport) : waiting.push(resolve)));
      const member: Member = {
        worker,
        ready: nextReport().then((r) => (r.kind === "ready" ? r.hash : Promise.reject(new Error(r.kind === "failed" ? r.message : "unexpected report")))),
        next: Promise.resolve({ kind: "failed", message: "no job" }),
      };
      // Results follow readiness; ask for them only once readiness has been taken.
      member.next = member.ready.then(nextReport, () => ({ kind: "failed", message: "not ready" }) as WorkerReport);
      return member;
    });
    return new WorkerTeam(members);
  }

  get size(): number {
    return this.members.length;
  }

  /**
   * Runs [first, first + count) of the planned job on this thread and the
   * workers. `hash` is the main thread's scenario hash: a worker that
   * resolved anything else (the file changed in between) fails the job.
   */
  async run(model: CompiledModel, hash: string, plan: JobPlan, first: number, count: number, onProgress?: (done: number, total: number) => void): Promise<MonteCarloAggregate> {
    const values = plan.mode === "exact" ? new SharedArrayBuffer(plan.series * count * Float64Array.BYTES_PER_ELEMENT) : undefined;
    const shared = values ? new Float64Array(values).fill(NaN) : undefined;
    const slices: [number, number][] = [];
    for (let start = first; start < first + count; start += BLOCK_RUNS) slices.push([start, Math.min(BLOCK_RUNS, first + count - start)]);
    const job: SharedJob = { plan, first, count, slices, nextSlice: new SharedArrayBuffer(4), runsDone: new SharedArrayBuffer(4), ...(values ? { values } : {}) };
    const nextSlice = new Int32Array(job.nextSlice);
    const runsDone = new Int32Array(job.runsDone);

    let failure: Error | undefined;
    const stopAll = (error: Error) => {
      failure ??= error;
      // No thread should start another slice: the job has failed.
      Atomics.store(nextSlice, 0, slices.length);
    };
    const results = this.members.map(async (member) => {
      let theirHash: string;
      try {
        theirHash = await member.ready;
      } catch (error) {
        stopAll(new Error(`a worker could not start: ${(error as Error).message}`));
        return undefined;
      }
      if (theirHash !== hash) {
        stopAll(new Error(`the scenario changed while the job started (${hash} here, ${theirHash} in a worker)`));
        return undefined;
      }
      member.worker.postMessage(job);
      const report = await member.next;
      if (report.kind !== "done") {
        stopAll(new Error(`a worker stopped: ${report.kind === "failed" ? report.message : report.kind}`));
        return undefined;
      }
      return MonteCarloAggregate.fromPartial(plan, report.partial, shared);
    });

    // This thread works too, a slice at a time, letting messages and progress through in between.
    const mine = new MonteCarloAggregate(plan, first, count, yearsOf(model), model.world.layout.designs, shared);
    for (;;) {
      const before = mine.runs;
      claimSlices(model, job, mine, () => mine.runs > before);
      onProgress?.(Atomics.load(runsDone, 0), count);
      if (mine.runs === before || failure) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const timer = onProgress ? setInterval(() => onProgress(Atomics.load(runsDone, 0), count), 200) : undefined;
    try {
      const theirs = await Promise.all(results);
      if (failure) throw failure;
      for (const part of theirs) mine.merge(part as MonteCarloAggregate);
      mine.requireCovers(first, count);
      onProgress?.(count, count);
      return mine;
    } finally {
      if (timer) clearInterval(timer);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.members.map((m) => m.worker.terminate()));
  }
}
