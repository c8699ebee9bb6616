import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import {
  BLOCK_RUNS,
  MonteCarloAggregate,
  PairedRuns,
  pairedSharedFor,
  resultsToTravel,
  sharedResultsFor,
  SUMMARY_ROW,
  transferableScenario,
  yearsOf,
  type CompiledModel,
  type JobPlan,
  type PairedPlan,
  type ResolvedScenario,
  type RunJob,
  type RunPaired,
  type SharedResults,
} from "@chipsim/core";
import { InterruptedError } from "../interruptedError.js";
import { UsageError } from "../usageError.js";
import { claimEach, claimSlices, slicesOf, type SliceClaims } from "./claimSlices.js";
import { OrderedRows } from "./orderedRows.js";
import type { PerRunExport } from "../output/perRun.js";
import { SharedWork, startWorkers, stopWorkers } from "./sharedWork.js";
import { claimSummaryBatch } from "./claimSummaries.js";
import type { ScenarioAhead, SharedJob, SharedPairedJob, SharedSummaries, WorkerReport } from "./sharedJob.js";

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

/**
 * A worker's young generation (MiB) when it writes --per-run rows: text
 * made a run at a time is short-lived garbage by the megabyte, and a small
 * young generation then collects it far too often.
 */
const ROWS_WORKER_YOUNG_GENERATION_MB = 32;

let nextScenarioKey = 0;

/** The default number of threads: one per core, but only as many as the runs keep busy. */
export function defaultThreads(runs: number, cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(runs / MIN_RUNS_PER_WORKER)));
}

/** Checks --workers, of any command that takes it: a whole number of threads, at least 1 (absent: the default). */
export function checkWorkersFlag(workers: number | undefined): void {
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    throw new UsageError(`--workers: expected a whole number of threads, at least 1, found ${String(workers)}`);
  }
}

/**
 * Threads to start before the scenario is loaded (so that loading code in
 * the workers overlaps it): --workers, else as many as the most runs the
 * flags allow keep busy, else one per core. A command that then finds it
 * needs fewer leaves the rest idle.
 */
export function threadsToStart(workers: number | undefined, mostRuns: number | undefined): number {
  return workers ?? (mostRuns !== undefined ? defaultThreads(mostRuns) : availableParallelism());
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
  static start(size: number, options: { readonly rows?: boolean } = {}): WorkerTeam {
    return new WorkerTeam(startWorkers("sliceWorker", size, { maxYoungGenerationSizeMb: options.rows ? ROWS_WORKER_YOUNG_GENERATION_MB : WORKER_YOUNG_GENERATION_MB }));
  }

  /** Workers for `threads` threads in all (this one among them), or none when this one is enough; `rows` for a --per-run job. */
  static forThreads(threads: number, options: { readonly rows?: boolean } = {}): WorkerTeam | undefined {
    return threads > 1 ? WorkerTeam.start(threads - 1, options) : undefined;
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

  /**
   * The team as a RunJob (whole jobs, for compare, the attribution and
   * report), or undefined when `threads` is 1 and the job is better run on
   * this thread alone.
   */
  static runJob(team: WorkerTeam | undefined, threads: number): RunJob | undefined {
    if (!team || threads <= 1) return undefined;
    return async (model, plan, { onProgress, checkInvariants, summaries }) => {
      const aggregate = await team.run({ scenario: model.scenario, model, plan, checkInvariants }, 0, plan.runs, onProgress);
      if (summaries) await team.summarize(aggregate);
      return aggregate;
    };
  }

  /**
   * Summarises every series of an exact job on this thread and the
   * workers, from the values the job left in shared memory, and hands the
   * rows to the aggregate, whose seriesSummary then reads them: the same
   * numbers one thread computes (each series is summarised whole, by one
   * thread). Streamed statistics, and values outside shared memory (a job
   * resumed from a checkpoint), are left to be summarised on this thread.
   */
  async summarize(aggregate: MonteCarloAggregate): Promise<void> {
    const stored = aggregate.stored;
    if (this.workers.length === 0 || !stored || !(stored.values.buffer instanceof SharedArrayBuffer)) return;
    const job: SharedSummaries = {
      kind: "summaries",
      values: stored.values.buffer,
      series: stored.series,
      first: stored.first,
      count: stored.count,
      rows: new SharedArrayBuffer(stored.series * SUMMARY_ROW * Float64Array.BYTES_PER_ELEMENT),
      nextSeries: new SharedArrayBuffer(4),
    };
    const rows = new Float64Array(job.rows).fill(NaN);
    const next = new Int32Array(job.nextSeries);
    const scratch = new Float64Array(stored.count);
    const work = new SharedWork(() => Atomics.store(next, 0, stored.series));
    await work.run(this.workers, job, { claimHere: () => claimSummaryBatch(job, stored, rows, scratch) });
    aggregate.adoptSummaries(rows);
  }

  /** The buffers the threads fill for each aggregate made by aggregateFor. */
  private readonly sharedOf = new WeakMap<MonteCarloAggregate, SharedResults>();

  /**
   * An aggregate for runs [first, first + count) of the planned job whose
   * results the team's threads fill in shared memory: exact values, or the
   * streaming histogram when there are workers. run() fills it over one
   * call or several (--target-se runs a job in rounds).
   */
  aggregateFor(model: CompiledModel, plan: JobPlan, first: number, count: number): MonteCarloAggregate {
    // Exact values always (summarize shares them out), a histogram only for workers to fill.
    const shared = plan.mode === "exact" || this.workers.length > 0 ? sharedResultsFor(plan, count) : undefined;
    const aggregate = new MonteCarloAggregate(plan, first, count, yearsOf(model), model.world.layout.designs, shared);
    if (shared) this.sharedOf.set(aggregate, shared);
    return aggregate;
  }

  /**
   * Runs [first, first + count) of the planned job on this thread and the
   * workers; `checkInvariants` checks every quarter of every run. With
   * `perRun` every run's rows reach that export in run order, whichever
   * thread ran it (orderedRows.ts). The runs go into `into` (from
   * aggregateFor, covering them) when given, else into an aggregate of
   * their own, which must then come out whole.
   */
  async run(
    job: { scenario: ResolvedScenario; model: CompiledModel; plan: JobPlan; checkInvariants: boolean; perRun?: PerRunExport },
    first: number,
    count: number,
    onProgress?: (done: number, total: number) => void,
    into?: MonteCarloAggregate,
  ): Promise<MonteCarloAggregate> {
    const { scenario, model, plan, checkInvariants } = job;
    // This thread's share of the runs; each worker's share is merged into it as it arrives, straight from the
    // arrays the worker transferred (exact values and the histogram are already in shared memory), so no second
    // copy of the statistics is made.
    const mine = into ?? this.aggregateFor(model, plan, first, count);
    if (into && (first < into.first || first + count > into.first + into.count)) throw new Error(`WorkerTeam.run: runs ${first}..${first + count - 1} fall outside the aggregate's`);
    const shared = this.sharedOf.get(mine);
    const ordered = job.perRun ? new OrderedRows(job.perRun, plan.series) : undefined;
    const sharedJob: SharedJob = {
      kind: "job",
      scenario: transferableScenario(scenario),
      scenarioKey: this.keyOf(scenario),
      plan,
      // The range the shared buffers cover; the slices are this call's runs.
      first: mine.first,
      count: mine.count,
      ...newClaims(first, count),
      checkInvariants,
      ...(shared ? { shared: resultsToTravel(shared) } : {}),
      ...(ordered ? { rows: ordered.shared } : {}),
    };
    await this.shareOut<Extract<WorkerReport, { kind: "done" }>>(sharedJob, count, {
      onDone: (report) => mine.mergePartial(report.partial, shared !== undefined),
      claimHere: (stop) =>
        ordered ? claimEach(sharedJob, (from, runs, slice) => ordered.runSlice(model, sharedJob, mine, from, runs, slice), stop) : claimSlices(model, sharedJob, mine, stop),
      runsHere: () => mine.runs,
      ...(ordered
        ? {
            isInterim: (message: unknown) => (message as { kind?: string }).kind === "rows",
            onInterim: (message: unknown) => {
              const rows = message as Extract<WorkerReport, { kind: "rows" }>;
              ordered.accept(rows.slice, rows.block);
            },
            onFail: () => ordered.release(),
          }
        : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    if (!into) mine.requireCovers(first, count);
    onProgress?.(count, count);
    return mine;
  }

  /**
   * The team as a RunPaired (a streamed comparison's runs, every scenario
   * side by side on every thread), or undefined when `threads` is 1.
   */
  static runPaired(team: WorkerTeam | undefined, threads: number): RunPaired | undefined {
    if (!team || threads <= 1) return undefined;
    return (models, plan, onProgress) => team.runPairedJob(models, plan, onProgress);
  }

  private async runPairedJob(models: readonly CompiledModel[], plan: PairedPlan, onProgress?: (done: number, total: number) => void): Promise<PairedRuns> {
    const shared = pairedSharedFor(models, plan);
    const job: SharedPairedJob = {
      kind: "paired",
      scenarios: models.map((m) => transferableScenario(m.scenario)),
      scenarioKeys: models.map((m) => this.keyOf(m.scenario)),
      plan,
      ...newClaims(0, plan.runs),
      shared: { sides: shared.sides.map(resultsToTravel), pairs: shared.pairs.map(resultsToTravel) },
    };
    const mine = new PairedRuns(models, plan, shared);
    await this.shareOut<Extract<WorkerReport, { kind: "paired" }>>(job, plan.runs, {
      onDone: (report) => mine.mergePartial(report.partial, true),
      claimHere: (stop) => claimEach(job, (first, count) => mine.runSlice(first, count), stop),
      runsHere: () => mine.runs,
      ...(onProgress ? { onProgress } : {}),
    });
    mine.requireCoversJob();
    onProgress?.(plan.runs, plan.runs);
    return mine;
  }

  /**
   * Shares a job's slices between this thread (a slice per claim, so that
   * answers and Ctrl-C are heard between slices) and the workers, whose
   * answers go to `onDone`. Ctrl-C stops this thread after its current
   * slice instead of killing the process, so the command can say how far
   * it got; the workers are not waited for, since nothing will be written:
   * the command's `finally` terminates them mid-slice. The handler lives
   * only while runs do.
   */
  private async shareOut<Done>(
    job: SliceClaims,
    count: number,
    share: {
      readonly onDone: (report: Done) => void;
      /** Runs slices here until `stop` says to (it does after one). */
      readonly claimHere: (stop: () => boolean) => void;
      readonly runsHere: () => number;
      readonly onProgress?: (done: number, total: number) => void;
      readonly isInterim?: (message: unknown) => boolean;
      readonly onInterim?: (message: unknown) => void;
      /** Called when the work fails: whatever a worker may be waiting for must let it go. */
      readonly onFail?: () => void;
    },
  ): Promise<void> {
    const nextSlice = new Int32Array(job.nextSlice);
    const runsDone = new Int32Array(job.runsDone);
    const work = new SharedWork(() => {
      Atomics.store(nextSlice, 0, job.slices.length);
      share.onFail?.();
    });
    const onProgress = share.onProgress;
    const progress = onProgress ? () => onProgress(Atomics.load(runsDone, 0), count) : undefined;
    const interrupt = () => work.abandon(new InterruptedError(Atomics.load(runsDone, 0), count));
    process.once("SIGINT", interrupt);
    try {
      await work.run<Done>(this.workers, job, {
        // Answers arrive between this thread's slices.
        onDone: share.onDone,
        ...(share.isInterim && share.onInterim ? { isInterim: share.isInterim, onInterim: share.onInterim } : {}),
        claimHere: () => {
          const before = share.runsHere();
          share.claimHere(() => share.runsHere() > before);
          progress?.();
          return share.runsHere() > before;
        },
        ...(progress ? { whileWaiting: progress } : {}),
      });
    } finally {
      process.removeListener("SIGINT", interrupt);
    }
  }

  async stop(): Promise<void> {
    await stopWorkers(this.workers);
  }
}

/** A job's slices and the two counters its threads share. */
function newClaims(first: number, count: number): SliceClaims {
  return { slices: slicesOf(first, count, BLOCK_RUNS), nextSlice: new SharedArrayBuffer(4), runsDone: new SharedArrayBuffer(4) };
}
