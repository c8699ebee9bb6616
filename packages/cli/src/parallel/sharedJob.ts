import type { AggregatePartial, JobPlan, PairedPartial, PairedPlan, TransferableScenario, TravellingResults } from "@chipsim/core";
import type { FailureReport } from "./failureReport.js";
import type { PerRunBlock } from "../output/perRunBlock.js";
import type { SharedRows } from "./orderedRows.js";

/**
 * What every thread of a job shares: the scenario (each thread compiles its
 * own model from it), the plan, the slices (block-aligned [first, count]
 * pairs), and three shared buffers: the index of the next slice to claim,
 * the runs done (for the progress bar), and for exact statistics the values
 * of every run, each at its own place, or for streaming statistics the one
 * histogram every thread fills (sharedHistogram.ts).
 */
export interface SharedJob {
  readonly kind: "job";
  readonly scenario: TransferableScenario;
  /** Which scenario this is, for the team: a worker compiles its model again only when it changes (compare runs one job per scenario). */
  readonly scenarioKey: number;
  readonly plan: JobPlan;
  readonly first: number;
  readonly count: number;
  readonly slices: readonly (readonly [number, number])[];
  readonly nextSlice: SharedArrayBuffer;
  readonly runsDone: SharedArrayBuffer;
  /** Exact values, or the streaming histogram, that every thread fills (absent: each keeps its own). */
  readonly shared?: TravellingResults;
  /** --per-run: the export's shape and the slices written; each slice's rows are sent as it finishes ("rows"). */
  readonly rows?: SharedRows;
  /** Check the model's invariants after every quarter of every run (chipsim run --check-invariants). */
  readonly checkInvariants: boolean;
}

/**
 * A streamed comparison's runs, shared out like a job's: every thread runs
 * its slices of every scenario side by side (PairedRuns) into the shared
 * buffers of each side and each pair's differences (every value for the
 * pilot, histograms after it), and sends back the rest (sums and counts).
 */
export interface SharedPairedJob {
  readonly kind: "paired";
  readonly scenarios: readonly TransferableScenario[];
  readonly scenarioKeys: readonly number[];
  readonly plan: PairedPlan;
  readonly slices: readonly (readonly [number, number])[];
  readonly nextSlice: SharedArrayBuffer;
  readonly runsDone: SharedArrayBuffer;
  /** Per side and per pair, the values (a pilot) or the histogram the threads fill. */
  readonly shared: { readonly sides: readonly TravellingResults[]; readonly pairs: readonly TravellingResults[] };
}

/**
 * The scenario sent ahead of its first job, as soon as this thread has
 * resolved it: the worker compiles its model while this thread compiles and
 * plans, and joins the job sooner. Nothing is sent back.
 */
export interface ScenarioAhead {
  readonly kind: "scenario";
  readonly scenario: TransferableScenario;
  readonly scenarioKey: number;
}

/**
 * After an exact job, the summaries of its series, shared out like its
 * runs: every thread claims SERIES_PER_CLAIM series at a time from
 * `nextSeries` and writes each one's row (summaryRows.ts) into `rows`,
 * reading the runs' values where the job left them. Answered with
 * "summarized".
 */
export interface SharedSummaries {
  readonly kind: "summaries";
  readonly values: SharedArrayBuffer;
  readonly series: number;
  readonly first: number;
  readonly count: number;
  readonly rows: SharedArrayBuffer;
  readonly nextSeries: SharedArrayBuffer;
}

/**
 * The benchmark's question to a worker (`pnpm bench`, bench/benchChild.ts):
 * the garbage the worker's own run loop leaves, measured as
 * bench/garbagePerRun.ts does on the main thread. A worker runs its own
 * bundled script, compiled apart from the command's, so it is measured
 * apart. Answered with "garbage".
 */
export interface GarbageQuestion {
  readonly kind: "garbage";
  readonly scenario: TransferableScenario;
  readonly runs: number;
  readonly seed: number;
}

/**
 * What a worker sends back: its results (exact values stay in the shared
 * buffer), or why it stopped, with the error's code when it is one of
 * chipsim's own (a broken invariant, a value that is not finite), so that
 * it reaches the user as it would from the main thread.
 */
export type WorkerReport =
  | { readonly kind: "done"; readonly partial: AggregatePartial }
  /** Sent before "done", once a slice: its rows under --per-run. */
  | { readonly kind: "rows"; readonly slice: number; readonly block: PerRunBlock }
  | { readonly kind: "paired"; readonly partial: PairedPartial }
  | { readonly kind: "summarized" }
  | { readonly kind: "garbage"; readonly garbageBytesPerRun: number }
  | FailureReport;
