import type { ObservableRegistry } from "../model/observables.js";

/**
 * The outputs, declared in one place: each metric says how a calendar
 * year is made from quarters. Exports and summaries take their columns
 * from here.
 */
export type Aggregation =
  /** Sum of the year's four quarters (flows). */
  | { readonly kind: "sum"; readonly observable: number }
  /** Value in the year's last quarter (stocks). */
  | { readonly kind: "last"; readonly observable: number }
  /** Sum of one flow over the sum of another (shares, yields); 0 when the denominator is 0. */
  | { readonly kind: "ratio"; readonly numerator: number; readonly denominator: number };

export interface MetricDef {
  readonly id: string;
  readonly unit: string;
  readonly description: string;
  readonly aggregation: Aggregation;
}

/** Observables that only serve as the denominator of a ratio are not reported on their own. */
const INTERNAL_PREFIXES = ["candidates."];

export function buildMetricRegistry(observables: ObservableRegistry, designIds: readonly string[]): MetricDef[] {
  const metrics: MetricDef[] = [];
  observables.list.forEach((o, index) => {
    if (o.kind === "ratio" || INTERNAL_PREFIXES.some((p) => o.id.startsWith(p))) return;
    metrics.push({
      id: o.id,
      unit: o.unit,
      description: o.description,
      aggregation: o.kind === "flow" ? { kind: "sum", observable: index } : { kind: "last", observable: index },
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
    description: "Domestic share of AI accelerators deployed in China in the year (units).",
    aggregation: { kind: "ratio", numerator: need("accelerators.domestic"), denominator: need("accelerators.total") },
  });
  metrics.push({
    id: "share.domesticCompute",
    unit: "1",
    description: "Domestic share of AI compute added in China in the year (H100-equivalents).",
    aggregation: { kind: "ratio", numerator: need("compute.addedDomesticH100e"), denominator: need("compute.addedH100e") },
  });
  for (const id of designIds) {
    const dies = observables.indexOf(`dies.${id}`);
    const candidates = observables.indexOf(`candidates.${id}`);
    if (dies === undefined || candidates === undefined) continue;
    metrics.push({
      id: `yield.${id}`,
      unit: "1",
      description: `Good dies per candidate die of ${id} in the year (die yield).`,
      aggregation: { kind: "ratio", numerator: dies, denominator: candidates },
    });
  }
  return metrics;
}
