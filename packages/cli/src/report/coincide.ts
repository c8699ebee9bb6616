import type { ComparisonSummary, DiffSummary, SeriesSummary } from "@chipsim/core";

/** Bands closer than this share of the chart's range are one band on the page (about a pixel on a 260-pixel chart). */
export const INDISTINGUISHABLE = 0.005;

/**
 * How a compared scenario's results stand to the first scenario's, for one
 * metric: identical in every run (the paired difference is 0 in every run
 * and year), indistinguishable on the chart (no median or P5/P95 differs by
 * more than INDISTINGUISHABLE of the chart's range in any year), or apart.
 */
export type Coincidence =
  | { readonly kind: "identical" }
  | { readonly kind: "indistinguishable"; readonly largest: number; readonly year: string }
  | { readonly kind: "apart" };

export function coincidence(metrics: ComparisonSummary["metrics"], metric: string, base: string, other: string): Coincidence {
  const byYear = metrics[metric] ?? {};
  const key = `${other} - ${base}`;
  const years = Object.keys(byYear);
  const diffs = years.map((y) => (byYear[y]?.["diff"] as Record<string, DiffSummary> | undefined)?.[key]);
  // No run higher and a mean of 0: then no run is lower either, so every run's difference is 0.
  if (diffs.every((d) => d !== undefined && d.pGreater === 0 && d.mean === 0 && d.p5 === 0 && d.p95 === 0)) return { kind: "identical" };
  const stats = (id: string, y: string) => byYear[y]?.[id] as SeriesSummary | undefined;
  const all = years.flatMap((y) => [base, other].flatMap((id) => [stats(id, y)?.p5 ?? 0, stats(id, y)?.p95 ?? 0]));
  const range = Math.max(...all) - Math.min(0, ...all);
  let largest = 0;
  let at = years[0] ?? "";
  for (const y of years) {
    const a = stats(base, y);
    const b = stats(other, y);
    if (!a || !b) return { kind: "apart" };
    for (const q of ["p5", "p50", "p95"] as const) {
      const gap = Math.abs(a[q] - b[q]);
      if (gap > largest) [largest, at] = [gap, y];
    }
  }
  return largest <= INDISTINGUISHABLE * range ? { kind: "indistinguishable", largest, year: at } : { kind: "apart" };
}
