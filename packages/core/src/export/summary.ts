import { CONSTRAINTS, type Constraint } from "../model/constraints.js";
import type { CompiledModel } from "../model/compileModel.js";
import type { MonteCarloAggregate } from "../montecarlo/aggregate.js";
import { BLOCK_RUNS } from "../stats/binnedSeries.js";
import type { SeriesPrecision, SeriesSummary } from "../stats/seriesSummary.js";
import { START_YEAR } from "../time/index.js";

export const DOMESTIC_CONSTRAINTS: readonly Constraint[] = ["litho", "fab", "hbm", "packaging", "power", "demand"];
export const IMPORT_CONSTRAINTS: readonly Constraint[] = ["policy", "demand", "power"];
export const MILESTONES = ["domesticEuvReady", "domesticSupplyExceedsDemand"] as const;

/**
 * How the quantiles were computed: exactly from every run's value, or from
 * histograms of `bins` bins placed by a pilot of the first `pilotRuns` runs
 * (precision then gives each series' bound on the quantile error).
 */
export type QuantileMethod = { readonly method: "exact" } | { readonly method: "histogram"; readonly bins: number; readonly pilotRuns: number; readonly blockRuns: number };

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
    /** The `--set` overrides the scenario was run with (path=value); absent when it had none. */
    readonly overrides?: readonly string[];
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

/**
 * What a summary needs to know of the model besides the runs: plain data,
 * so that a shard file can carry it and `chipsim merge` can summarise
 * without the scenario.
 */
export interface SummaryFrame {
  readonly id: string;
  readonly title: string;
  readonly horizon: number;
  readonly parameters: number;
  readonly overrides?: readonly string[];
  /** Each metric's id and unit, and its label and unit in words for tables and charts (never written to summary files). */
  readonly metrics: readonly { readonly id: string; readonly unit: string; readonly label: string; readonly unitLabel: string }[];
  readonly designs: readonly { readonly id: string; readonly domestic: boolean; readonly designer: string }[];
}

export function summaryFrame(model: CompiledModel): SummaryFrame {
  return {
    id: model.scenario.meta.id,
    title: model.scenario.meta.title,
    horizon: model.scenario.meta.horizon,
    parameters: model.table.size,
    ...(model.scenario.meta.overrides?.length ? { overrides: model.scenario.meta.overrides } : {}),
    metrics: model.metrics.map((m) => ({ id: m.id, unit: m.unit, label: m.label, unitLabel: m.unitLabel })),
    designs: model.context.designIds.map((id, d) => ({ id, domestic: model.context.domestic[d] as boolean, designer: model.scenario.tree.designs[id]?.designer ?? "" })),
  };
}

export function summarize(model: CompiledModel | SummaryFrame, aggregate: MonteCarloAggregate, seed: number | string): Summary {
  const frame = "world" in model ? summaryFrame(model) : model;
  const { years } = aggregate;
  const yearKey = (y: number) => String(START_YEAR + y);
  const metrics: Summary["metrics"] = {};
  const precision: Summary["precision"] = {};
  const units: Summary["units"] = {};
  frame.metrics.forEach((m, k) => {
    units[m.id] = m.unit;
    const byYear: Record<string, SeriesSummary> = {};
    const seByYear: Record<string, SeriesPrecision> = {};
    for (let y = 0; y < years; y++) {
      const { summary, precision } = aggregate.seriesSummary(k * years + y);
      byYear[yearKey(y)] = summary;
      seByYear[yearKey(y)] = precision;
    }
    metrics[m.id] = byYear;
    precision[m.id] = seByYear;
  });

  const { plan } = aggregate;
  const quantiles: QuantileMethod =
    plan.mode === "exact" ? { method: "exact" } : { method: "histogram", bins: plan.layout?.bins ?? 0, pilotRuns: plan.pilotRuns ?? 0, blockRuns: BLOCK_RUNS };
  return {
    scenario: {
      id: frame.id,
      title: frame.title,
      seed,
      runs: aggregate.runs,
      horizon: frame.horizon,
      firstYear: START_YEAR,
      parameters: frame.parameters,
      quantiles,
      ...(frame.overrides?.length ? { overrides: frame.overrides } : {}),
    },
    units,
    metrics,
    precision,
    bottlenecks: bottleneckShares(frame, aggregate, yearKey),
    milestones: {
      domesticEuvReady: cumulative(aggregate.euvReadyFirstYear, aggregate.runs, years, yearKey),
      domesticSupplyExceedsDemand: cumulative(aggregate.supplyMetDemandFirstYear, aggregate.runs, years, yearKey),
    },
  };
}

function bottleneckShares(frame: SummaryFrame, aggregate: MonteCarloAggregate, yearKey: (y: number) => string): Summary["bottlenecks"] {
  const { years, binding } = aggregate;
  const c = CONSTRAINTS.length;
  const out: Summary["bottlenecks"] = {};
  const all = new Float64Array(years * c);
  frame.designs.forEach(({ id, domestic }, d) => {
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
