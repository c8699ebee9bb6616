import type { Tornado } from "../analysis/tornado.js";
import { metricName, type MetricLabels } from "../metrics/labels.js";
import { BASE_CONFIG, PALETTE, valueAxis, type ChartSpec } from "./palette.js";

/** The tornado: each parameter's output at its P10 and P90 around the all-medians value, longest bars first. */
export function tornadoChart(result: Tornado, metric: string, year: number, labels: MetricLabels, unit: string, top = 12): ChartSpec {
  const bars = result.bars.filter((b) => b.swing > 0).slice(0, top);
  const values = bars.flatMap((b, rank) => [
    { parameter: b.path, rank, end: "at P10", from: result.base, to: b.low },
    { parameter: b.path, rank, end: "at P90", from: result.base, to: b.high },
  ]);
  const { title, axis } = valueAxis(labels, metric, unit, `, ${year}`);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: `${metricName(labels, metric)} in ${year}: one parameter at a time (P10 to P90)`,
    width: 460,
    height: Math.max(120, 22 * bars.length),
    config: BASE_CONFIG,
    data: { values },
    layer: [
      {
        mark: { type: "bar", height: 14 },
        encoding: {
          y: { field: "parameter", type: "nominal", sort: { field: "rank", order: "ascending" }, title: null, axis: { labelLimit: 320 } },
          x: { field: "from", type: "quantitative", title, scale: { zero: false }, axis },
          x2: { field: "to" },
          color: { field: "end", type: "nominal", scale: { domain: ["at P10", "at P90"], range: [PALETTE[0], PALETTE[1]] }, title: null },
        },
      },
      { mark: { type: "rule", color: "black" }, encoding: { x: { datum: result.base, type: "quantitative" } } },
    ],
  };
}
