import type { Summary } from "@chipsim/core";
import { compact, padTable, percent } from "./format.js";

/** The metrics a reader wants first, in the order of the question they answer. */
export const HEADLINE_METRICS = [
  "accelerators.domestic",
  "accelerators.imported",
  "share.domestic",
  "compute.addedH100e",
  "compute.installedH100e",
  "wafers.advanced",
  "hbm.stacksUsed",
  "power.availableGW",
] as const;

/** Years shown in the table: every year up to eight, else a spread ending at the horizon. */
export function displayYears(summary: Summary): string[] {
  const first = summary.scenario.firstYear;
  const last = summary.scenario.horizon;
  const all = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  if (all.length <= 8) return all.map(String);
  const picked = [first, first + 1, first + 2, first + 3, first + 4, first + 6, first + 8, last].filter((y, k, a) => y <= last && a.indexOf(y) === k);
  return picked.map(String);
}

export function renderSummaryTable(summary: Summary): string {
  const years = displayYears(summary);
  const s = summary.scenario;
  const quantiles = s.quantiles.method === "exact" ? "exact quantiles" : `quantiles from ${s.quantiles.bins.toLocaleString("en-US")}-bin histograms (error bounds in precision.*.quantileError)`;
  const out: string[] = [`${s.title} (${s.id}): ${s.runs.toLocaleString("en-US")} runs, seed ${String(s.seed)}, ${quantiles}`];
  if (s.overrides?.length) out.push(`with --set ${s.overrides.join(", ")}`);
  out.push("");

  const rows: string[][] = [["metric (per year)", ...years]];
  for (const id of HEADLINE_METRICS) {
    const byYear = summary.metrics[id];
    if (!byYear) continue;
    const share = summary.units[id] === "1";
    const fmt = share ? percent : compact;
    rows.push([`${id} [${summary.units[id]}] median`, ...years.map((y) => (byYear[y] ? fmt(byYear[y].p50) : ""))]);
    rows.push(["  P5-P95", ...years.map((y) => (byYear[y] ? `${fmt(byYear[y].p5)}-${fmt(byYear[y].p95)}` : ""))]);
  }
  out.push(padTable(rows), "");

  const all = summary.bottlenecks["all"] ?? {};
  const constraints = [...new Set(Object.values(all).flatMap((shares) => Object.keys(shares)))];
  const bottleneckRows: string[][] = [["binding constraint, domestic designs", ...years]];
  for (const c of constraints) {
    bottleneckRows.push([c, ...years.map((y) => (all[y]?.[c as keyof (typeof all)[string]] !== undefined ? percent(all[y]?.[c as keyof (typeof all)[string]] ?? 0) : ""))]);
  }
  out.push(padTable(bottleneckRows), "");

  const milestoneRows: string[][] = [["milestone reached by end of year", ...years]];
  for (const [id, byYear] of Object.entries(summary.milestones)) milestoneRows.push([id, ...years.map((y) => percent(byYear[y] ?? 0))]);
  out.push(padTable(milestoneRows), "");
  return out.join("\n");
}
