import type { Summary } from "../export/summary.js";
import { metricName, type MetricLabels } from "../metrics/labels.js";
import { BASE_CONFIG, PALETTE, valueAxis, type ChartSpec } from "./palette.js";

/**
 * A fan chart of one metric over the years: the P5-P95 band, the P25-P75
 * band and the median. The y axis names the metric and its unit in words.
 */
export function fanChart(summary: Summary, metric: string, labels: MetricLabels, title?: string): ChartSpec {
  const byYear = summary.metrics[metric];
  if (!byYear) throw new Error(`no metric ${metric}`);
  const values = Object.entries(byYear).map(([year, s]) => ({ year: Number(year), p5: s.p5, p25: s.p25, p50: s.p50, p75: s.p75, p95: s.p95 }));
  const unit = summary.units[metric] ?? "";
  const x = { field: "year", type: "quantitative", title: "year", axis: { format: "d", tickMinStep: 1 } };
  const colour = PALETTE[0];
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: title ?? `${metricName(labels, metric)} (${summary.scenario.title})`,
    width: 560,
    height: 260,
    config: BASE_CONFIG,
    data: { values },
    encoding: { x },
    layer: [
      {
        mark: { type: "area", opacity: 0.18, color: colour },
        encoding: { y: { field: "p5", type: "quantitative", ...valueAxis(labels, metric, unit) }, y2: { field: "p95" } },
      },
      { mark: { type: "area", opacity: 0.35, color: colour }, encoding: { y: { field: "p25", type: "quantitative" }, y2: { field: "p75" } } },
      { mark: { type: "line", color: colour, strokeWidth: 2 }, encoding: { y: { field: "p50", type: "quantitative" } } },
    ],
  };
}

/** Several scenarios' medians and P5-P95 bands of one metric on one chart. */
export function overlayChart(summaries: readonly Summary[], metric: string, labels: MetricLabels): ChartSpec {
  const values = summaries.flatMap((s) =>
    Object.entries(s.metrics[metric] ?? {}).map(([year, v]) => ({ scenario: s.scenario.id, year: Number(year), p5: v.p5, p50: v.p50, p95: v.p95 })),
  );
  const unit = summaries[0]?.units[metric] ?? "";
  const colour = { field: "scenario", type: "nominal", scale: { range: [...PALETTE] }, title: "scenario" };
  const x = { field: "year", type: "quantitative", title: "year", axis: { format: "d", tickMinStep: 1 } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: `${metricName(labels, metric)}: scenarios compared`,
    width: 560,
    height: 260,
    config: BASE_CONFIG,
    data: { values },
    encoding: { x, color: colour },
    layer: [
      {
        mark: { type: "area", opacity: 0.15 },
        encoding: { y: { field: "p5", type: "quantitative", ...valueAxis(labels, metric, unit) }, y2: { field: "p95" } },
      },
      { mark: { type: "line", strokeWidth: 2 }, encoding: { y: { field: "p50", type: "quantitative" } } },
    ],
  };
}
