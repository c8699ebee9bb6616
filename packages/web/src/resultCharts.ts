import { bottleneckChart, fanChart, metricName, type ChartSpec, type MetricLabels, type Summary } from "@chipsim/core";
import { drawChart } from "./charts.js";
import { differenceChart } from "./differenceChart.js";
import { SHOWN_METRICS } from "./shownMetrics.js";

const CHART_WIDTH = 250;

/**
 * The binding-constraint charts: the baseline's and the edited scenario's
 * side by side, each as wide as half the results column allows (a plot of
 * BOTTLENECK_MIN_WIDTH to BOTTLENECK_MAX_WIDTH pixels, the legend below
 * it in four columns, so that the plot has the width), as tall as the fan
 * charts, with a label on every other year.
 */
export const BOTTLENECK_MIN_WIDTH = 300;
const BOTTLENECK_MAX_WIDTH = 480;
export const BOTTLENECK_HEIGHT = 260;
/** What a bottleneck chart takes beside its plot: the y axis with its title, and half the gap between the charts. */
const BOTTLENECK_FRAME = 75;

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
  const bottlenecks: [ChartSpec, ChartSpec] = [bottleneckChart(baseline), bottleneckChart(edited)];
  const plotWidth = Math.max(BOTTLENECK_MIN_WIDTH, Math.min(BOTTLENECK_MAX_WIDTH, Math.floor(host.clientWidth / 2) - BOTTLENECK_FRAME));
  bottlenecks.forEach((spec, i) => sizeBottleneckChart(spec, i === 0 ? "baseline" : "edited", plotWidth, Object.keys(baseline.bottlenecks["all"] ?? {}).map(Number)));
  rows.push({ key: "bottlenecks", pair: bottlenecks, about: "Binding-constraint shares of domestic designs" });
  const draws: Promise<void>[] = [];
  for (const row of rows) {
    const figure = rowElement(host, row.key);
    const [left, right, difference] = [...figure.querySelectorAll<HTMLElement>(".chart")] as [HTMLElement, HTMLElement, HTMLElement | undefined];
    if (row.key !== "bottlenecks") row.pair.forEach((spec) => (spec["width"] = CHART_WIDTH));
    const shows = row.key === "bottlenecks" ? "the share of design-quarters each constraint bound, by year" : "P5 to P95 bands and the median by year";
    draws.push(drawChart(left, row.pair[0], `${row.about}, baseline: ${shows}`));
    draws.push(drawChart(right, row.pair[1], `${row.about}, edited scenario: ${shows}`));
    if (row.difference && difference) draws.push(drawChart(difference, row.difference, `${row.about}: the edited scenario's median minus the baseline's, by year`));
  }
  await Promise.all(draws);
}

function rowElement(host: HTMLElement, key: string): HTMLElement {
  const existing = host.querySelector<HTMLElement>(`[data-chart-row="${key}"]`);
  if (existing) return existing;
  const figure = document.createElement("div");
  figure.className = "chart-row";
  figure.dataset["chartRow"] = key;
  figure.innerHTML = `<div class="chart" data-side="baseline"></div><div class="chart" data-side="edited"></div>${key === "bottlenecks" ? "" : `<div class="chart" data-side="difference"></div>`}`;
  host.append(figure);
  return figure;
}

/** A bottleneck chart laid out for the page: the plot's width and height, a short title (which side), a year label every other year, the legend below. */
function sizeBottleneckChart(spec: ChartSpec, side: "baseline" | "edited", width: number, years: readonly number[]): void {
  spec["width"] = width;
  spec["height"] = BOTTLENECK_HEIGHT;
  spec["title"] = `What limits domestic output: ${side}`;
  const encoding = spec["encoding"] as { x: { axis?: Record<string, unknown> }; color: { legend?: Record<string, unknown> } };
  encoding.x.axis = { ...encoding.x.axis, values: years.filter((y) => y % 2 === 0) };
  encoding.color.legend = { orient: "bottom", direction: "horizontal", columns: 4, symbolType: "square" };
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
