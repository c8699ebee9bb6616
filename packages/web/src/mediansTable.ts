import type { Summary } from "@chipsim/core";
import { formatDifference, formatValue } from "./format.js";
import { SHOWN_METRICS, TABLE_YEARS } from "./shownMetrics.js";

/**
 * Baseline and edited side by side, each as its median (with the unit) and
 * its P5-P95 range, with the difference of the medians, for the shown
 * metrics and years. The difference has no range here: the P5-P95 of a difference needs
 * each run's two values paired (`chipsim compare`), not the two summaries.
 */
export function renderMediansTable(host: HTMLElement, baseline: Summary, edited: Summary): void {
  const table = document.createElement("table");
  table.className = "medians";
  table.innerHTML = `<caption>Medians and P5–P95 ranges over ${edited.scenario.runs.toLocaleString("en")} runs (seed ${String(edited.scenario.seed)})</caption>
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
      row.insertCell().textContent = metric.label;
      row.insertCell().textContent = String(year);
      for (const [which, stats] of [["baseline", before], ["edited", after]] as const) {
        cell(row, { median: which, metric: metric.id, year: String(year), value: String(stats.p50) }).textContent = formatValue(stats.p50, unit);
        const range = cell(row, { range: which, metric: metric.id, year: String(year), p5: String(stats.p5), p95: String(stats.p95) });
        range.className = "range";
        range.textContent = formatRange(stats.p5, stats.p95, unit);
      }
      const diff = row.insertCell();
      diff.textContent = formatDifference(after.p50, before.p50, unit);
      diff.className = after.p50 > before.p50 ? "up" : after.p50 < before.p50 ? "down" : "";
    }
  }
  host.replaceChildren(table);
}

/** "661K–1.98M", "72.1%–94.8%": both ends with the page's formatter, in the unit of the median beside them. */
function formatRange(low: number, high: number, unit: string): string {
  const bare = unit === "1" ? unit : "";
  return `${formatValue(low, bare)}–${formatValue(high, bare)}`;
}

function cell(row: HTMLTableRowElement, data: Record<string, string>): HTMLTableCellElement {
  const td = row.insertCell();
  for (const [key, value] of Object.entries(data)) td.dataset[key] = value;
  return td;
}
