import { sampleRankCorrelation } from "simple-statistics";

/** Spearman's rank correlation of two samples (simple-statistics). 0 when either does not vary. */
export function rankCorrelation(x: readonly number[], y: readonly number[]): number {
  if (x.length < 2) return 0;
  const constant = (v: readonly number[]) => v.every((e) => e === v[0]);
  if (constant(x) || constant(y)) return 0;
  return sampleRankCorrelation([...x], [...y]);
}
