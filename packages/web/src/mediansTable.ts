import { metricTitle, type MetricLabels, type Summary } from "@chipsim/core";
import { formatDifference, formatMetricValue } from "./format.js";
import { SHOWN_METRICS, TABLE_YEARS } from "./shownMetrics.js";

/** Baseline and edited medians side by side, with the difference, for the shown metrics and years. */
export function renderMediansTable(host: HTMLElement, baseline: Summary, edited: Summary, labels: MetricLabels): void {
  const table = document.createElement("table");
  table.className = "medians";
  table.innerHTML = `<caption>Medians over ${edited.scenario.runs.toLocaleString("en")} runs (seed ${String(edited.scenario.seed)}), in ${TABLE_YEARS.slice(0, -1).join(", ")} and ${String(TABLE_YEARS[TABLE_YEARS.length - 1])} only; the charts show every year</caption>
    <thead><tr><th scope="col">Metric</th><th scope="col">Year</th><th scope="col">Baseline</th><th scope="col">Edited</th><th scope="col">Difference</th></tr></thead>`;
  const body = table.createTBody();
  for (const metric of SHOWN_METRICS) {
    const unit = edited.units[metric.id] ?? "";
    for (const year of TABLE_YEARS) {
      const before = baseline.metrics[metric.id]?.[String(year)]?.p50;
      const after = edited.metrics[metric.id]?.[String(year)]?.p50;
      if (before === undefined || after === undefined) continue;
      const row = body.insertRow();
      row.insertCell().textContent = metricTitle(labels, metric.id);
      row.insertCell().textContent = String(year);
      cell(row, "baseline", metric.id, year, before).textContent = formatMetricValue(before, unit);
      cell(row, "edited", metric.id, year, after).textContent = formatMetricValue(after, unit);
      const diff = row.insertCell();
      const se = Math.max(baseline.precision[metric.id]?.[String(year)]?.seMedian ?? 0, edited.precision[metric.id]?.[String(year)]?.seMedian ?? 0);
      diff.textContent = formatDifference(after, before, unit, se);
      diff.className = after > before ? "up" : after < before ? "down" : "";
    }
  }
  host.replaceChildren(table);
}

function cell(row: HTMLTableRowElement, which: "baseline" | "edited", metric: string, year: number, value: number): HTMLTableCellElement {
  const td = row.insertCell();
  td.dataset["median"] = which;
  td.dataset["metric"] = metric;
  td.dataset["year"] = String(year);
  td.dataset["value"] = String(value);
  return td;
}
