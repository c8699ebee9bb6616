import { CONSTRAINTS } from "../model/constraints.js";
import type { Summary } from "../export/summary.js";
import { BASE_CONFIG, PALETTE, type ChartSpec } from "./palette.js";

/** The binding-constraint shares of a design (or "all" domestic designs) per year, as a stacked area. */
export function bottleneckChart(summary: Summary, design = "all"): ChartSpec {
  const byYear = summary.bottlenecks[design];
  if (!byYear) throw new Error(`no bottlenecks for ${design}`);
  const values = Object.entries(byYear).flatMap(([year, shares]) =>
    Object.entries(shares).map(([constraint, share]) => ({ year: Number(year), constraint, share: share ?? 0 })),
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: `What limits output: ${design === "all" ? "all domestic designs" : design} (${summary.scenario.title})`,
    width: 560,
    height: 220,
    config: BASE_CONFIG,
    data: { values },
    mark: { type: "area" },
    encoding: {
      x: { field: "year", type: "quantitative", title: "year", axis: { format: "d", tickMinStep: 1 } },
      y: { field: "share", type: "quantitative", stack: "normalize", title: "share of design-quarters", axis: { format: "%" } },
      color: { field: "constraint", type: "nominal", scale: { domain: [...CONSTRAINTS], range: [...PALETTE] }, title: "binding constraint" },
      order: { field: "constraint" },
    },
  };
}
