import { metricTitle, type MetricLabels, type Summary } from "@chipsim/core";
import { formatDifference, formatMetricValue } from "./format.js";
import { SHOWN_METRICS, TABLE_YEARS } from "./shownMetrics.js";

/**
 * Baseline and edited side by side, each as its median and its P5-P95
 * range, with the difference of the medians, for the shown metrics and
 * years. The difference has no range here: the P5-P95 of a difference needs
 * each run's two values paired (`chipsim compare`), not the two summaries.
 */
export function renderMediansTable(host: HTMLElement, baseline: Summary, edited: Summary, labels: MetricLabels): void {
  const table = document.createElement("table");
  table.className = "medians";
  const years = `${TABLE_YEARS.slice(0, -1).join(", ")} and ${String(TABLE_YEARS[TABLE_YEARS.length - 1])}`;
  table.innerHTML = `<caption>Medians and P5–P95 ranges over ${edited.scenario.runs.toLocaleString("en")} runs (seed ${String(edited.scenario.seed)}), in ${years} only; the charts show every year</caption>
    <thead>
      <tr><th scope="col" rowspan="2">Metric</th><th scope="col" rowspan="2">Year</th><th scope="colgroup" colspan="2">Baseline</th><th scope="colgroup" colspan="2">Edited</th><th scope="col" rowspan="2">Difference of medians</th></tr>
      <tr><th scope="col">Median</th><th scope="col">P5–P95</th><th scope="col">Median</th><th scope="col">P5–P95</th></tr>
    </thead>`;
  const body = table.createTBody();
  for (const metric of SHOWN_METRICS) {
    const unit = edited.units[metric.id] ?? "";
    for (const year of TABLE_YEARS) {
      const before = baseline.metrics[metric.id]?.[String(year)];
      const after = edited.metrics[metric.id]?.[String(year)];
      if (before === undefined || after === undefined) continue;
      const row = body.insertRow();
      row.insertCell().textContent = metricTitle(labels, metric.id);
      row.insertCell().textContent = String(year);
      for (const [which, stats] of [["baseline", before], ["edited", after]] as const) {
        cell(row, { median: which, metric: metric.id, year: String(year), value: String(stats.p50) }).textContent = formatMetricValue(stats.p50, unit);
        const range = cell(row, { range: which, metric: metric.id, year: String(year), p5: String(stats.p5), p95: String(stats.p95) });
        range.className = "range";
        range.textContent = `${formatMetricValue(stats.p5, unit)}–${formatMetricValue(stats.p95, unit)}`;
      }
      const diff = row.insertCell();
      const se = Math.max(baseline.precision[metric.id]?.[String(year)]?.seMedian ?? 0, edited.precision[metric.id]?.[String(year)]?.seMedian ?? 0);
      diff.textContent = formatDifference(after.p50, before.p50, unit, se);
      diff.className = after.p50 > before.p50 ? "up" : after.p50 < before.p50 ? "down" : "";
    }
  }
  host.replaceChildren(table);
}

function cell(row: HTMLTableRowElement, data: Record<string, string>): HTMLTableCellElement {
  const td = row.insertCell();
  for (const [key, value] of Object.entries(data)) td.dataset[key] = value;
  return td;
}
