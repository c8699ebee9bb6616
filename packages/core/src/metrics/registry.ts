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
  /** Value in the year's last quarter (stocks). */
  | { readonly kind: "last"; readonly observable: number }
  /** Yearly sum of some flows over the yearly sum of others (shares, yields); 0 when the denominator is 0. */
  | { readonly kind: "ratio"; readonly numerator: readonly number[]; readonly denominator: readonly number[] };

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

export function buildMetricRegistry(observables: ObservableRegistry, designs: readonly DesignOwner[]): MetricDef[] {
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
  return metrics;
}

/**
 * Totals by designer, which is how the reporting counts ("Ascend units",
 * "Huawei's share of the market"): accelerators deployed, compute dies in
 * them, and the designer's share of all accelerators deployed in China.
 */
function designerMetrics(designs: readonly DesignOwner[], need: (id: string) => number): MetricDef[] {
  const byDesigner = new Map<string, { name: string; ids: string[] }>();
  for (const { id, designer } of designs) {
    const key = designerId(designer);
    byDesigner.set(key, { name: byDesigner.get(key)?.name ?? designer, ids: [...(byDesigner.get(key)?.ids ?? []), id] });
  }
  const metrics: MetricDef[] = [];
  for (const [designer, { name, ids }] of byDesigner) {
    const units = ids.map((id) => need(`accelerators.${id}`));
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
  }
  return metrics;
}

/** "Huawei" -> "huawei", "Moore Threads" -> "moore-threads". */
export function designerId(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
