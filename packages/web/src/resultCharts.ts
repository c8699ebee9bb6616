import { bottleneckChart, fanChart, metricName, type ChartSpec, type MetricLabels, type Summary } from "@chipsim/core";
import { drawChart } from "./charts.js";
import { differenceChart } from "./differenceChart.js";
import { SHOWN_METRICS } from "./shownMetrics.js";

const CHART_WIDTH = 250;

/**
 * The baseline and the edited scenario side by side: a fan chart of each
 * shown metric (on one y scale per pair, so the eye compares like with
 * like) with the difference of their medians, and the binding-constraint
 * shares of all domestic designs.
 */
export async function renderResultCharts(host: HTMLElement, baseline: Summary, editedRun: Summary, labels: MetricLabels): Promise<void> {
  // The edited run carries the built-in scenario's title; the charts name it as edited.
  const edited: Summary = { ...editedRun, scenario: { ...editedRun.scenario, title: `${editedRun.scenario.title}, edited` } };
  const rows: { key: string; pair: [ChartSpec, ChartSpec]; difference?: ChartSpec; about: string }[] = SHOWN_METRICS.map((m) => {
    const label = metricName(labels, m.id);
    const pair: [ChartSpec, ChartSpec] = [fanChart(baseline, m.id, labels, `${label}: baseline`), fanChart(edited, m.id, labels, `${label}: edited`)];
    shareYScale(pair, [baseline, edited], m.id);
    return { key: m.id, pair, difference: differenceChart(baseline, edited, m.id, "Edited minus baseline", labels), about: label };
  });
  rows.push({ key: "bottlenecks", pair: [bottleneckChart(baseline), bottleneckChart(edited)], about: "Binding-constraint shares of domestic designs" });
  const draws: Promise<void>[] = [];
  for (const row of rows) {
    const figure = rowElement(host, row.key);
    const [left, right, difference] = [...figure.querySelectorAll<HTMLElement>(".chart")] as [HTMLElement, HTMLElement, HTMLElement];
    // The bottleneck charts carry a legend beside them: narrower, so a pair still fits in a row.
    row.pair.forEach((spec) => (spec["width"] = row.key === "bottlenecks" ? CHART_WIDTH - 90 : CHART_WIDTH));
    draws.push(drawChart(left, row.pair[0], `${row.about}, baseline: P5 to P95 bands and the median by year`));
    draws.push(drawChart(right, row.pair[1], `${row.about}, edited scenario: P5 to P95 bands and the median by year`));
    if (row.difference) draws.push(drawChart(difference, row.difference, `${row.about}: the edited scenario's median minus the baseline's, by year`));
  }
  await Promise.all(draws);
}

function rowElement(host: HTMLElement, key: string): HTMLElement {
  const existing = host.querySelector<HTMLElement>(`[data-chart-row="${key}"]`);
  if (existing) return existing;
  const figure = document.createElement("div");
  figure.className = "chart-row";
  figure.dataset["chartRow"] = key;
  figure.innerHTML = `<div class="chart" data-side="baseline"></div><div class="chart" data-side="edited"></div><div class="chart" data-side="difference"></div>`;
  host.append(figure);
  return figure;
}

function shareYScale(pair: readonly ChartSpec[], summaries: readonly Summary[], metric: string): void {
  const series = summaries.flatMap((s) => Object.values(s.metrics[metric] ?? {}));
  const low = Math.min(0, ...series.map((v) => v.p5));
  const high = Math.max(...series.map((v) => v.p95));
  if (!Number.isFinite(high) || high <= low) return;
  for (const spec of pair) {
    const first = (spec["layer"] as { encoding: { y: Record<string, unknown> } }[] | undefined)?.[0];
    if (first) first.encoding.y["scale"] = { domain: [low, high] };
  }
}
