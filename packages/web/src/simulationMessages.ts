import type { MetricLabels, Summary } from "@chipsim/core";

/** One Monte Carlo job for the worker: what `chipsim run SCENARIO --set ... --seed --runs` would run. */
export interface SimulationRequest {
  readonly job: number;
  readonly scenario: string;
  readonly sets: readonly string[];
  readonly seed: number | undefined;
  readonly runs: number;
}

export type SimulationReply =
  | { readonly kind: "progress"; readonly job: number; readonly done: number; readonly total: number }
  | { readonly kind: "result"; readonly job: number; readonly summary: Summary; readonly labels: MetricLabels; readonly csv: string; readonly milliseconds: number }
  | { readonly kind: "error"; readonly job: number; readonly message: string };
