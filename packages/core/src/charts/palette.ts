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
