import { PALETTE, type ChartSpec, type Summary } from "@chipsim/core";

/**
 * The edited scenario's median minus the baseline's, year by year, as bars:
 * blue above zero, vermilion below (Okabe-Ito, told apart with any common
 * colour-blindness; the axis gives the sign too).
 */
export function differenceChart(baseline: Summary, edited: Summary, metric: string, title: string): ChartSpec {
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
      y: { field: "difference", type: "quantitative", title: unit === "1" ? "difference of medians (share)" : `difference of medians (${unit})`, axis: { format: unit === "1" ? "+.1%" : "+~s" } },
      color: { field: "direction", type: "nominal", scale: { domain: ["higher", "lower"], range: [PALETTE[0], PALETTE[3]] }, legend: null },
    },
  };
}
