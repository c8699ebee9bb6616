import type { ObservableRegistry } from "../model/observables.js";
import { designName } from "./labels.js";

/**
 * The outputs, declared in one place: each metric says how a calendar
 * year is made from quarters. Exports and summaries take their columns
 * from here.
 */
export type Aggregation =
  /** Sum over the year's four quarters of the sum of these flows. */
  | { readonly kind: "sum"; readonly observables: readonly number[] }
  /** Sum of these flows from the first quarter of the run to the end of the year. */
  | { readonly kind: "cumulative"; readonly observables: readonly number[] }
  /** Value in the year's last quarter (stocks). */
  | { readonly kind: "last"; readonly observable: number }
  /** Yearly sum of some flows over the yearly sum of others (shares, yields); 0 when the denominator is 0. */
  | { readonly kind: "ratio"; readonly numerator: readonly number[]; readonly denominator: readonly number[] }
  /** Sum of these flows in one quarter of the year (0 for January-March ... 3 for October-December). */
  | { readonly kind: "quarter"; readonly quarter: number; readonly observables: readonly number[] };

/** A design and who designs it, for the per-designer totals. */
export interface DesignOwner {
  readonly id: string;
  readonly designer: string;
}

export interface MetricDef {
  readonly id: string;
  readonly unit: string;
  /** What tables and charts call it ("Domestic AI accelerators deployed"); the id stays the name in machine formats. */
  readonly label: string;
  /** Its unit in words, with how the year is made ("units per year", "H100-equivalents, year end", "share of units"). */
  readonly unitLabel: string;
  readonly description: string;
  readonly aggregation: Aggregation;
}

/** Observables that only serve as the denominator of a ratio are not reported on their own. */
const INTERNAL_PREFIXES = ["candidates."];

export interface RegistryOptions {
  /** Also each designer's units, H100-equivalents and sales per quarter of the year (the scenario's `quarterly`). */
  readonly quarterly?: boolean;
}

export function buildMetricRegistry(observables: ObservableRegistry, designs: readonly DesignOwner[], options: RegistryOptions = {}): MetricDef[] {
  const metrics: MetricDef[] = [];
  observables.list.forEach((o, index) => {
    if (o.kind === "ratio" || INTERNAL_PREFIXES.some((p) => o.id.startsWith(p))) return;
    metrics.push({
      id: o.id,
      unit: o.unit,
      label: o.label,
      unitLabel: o.unitLabel,
      description: o.description,
      aggregation: o.kind === "flow" ? { kind: "sum", observables: [index] } : { kind: "last", observable: index },
    });
  });
  const need = (id: string): number => {
    const i = observables.indexOf(id);
    if (i === undefined) throw new Error(`metric needs observable ${id}`);
    return i;
  };
  metrics.push({
    id: "share.domestic",
    unit: "1",
    label: "Domestic share of AI accelerators deployed",
    unitLabel: "share of units",
    description: "Domestic share of AI accelerators deployed in China in the year (units).",
    aggregation: { kind: "ratio", numerator: [need("accelerators.domestic")], denominator: [need("accelerators.total")] },
  });
  metrics.push({
    id: "share.domesticCompute",
    unit: "1",
    label: "Domestic share of AI compute added",
    unitLabel: "share of H100-equivalents",
    description: "Domestic share of AI compute added in China in the year (H100-equivalents).",
    aggregation: { kind: "ratio", numerator: [need("compute.addedDomesticH100e")], denominator: [need("compute.addedH100e")] },
  });
  for (const { id, designer } of designs) {
    const dies = observables.indexOf(`dies.${id}`);
    const candidates = observables.indexOf(`candidates.${id}`);
    if (dies === undefined || candidates === undefined) continue;
    metrics.push({
      id: `yield.${id}`,
      unit: "1",
      label: `${designName(id, designer)} die yield`,
      unitLabel: "good dies per candidate die",
      description: `Good dies per candidate die of ${id} in the year (die yield).`,
      aggregation: { kind: "ratio", numerator: [dies], denominator: [candidates] },
    });
  }
  metrics.push(...designerMetrics(designs, need));
  if (options.quarterly) metrics.push(...designerQuarterMetrics(designs, need));
  return metrics;
}

/**
 * Totals by designer, which is how the reporting counts ("Ascend units",
 * "Huawei's share of the market"): accelerators deployed in the year and
 * since 2024, compute dies in them, H100-equivalents, sales, and the
 * designer's share of all accelerators deployed in China and of the money
 * paid for them.
 */
function designerMetrics(designs: readonly DesignOwner[], need: (id: string) => number): MetricDef[] {
  const byDesigner = designersOf(designs);
  const metrics: MetricDef[] = [];
  const allRevenue = designs.map(({ id }) => need(`revenue.${id}`));
  for (const [designer, { name, ids }] of byDesigner) {
    const units = ids.map((id) => need(`accelerators.${id}`));
    const revenue = ids.map((id) => need(`revenue.${id}`));
    metrics.push({
      id: `designer.${designer}.accelerators`,
      unit: "accelerator",
      label: `${name} accelerators deployed`,
      unitLabel: "units per year",
      description: `Accelerators of ${name}'s designs deployed in China.`,
      aggregation: { kind: "sum", observables: units },
    });
    metrics.push({
      id: `designer.${designer}.dies`,
      unit: "die",
      label: `${name} compute dies deployed`,
      unitLabel: "dies per year",
      description: `Compute dies in the accelerators of ${name}'s designs deployed in China.`,
      aggregation: { kind: "sum", observables: ids.map((id) => need(`diesDeployed.${id}`)) },
    });
    metrics.push({
      id: `share.designer.${designer}`,
      unit: "1",
      label: `${name}'s share of AI accelerators deployed`,
      unitLabel: "share of units",
      description: `${name}'s share of the AI accelerators deployed in China (units).`,
      aggregation: { kind: "ratio", numerator: units, denominator: [need("accelerators.total")] },
    });
    metrics.push({
      id: `designer.${designer}.acceleratorsCumulative`,
      unit: "accelerator",
      label: `${name} accelerators deployed since 2024`,
      unitLabel: "units to the end of the year",
      description: `Accelerators of ${name}'s designs deployed in China from the start of the run to the end of the year.`,
      aggregation: { kind: "cumulative", observables: units },
    });
    metrics.push({
      id: `designer.${designer}.H100e`,
      unit: "H100e",
      label: `${name} compute added`,
      unitLabel: "H100-equivalents per year",
      description: `Compute added in China by ${name}'s designs, in H100-equivalents.`,
      aggregation: { kind: "sum", observables: ids.map((id) => need(`h100e.${id}`)) },
    });
    metrics.push({
      id: `designer.${designer}.revenueUSD`,
      unit: "USD",
      label: `${name} sales in China`,
      unitLabel: "USD per year",
      description: `Money buyers in China paid for ${name}'s accelerators deployed (scarcity premium included; for imports, before the US revenue share).`,
      aggregation: { kind: "sum", observables: revenue },
    });
    metrics.push({
      id: `share.designer.${designer}.revenue`,
      unit: "1",
      label: `${name}'s share of AI accelerator sales`,
      unitLabel: "share of money paid",
      description: `${name}'s share of the money paid for AI accelerators deployed in China.`,
      aggregation: { kind: "ratio", numerator: revenue, denominator: allRevenue },
    });
  }
  return metrics;
}

const QUARTER_WORDS = ["first", "second", "third", "fourth"] as const;
/** What a designer's one-quarter metric adds to the year's metric id: designer.<name>.<quantity>.Q1 ... .Q4. */
export const QUARTER_SUFFIXES = ["Q1", "Q2", "Q3", "Q4"] as const;

/**
 * The designers' units, H100-equivalents and sales per quarter of each
 * year, as quarterly reporting (company results, Epoch AI's chip sales)
 * counts them: designer.<designer>.<quantity>.Q1 to .Q4. Their sum over a
 * year's quarters is the year's figure. Opt-in, since they add twelve
 * metrics per designer to every summary and per-run file.
 */
function designerQuarterMetrics(designs: readonly DesignOwner[], need: (id: string) => number): MetricDef[] {
  const metrics: MetricDef[] = [];
  for (const [designer, { name, ids }] of designersOf(designs)) {
    const quantities = [
      { quantity: "accelerators", unit: "accelerator", what: "accelerators deployed", unitWords: "units", of: "accelerators" },
      { quantity: "H100e", unit: "H100e", what: "compute added", unitWords: "H100-equivalents", of: "h100e" },
      { quantity: "revenueUSD", unit: "USD", what: "sales in China", unitWords: "USD", of: "revenue" },
    ] as const;
    for (const { quantity, unit, what, unitWords, of } of quantities) {
      QUARTER_WORDS.forEach((word, quarter) => {
        metrics.push({
          id: `designer.${designer}.${quantity}.${QUARTER_SUFFIXES[quarter]}`,
          unit,
          label: `${name} ${what}, ${QUARTER_SUFFIXES[quarter]}`,
          unitLabel: `${unitWords} in the year's ${word} quarter`,
          description: `designer.${designer}.${quantity} in the ${word} quarter of the year only.`,
          aggregation: { kind: "quarter", quarter, observables: ids.map((id) => need(`${of}.${id}`)) },
        });
      });
    }
  }
  return metrics;
}

/** Designs grouped by designer id, in the order designers first appear, with the designer's name as written. */
function designersOf(designs: readonly DesignOwner[]): Map<string, { name: string; ids: string[] }> {
  const byDesigner = new Map<string, { name: string; ids: string[] }>();
  for (const { id, designer } of designs) {
    const key = designerId(designer);
    byDesigner.set(key, { name: byDesigner.get(key)?.name ?? designer, ids: [...(byDesigner.get(key)?.ids ?? []), id] });
  }
  return byDesigner;
}

/** "Huawei" -> "huawei", "Moore Threads" -> "moore-threads". */
export function designerId(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
