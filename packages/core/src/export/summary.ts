import { CONSTRAINTS, type Constraint } from "../model/constraints.js";
import type { CompiledModel } from "../model/compileModel.js";
import type { MonteCarloAggregate } from "../montecarlo/aggregate.js";
import type { SeriesPrecision, SeriesSummary } from "../stats/seriesStore.js";
import { START_YEAR } from "../time/index.js";

export const DOMESTIC_CONSTRAINTS: readonly Constraint[] = ["litho", "fab", "hbm", "packaging", "power", "demand"];
export const IMPORT_CONSTRAINTS: readonly Constraint[] = ["policy", "demand", "power"];
export const MILESTONES = ["domesticEuvReady", "domesticSupplyExceedsDemand"] as const;

export type QuantileMethod = { readonly method: "exact" } | { readonly method: "sketch"; readonly relativeError: number };

/**
 * The result of a scenario run, as written to summary.json. Years are keys
 * such as "2028"; every number is a plain double, so the same scenario and
 * seed give the same text.
 */
export interface Summary {
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly seed: number | string;
    readonly runs: number;
    readonly horizon: number;
    readonly firstYear: number;
    readonly parameters: number;
    readonly quantiles: QuantileMethod;
  };
  readonly units: Record<string, string>;
  readonly metrics: Record<string, Record<string, SeriesSummary>>;
  /** Monte Carlo standard errors of each metric's mean and median: whether the runs were enough. */
  readonly precision: Record<string, Record<string, SeriesPrecision>>;
  /** Per design (and "all" domestic designs): share of shipping quarters in which each constraint bound. */
  readonly bottlenecks: Record<string, Record<string, Partial<Record<Constraint, number>>>>;
  /** Probability that each milestone has been reached by the end of each year. */
  readonly milestones: Record<(typeof MILESTONES)[number], Record<string, number>>;
}

export function summarize(model: CompiledModel, aggregate: MonteCarloAggregate, seed: number | string): Summary {
  const { years } = aggregate;
  const yearKey = (y: number) => String(START_YEAR + y);
  const metrics: Summary["metrics"] = {};
  const precision: Summary["precision"] = {};
  const units: Summary["units"] = {};
  model.metrics.forEach((m, k) => {
    units[m.id] = m.unit;
    const byYear: Record<string, SeriesSummary> = {};
    const seByYear: Record<string, SeriesPrecision> = {};
    for (let y = 0; y < years; y++) {
      const store = aggregate.stores[k * years + y]!;
      byYear[yearKey(y)] = store.summary();
      seByYear[yearKey(y)] = store.precision();
    }
    metrics[m.id] = byYear;
    precision[m.id] = seByYear;
  });

  const firstStore = aggregate.stores[0];
  const error = firstStore ? firstStore.quantileError() : { kind: "exact" as const };
  return {
    scenario: {
      id: model.scenario.meta.id,
      title: model.scenario.meta.title,
      seed,
      runs: aggregate.runs,
      horizon: model.scenario.meta.horizon,
      firstYear: START_YEAR,
      parameters: model.table.size,
      quantiles: error.kind === "exact" ? { method: "exact" } : { method: "sketch", relativeError: error.bound },
    },
    units,
    metrics,
    precision,
    bottlenecks: bottleneckShares(model, aggregate, yearKey),
    milestones: {
      domesticEuvReady: cumulative(aggregate.euvReadyFirstYear, aggregate.runs, years, yearKey),
      domesticSupplyExceedsDemand: cumulative(aggregate.supplyMetDemandFirstYear, aggregate.runs, years, yearKey),
    },
  };
}

function bottleneckShares(model: CompiledModel, aggregate: MonteCarloAggregate, yearKey: (y: number) => string): Summary["bottlenecks"] {
  const { years, binding } = aggregate;
  const c = CONSTRAINTS.length;
  const out: Summary["bottlenecks"] = {};
  const all = new Float64Array(years * c);
  model.context.designIds.forEach((id, d) => {
    const domestic = model.context.domestic[d] as boolean;
    const listed = domestic ? DOMESTIC_CONSTRAINTS : IMPORT_CONSTRAINTS;
    const byYear: Record<string, Partial<Record<Constraint, number>>> = {};
    for (let y = 0; y < years; y++) {
      const base = (d * years + y) * c;
      let total = 0;
      for (let k = 0; k < c; k++) total += binding[base + k] as number;
      if (domestic) for (let k = 0; k < c; k++) all[y * c + k] = (all[y * c + k] as number) + (binding[base + k] as number);
      if (total === 0) continue;
      byYear[yearKey(y)] = shares(listed, (k) => binding[base + k] as number, total);
    }
    out[id] = byYear;
  });
  const allByYear: Record<string, Partial<Record<Constraint, number>>> = {};
  for (let y = 0; y < years; y++) {
    let total = 0;
    for (let k = 0; k < c; k++) total += all[y * c + k] as number;
    if (total > 0) allByYear[yearKey(y)] = shares(DOMESTIC_CONSTRAINTS, (k) => all[y * c + k] as number, total);
  }
  return { all: allByYear, ...out };
}

function shares(listed: readonly Constraint[], count: (k: number) => number, total: number): Partial<Record<Constraint, number>> {
  const result: Partial<Record<Constraint, number>> = {};
  for (const name of listed) result[name] = count(CONSTRAINTS.indexOf(name)) / total;
  return result;
}

function cumulative(firstYear: Float64Array, runs: number, years: number, yearKey: (y: number) => string): Record<string, number> {
  const result: Record<string, number> = {};
  let reached = 0;
  for (let y = 0; y < years; y++) {
    reached += firstYear[y] as number;
    result[yearKey(y)] = runs > 0 ? reached / runs : 0;
  }
  return result;
}
