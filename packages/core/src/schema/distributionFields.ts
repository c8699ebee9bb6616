import type { DistKind } from "../distributions/types.js";

/**
 * The fields each distribution takes in a scenario file. `lognormal` is
 * written either with `mean` and `sd` or with any two percentiles.
 */
export const PERCENTILE_KEYS = ["p5", "p10", "p25", "p50", "p75", "p90", "p95"] as const;
export type PercentileKey = (typeof PERCENTILE_KEYS)[number];

export const DIST_FIELDS: Readonly<Record<DistKind, readonly string[]>> = {
  fixed: ["value"],
  uniform: ["min", "max"],
  normal: ["mean", "sd", "min", "max"],
  lognormal: ["mean", "sd", ...PERCENTILE_KEYS],
  triangular: ["min", "mode", "max"],
  pert: ["min", "mode", "max", "lambda"],
  beta: ["alpha", "beta", "min", "max"],
  bernoulli: ["p"],
  choice: ["values", "weights"],
};

export const DIST_KINDS = Object.keys(DIST_FIELDS) as DistKind[];

/** Keys any parameter object may carry besides its value or distribution fields. */
export const COMMON_KEYS = ["dist", "value", "unit", "source", "assumption", "claim", "note"] as const;

export function percentileProbability(key: PercentileKey): number {
  return Number(key.slice(1)) / 100;
}
