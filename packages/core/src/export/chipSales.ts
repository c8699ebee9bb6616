import { csvField } from "./csv.js";
import { QUARTER_SUFFIXES as QUARTERS } from "../metrics/registry.js";
import type { Summary } from "./summary.js";

/** A design and who designs it, as the summary frame carries them. */
export interface ChipOwner {
  readonly id: string;
  readonly designer: string;
}

export const CHIP_SALES_HEADER = "scenario,designer,chip,year,quarter,quantity,unit,p5,p50,p95,mean";


/** What chip_sales.csv reports for each chip, and the metric it reads per chip and per designer. */
const QUANTITIES = [
  { quantity: "units", unit: "accelerator", chip: "accelerators", designer: "accelerators" },
  { quantity: "unitsCumulative", unit: "accelerator", chip: undefined, designer: "acceleratorsCumulative" },
  { quantity: "H100e", unit: "H100e", chip: "h100e", designer: "H100e" },
  { quantity: "revenue", unit: "USD", chip: "revenue", designer: "revenueUSD" },
] as const;

/**
 * chip_sales.csv: deployments in China per chip and per designer, year by
 * year, in units, H100-equivalents and money paid, each with its P5, P50,
 * P95 and mean over runs: the shape in which public chip-sales data (Epoch
 * AI's, for one) counts accelerators, so the two can be set side by side.
 * A designer's own row has chip "all"; its cumulative units (from 2024)
 * are given only for the designer. A year's row has an empty quarter;
 * with the scenario's `quarterly`, each designer's year is followed by its
 * quarters (Q1 ... Q4), which sum to it. Rows come in the summary's order
 * of designs and years, so equal summaries give equal bytes.
 */
export function chipSalesToCsv(summary: Summary, designs: readonly ChipOwner[], designerIdOf: (name: string) => string): string {
  const scenario = csvField(summary.scenario.id);
  const rows: string[] = [CHIP_SALES_HEADER];
  const push = (designer: string, chip: string, metric: string, quantity: string, unit: string) => {
    const byYear = summary.metrics[metric];
    if (!byYear) return;
    const byQuarter = QUARTERS.map((quarter) => summary.metrics[`${metric}.${quarter}`]);
    const prefix = `${scenario},${csvField(designer)},${csvField(chip)},`;
    for (const [year, s] of Object.entries(byYear)) {
      rows.push(`${prefix}${year},,${quantity},${unit},${s.p5},${s.p50},${s.p95},${s.mean}`);
      byQuarter.forEach((quarters, k) => {
        const sq = quarters?.[year];
        if (sq) rows.push(`${prefix}${year},${QUARTERS[k]},${quantity},${unit},${sq.p5},${sq.p50},${sq.p95},${sq.mean}`);
      });
    }
  };
  const designers: string[] = [];
  for (const { designer } of designs) if (!designers.includes(designer)) designers.push(designer);
  for (const designer of designers) {
    for (const { id } of designs.filter((d) => d.designer === designer)) {
      for (const q of QUANTITIES) if (q.chip) push(designer, id, `${q.chip}.${id}`, q.quantity, q.unit);
    }
    for (const q of QUANTITIES) push(designer, "all", `designer.${designerIdOf(designer)}.${q.designer}`, q.quantity, q.unit);
  }
  return rows.join("\n") + "\n";
}

