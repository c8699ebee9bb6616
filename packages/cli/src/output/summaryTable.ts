import { formatCount, formatShare, formatValue, H100E_NOTE, metricTitle, MILESTONE_LABELS, type MetricLabels, type Summary } from "@chipsim/core";
import { padTable, wrap, yearsShownNote } from "./format.js";

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

/** Every year of the summary, as its keys are written. */
export function allYears(summary: Summary): string[] {
  const first = summary.scenario.firstYear;
  return Array.from({ length: summary.scenario.horizon - first + 1 }, (_, k) => String(first + k));
}

/** Years shown in the table: every year up to eight, else a spread ending at the horizon. */
export function displayYears(summary: Summary): string[] {
  const first = summary.scenario.firstYear;
  const last = summary.scenario.horizon;
  const all = allYears(summary);
  if (all.length <= 8) return all;
  const picked = [first, first + 1, first + 2, first + 3, first + 4, first + 6, first + 8, last].filter((y, k, a) => y <= last && a.indexOf(y) === k);
  return picked.map(String);
}

/**
 * The run's summary as a reader scans it: each headline metric by its
 * label and unit (its id in brackets, as JSON and CSV name it), median and
 * P5-P95 per year, then the binding constraints and the milestones.
 */
export function renderSummaryTable(summary: Summary, labels: MetricLabels): string {
  const years = displayYears(summary);
  const s = summary.scenario;
  const quantiles = s.quantiles.method === "exact" ? "exact quantiles" : `quantiles from ${formatCount(s.quantiles.bins)}-bin histograms (error bounds in precision.*.quantileError)`;
  const out: string[] = [`${s.title} (${s.id}): ${formatCount(s.runs)} runs, seed ${String(s.seed)}, ${quantiles}`];
  if (s.overrides?.length) out.push(`with --set ${s.overrides.join(", ")}`);
  const skipped = yearsShownNote(years, allYears(summary), "--format json or csv, and summary.json, give");
  out.push(wrap(`Median and P5-P95 across runs, per calendar year.${skipped ? ` ${skipped}` : ""}`), "");

  // Each metric's title on a line of its own, above its rows, so the columns stay narrow.
  const rows: string[][] = [["", ...years]];
  const titles = new Map<number, string>();
  const shown = HEADLINE_METRICS.filter((id) => summary.metrics[id]);
  for (const id of shown) {
    const byYear = summary.metrics[id] as Summary["metrics"][string];
    const fmt = (x: number) => formatValue(x, summary.units[id] ?? "");
    titles.set(rows.length, `${metricTitle(labels, id)} [${id}]`);
    rows.push(["  median", ...years.map((y) => (byYear[y] ? fmt(byYear[y].p50) : ""))]);
    rows.push(["  P5-P95", ...years.map((y) => (byYear[y] ? `${fmt(byYear[y].p5)}-${fmt(byYear[y].p95)}` : ""))]);
  }
  padTable(rows)
    .split("\n")
    .forEach((line, k) => {
      const title = titles.get(k);
      if (title !== undefined) out.push(title);
      out.push(line);
    });
  if (shown.some((id) => summary.units[id] === "H100e")) out.push("", wrap(H100E_NOTE));
  out.push("");

  const all = summary.bottlenecks["all"] ?? {};
  const constraints = [...new Set(Object.values(all).flatMap((shares) => Object.keys(shares)))];
  const bottleneckRows: string[][] = [["binding constraint, domestic designs (share of design-quarters)", ...years]];
  for (const c of constraints) {
    bottleneckRows.push([c, ...years.map((y) => (all[y]?.[c as keyof (typeof all)[string]] !== undefined ? formatShare(all[y]?.[c as keyof (typeof all)[string]] ?? 0) : ""))]);
  }
  out.push(padTable(bottleneckRows), "");

  const milestoneRows: string[][] = [["milestone reached by end of year (share of runs)", ...years]];
  for (const [id, byYear] of Object.entries(summary.milestones)) milestoneRows.push([MILESTONE_LABELS[id] ?? id, ...years.map((y) => formatShare(byYear[y] ?? 0))]);
  out.push(padTable(milestoneRows), "");
  return out.join("\n");
}
