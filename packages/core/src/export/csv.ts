import type { Summary } from "./summary.js";

/**
 * The summary as tidy long CSV: one row per scenario, metric, year and
 * statistic. Bottleneck shares appear as metric "bottleneck.<design>.<constraint>"
 * with statistic "share", milestones as "milestone.<id>" with "probability".
 */
export const CSV_HEADER = "scenario,metric,year,statistic,value";

export function summaryToCsv(summary: Summary): string {
  const id = csvField(summary.scenario.id);
  const rows: string[] = [CSV_HEADER];
  for (const [metric, byYear] of Object.entries(summary.metrics)) {
    for (const [year, stats] of Object.entries(byYear)) {
      for (const [statistic, value] of Object.entries(stats)) rows.push(`${id},${csvField(metric)},${year},${statistic},${value}`);
    }
  }
  for (const [design, byYear] of Object.entries(summary.bottlenecks)) {
    for (const [year, shares] of Object.entries(byYear)) {
      for (const [constraint, value] of Object.entries(shares)) rows.push(`${id},${csvField(`bottleneck.${design}.${constraint}`)},${year},share,${value}`);
    }
  }
  for (const [milestone, byYear] of Object.entries(summary.milestones)) {
    for (const [year, value] of Object.entries(byYear)) rows.push(`${id},${csvField(`milestone.${milestone}`)},${year},probability,${value}`);
  }
  return rows.join("\n") + "\n";
}

/** A CSV field, quoted when it holds a comma, a quote or a newline. */
export function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
