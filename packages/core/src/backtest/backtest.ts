import type { CompiledModel } from "../model/compileModel.js";
import { runMonteCarlo } from "../montecarlo/runMonteCarlo.js";
import { quantileSorted } from "../stats/quantile.js";
import { START_YEAR } from "../time/index.js";
import { crps, massInside } from "./scores.js";
import type { Target } from "./targetSchema.js";

export interface TargetResult {
  readonly target: Target;
  /** The target as an interval: a point is [v, v]; a bound is open on one side. */
  readonly interval: readonly [number, number];
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** Whether the model's P5-P95 band meets the target (contains the point, or overlaps the range). */
  readonly covered: boolean;
  /** Range and bound targets: share of runs inside. Points: CRPS, in the metric's units and relative to the value. */
  readonly score: { kind: "mass"; mass: number } | { kind: "crps"; crps: number; relative: number };
}

export interface BacktestReport {
  readonly scenario: string;
  readonly runs: number;
  readonly seed: number | string;
  readonly results: readonly TargetResult[];
  readonly covered: number;
  readonly coverage: number;
  /** Targets on the same metric and year whose figures cannot both be right. */
  readonly disagreements: readonly { readonly a: string; readonly b: string; readonly metric: string; readonly year: number }[];
}

const MILESTONE_PREFIX = "milestone.";
const MILESTONES = ["domesticEuvReady", "domesticSupplyExceedsDemand"] as const;

/** Problems with targets that do not name a metric or year of this model: returned, not thrown, so the caller can report them. */
export function checkTargets(model: CompiledModel, targets: readonly Target[]): string[] {
  const metricIds = new Set(model.metrics.map((m) => m.id));
  const horizon = model.scenario.meta.horizon;
  const problems: string[] = [];
  for (const t of targets) {
    const known = t.metric.startsWith(MILESTONE_PREFIX)
      ? (MILESTONES as readonly string[]).includes(t.metric.slice(MILESTONE_PREFIX.length))
      : metricIds.has(t.metric);
    if (!known) problems.push(`target ${t.id}: expected a metric id or milestone.<id>, found "${t.metric}"`);
    if (t.year > horizon) problems.push(`target ${t.id}: expected a year up to the horizon ${horizon}, found ${t.year}`);
    if (t.transform === "growth" && t.year <= START_YEAR) problems.push(`target ${t.id}: growth needs a year after ${START_YEAR}, found ${t.year}`);
  }
  return problems;
}

/**
 * Runs the scenario and compares each target with the distribution of its
 * metric across runs.
 */
export function backtest(model: CompiledModel, targets: readonly Target[], runs: number, seed: number | string): BacktestReport {
  const years = Math.ceil(model.world.layout.quarters / 4);
  const samples = targets.map(() => new Float64Array(runs));
  const readers = targets.map((t) => sampleReader(model, t, years));
  runMonteCarlo(model, {
    runs,
    seed,
    onRun: (run, values, milestones) => {
      for (let k = 0; k < targets.length; k++) (samples[k] as Float64Array)[run] = (readers[k] as SampleReader)(values, milestones);
    },
  });
  const results = targets.map((target, k) => evaluate(target, (samples[k] as Float64Array).sort()));
  const covered = results.filter((r) => r.covered).length;
  return {
    scenario: model.scenario.meta.id,
    runs,
    seed,
    results,
    covered,
    coverage: results.length > 0 ? covered / results.length : 0,
    disagreements: disagreements(results),
  };
}

type SampleReader = (values: Float64Array, milestones: { euvReadyYear: number; supplyMetDemandYear: number }) => number;

function sampleReader(model: CompiledModel, t: Target, years: number): SampleReader {
  const y = t.year - START_YEAR;
  if (t.metric.startsWith(MILESTONE_PREFIX)) {
    const which = t.metric.slice(MILESTONE_PREFIX.length);
    return (_v, m) => ((which === "domesticEuvReady" ? m.euvReadyYear : m.supplyMetDemandYear) <= y ? 1 : 0);
  }
  const m = model.metrics.findIndex((d) => d.id === t.metric);
  if (m < 0) throw new Error(`target ${t.id}: unknown metric ${t.metric} (check targets first)`);
  if (t.transform === "growth") {
    return (v) => {
      const before = v[m * years + y - 1] as number;
      return before > 0 ? (v[m * years + y] as number) / before - 1 : 0;
    };
  }
  return (v) => v[m * years + y] as number;
}

function evaluate(target: Target, sorted: Float64Array): TargetResult {
  const interval: [number, number] =
    target.value !== undefined
      ? [target.value, target.value]
      : target.range
        ? [target.range[0], target.range[1]]
        : [target.atLeast ?? -Infinity, target.atMost ?? Infinity];
  const p5 = quantileSorted(sorted, 0.05);
  const p50 = quantileSorted(sorted, 0.5);
  const p95 = quantileSorted(sorted, 0.95);
  const covered = p5 <= interval[1] && p95 >= interval[0];
  if (target.value !== undefined) {
    const c = crps(sorted, target.value);
    return { target, interval, p5, p50, p95, covered, score: { kind: "crps", crps: c, relative: target.value !== 0 ? c / Math.abs(target.value) : c } };
  }
  return { target, interval, p5, p50, p95, covered, score: { kind: "mass", mass: massInside(sorted, interval[0], interval[1]) } };
}

function disagreements(results: readonly TargetResult[]): BacktestReport["disagreements"] {
  const found: { a: string; b: string; metric: string; year: number }[] = [];
  for (let i = 0; i < results.length; i++) {
    for (let j = i + 1; j < results.length; j++) {
      const a = results[i] as TargetResult;
      const b = results[j] as TargetResult;
      if (a.target.metric !== b.target.metric || a.target.year !== b.target.year || a.target.transform !== b.target.transform) continue;
      const overlap = a.interval[0] <= b.interval[1] && b.interval[0] <= a.interval[1];
      if (!overlap) found.push({ a: a.target.id, b: b.target.id, metric: a.target.metric, year: a.target.year });
    }
  }
  return found;
}
