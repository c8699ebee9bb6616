import { NUMBER_AXIS_LABEL } from "../format/numbers.js";
import type { MetricLabels } from "../metrics/labels.js";

/** Okabe-Ito colours: distinguishable with the common forms of colour-blindness. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"] as const;

/** A Vega-Lite specification, kept as plain data so the engine needs no charting library. */
export type ChartSpec = Record<string, unknown>;

export const BASE_CONFIG = {
  background: "white",
  font: "Helvetica, Arial, sans-serif",
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: "#e6e6e6" },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: "start" },
  view: { stroke: null },
} as const;

/**
 * The title and labels of an axis that shows a metric's values: the
 * metric's label and its unit in words on two lines, shares as
 * percentages, other numbers as the tables give them (540k, 1.23M, 28B).
 */
export function valueAxis(labels: MetricLabels, metric: string, unit: string, suffix = ""): { title: string[]; axis: Record<string, unknown> } {
  const l = labels[metric];
  const title = l ? [l.label, `${l.unitLabel}${suffix}`] : [metric, `${unit === "1" ? "share" : unit}${suffix}`];
  return { title, axis: unit === "1" ? { format: "%" } : { labelExpr: NUMBER_AXIS_LABEL } };
}
