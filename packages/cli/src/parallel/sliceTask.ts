import type { AggregatePartial, JobPlan } from "@chipsim/core";

/** Where a worker finds the scenario: it resolves and compiles it itself (a compiled model cannot cross threads). */
export interface ScenarioSource {
  readonly ref: string;
  readonly sets: readonly string[];
  readonly cwd: string;
}

/**
 * What every thread of a job shares: the plan, the slices (block-aligned
 * [first, count] pairs), and three shared buffers: the index of the next
 * slice to claim, the runs done (for the progress bar), and for exact
 * statistics the values of every run, each at its own place.
 */
export interface SharedJob {
  readonly plan: JobPlan;
  readonly first: number;
  readonly count: number;
  readonly slices: readonly (readonly [number, number])[];
  readonly nextSlice: SharedArrayBuffer;
  readonly runsDone: SharedArrayBuffer;
  readonly values?: SharedArrayBuffer;
}

/**
 * What a worker says: that its model is ready (with the hash of the
 * scenario it resolved, which must be the main thread's), its results
 * (exact values stay in the shared buffer), or why it stopped.
 */
export type WorkerReport =
  | { readonly kind: "ready"; readonly hash: string }
  | { readonly kind: "done"; readonly partial: AggregatePartial }
  | { readonly kind: "failed"; readonly message: string };
