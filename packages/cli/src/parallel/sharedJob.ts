import type { AggregatePartial, JobPlan, TransferableScenario } from "@chipsim/core";

/**
 * What every thread of a job shares: the scenario (each thread compiles its
 * own model from it), the plan, the slices (block-aligned [first, count]
 * pairs), and three shared buffers: the index of the next slice to claim,
 * the runs done (for the progress bar), and for exact statistics the values
 * of every run, each at its own place.
 */
export interface SharedJob {
  readonly scenario: TransferableScenario;
  readonly plan: JobPlan;
  readonly first: number;
  readonly count: number;
  readonly slices: readonly (readonly [number, number])[];
  readonly nextSlice: SharedArrayBuffer;
  readonly runsDone: SharedArrayBuffer;
  readonly values?: SharedArrayBuffer;
}

/** What a worker sends back: its results (exact values stay in the shared buffer), or why it stopped. */
export type WorkerReport = { readonly kind: "done"; readonly partial: AggregatePartial } | { readonly kind: "failed"; readonly message: string };
