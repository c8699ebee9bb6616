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

/**
 * The fields without which a distribution cannot be built (readParam.ts
 * asks for these). `lognormal` needs mean and sd or exactly two
 * percentiles; a `beta` also needs `min` and `max` where the parameter has
 * no bound of its own, and a `normal` needs them to stay inside a bounded
 * parameter's range.
 */
export const DIST_REQUIRED: Readonly<Record<DistKind, readonly string[]>> = {
  fixed: ["value"],
  uniform: ["min", "max"],
  normal: ["mean", "sd"],
  lognormal: [],
  triangular: ["min", "mode", "max"],
  pert: ["min", "mode", "max"],
  beta: ["alpha", "beta"],
  bernoulli: ["p"],
  choice: ["values"],
};

/** What each distribution is, for the JSON Schema's hover text. */
export const DIST_DESCRIPTIONS: Readonly<Record<DistKind, string>> = {
  fixed: "fixed: always `value`",
  uniform: "uniform: equally likely anywhere from `min` to `max`",
  normal: "normal: `mean` and standard deviation `sd`, truncated to [`min`, `max`] where given",
  lognormal: "lognormal: positive and skewed, from `mean` and `sd` or from any two of `p5` ... `p95`",
  triangular: "triangular: from `min` to `max`, most likely at `mode`",
  pert: "pert: a smooth beta from `min` to `max` peaking at `mode`; `lambda` (default 4) weights the mode",
  beta: "beta: shape `alpha` and `beta`, scaled to [`min`, `max`] (default: the parameter's own range)",
  bernoulli: "bernoulli: 1 with probability `p`, else 0",
  choice: "choice: one of `values`, in proportion to `weights` (default equal)",
};

/** What each field of a distribution means, for the JSON Schema's hover text. */
export const DIST_FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  dist: "The distribution the parameter is drawn from in each run.",
  value: "The value: of a parameter that does not vary, or of a `fixed` distribution.",
  min: "Lower end of a uniform, triangular, pert or beta distribution; where a normal is truncated below.",
  max: "Upper end of a uniform, triangular, pert or beta distribution; where a normal is truncated above.",
  mode: "Most likely value of a triangular or pert distribution.",
  mean: "Mean of a normal (before truncation) or of a lognormal.",
  sd: "Standard deviation of a normal or of a lognormal (for a date, a duration such as \"2Q\").",
  lambda: "Weight of the mode in a pert distribution (a plain positive number; default 4).",
  alpha: "First shape parameter of a beta distribution (a plain positive number).",
  beta: "Second shape parameter of a beta distribution (a plain positive number).",
  p: "Probability of drawing 1 in a bernoulli distribution.",
  values: "The values a choice distribution draws from.",
  weights: "Relative weights of the values of a choice (non-negative plain numbers, one per value; default equal).",
  unit: "The unit of the bare numbers in this object (e.g. GW or %); text with a unit of its own keeps it.",
  ...Object.fromEntries(
    PERCENTILE_KEYS.map((k) => [k, `The ${k.slice(1)}th percentile of a lognormal: give exactly two percentiles, or mean and sd.`]),
  ),
};

/** Keys any parameter object may carry besides its value or distribution fields. */
export const COMMON_KEYS = ["dist", "value", "unit", "source", "assumption", "claim", "note"] as const;

export function percentileProbability(key: PercentileKey): number {
  return Number(key.slice(1)) / 100;
}
