import { NUMBER_AXIS_LABEL, PALETTE, SHARE_DIFFERENCE_AXIS_LABEL, type ChartSpec, type MetricLabels, type Summary } from "@chipsim/core";

/**
 * The edited scenario's median minus the baseline's, year by year, as bars:
 * blue above zero, vermilion below (Okabe-Ito, told apart with any common
 * colour-blindness; the axis gives the sign too).
 */
export function differenceChart(baseline: Summary, edited: Summary, metric: string, title: string, labels: MetricLabels): ChartSpec {
  const values = Object.entries(edited.metrics[metric] ?? {}).map(([year, s]) => {
    const difference = s.p50 - (baseline.metrics[metric]?.[year]?.p50 ?? Number.NaN);
    return { year: Number(year), difference, direction: difference >= 0 ? "higher" : "lower" };
  });
  const unit = edited.units[metric] ?? "";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 170,
    height: 260,
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: { field: "year", type: "ordinal", title: "year", axis: { labelAngle: 0, values: values.map((v) => v.year).filter((y) => y % 2 === 0) } },
      y: {
        field: "difference",
        type: "quantitative",
        title: ["difference of medians", unit === "1" ? "percentage points" : (labels[metric]?.unitLabel ?? unit)],
        axis: { labelExpr: unit === "1" ? SHARE_DIFFERENCE_AXIS_LABEL : `(datum.value > 0 ? '+' : '') + (${NUMBER_AXIS_LABEL})` },
      },
      color: { field: "direction", type: "nominal", scale: { domain: ["higher", "lower"], range: [PALETTE[0], PALETTE[3]] }, legend: null },
    },
  };
}
