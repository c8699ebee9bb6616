import type { ResolvedScenario } from "../config/resolvedScenario.js";
import { compileModel } from "../model/compileModel.js";
import { planJob, pointSampling, sharedDimensions, type Sampler } from "../montecarlo/jobPlan.js";
import { runJobHere, type RunJob } from "./comparison.js";
import { START_YEAR } from "../time/index.js";
import { hybridScenario } from "./hybrid.js";
import { changeGroups, scenarioChanges } from "./scenarioDiff.js";

/**
 * Which of B's changes makes the difference B - A? Each group of changes
 * (a lever, a trigger, a declared change) is switched from A to B on its
 * own, under the same seed, and its effect on the mean is measured. The
 * effects need not add up: the remainder is the interaction between the
 * changes (for example, relaxing two constraints where only the tighter one
 * binds). Cost: one Monte Carlo per group.
 */
export interface Attribution {
  readonly from: string;
  readonly to: string;
  readonly runs: number;
  readonly groups: readonly { readonly group: string; readonly paths: readonly string[]; readonly effect: Record<string, Record<string, number>> }[];
  /** Mean of B minus mean of A. */
  readonly total: Record<string, Record<string, number>>;
  /** total - sum of the group effects. */
  readonly interaction: Record<string, Record<string, number>>;
  /** With checkInvariants: the quarters of all the pieces' runs whose invariants were checked and held. */
  readonly quartersChecked?: number;
}

export async function attributeDifference(
  a: ResolvedScenario,
  b: ResolvedScenario,
  options: {
    readonly runs: number;
    readonly seed: number | string;
    readonly metrics: readonly string[];
    /** Runs each piece's job (default: runMonteCarlo on this thread); chipsim compare passes its threads. */
    readonly runJob?: RunJob;
    /** Checks the model's invariants after every quarter of every run of every piece. */
    readonly checkInvariants?: boolean;
    /** "sobol" or "lhs": every piece from the same points, a parameter at the same dimension in each (default "random"). */
    readonly sampler?: Sampler;
  },
): Promise<Attribution> {
  // Every piece's uncertain parameters are A's or B's: the two together give every piece its dimensions.
  const sampling = pointSampling(options.sampler, () => sharedDimensions([compileModel(a), compileModel(b)]));
  const groups = changeGroups(scenarioChanges(a, b), b.meta.changes ?? []);
  const runJob = options.runJob ?? runJobHere;
  const checkInvariants = options.checkInvariants === true;
  let quartersChecked = 0;
  const meansOf = async (scenario: ResolvedScenario) => {
    const model = compileModel(scenario);
    const aggregate = await runJob(model, planJob(model, { runs: options.runs, seed: options.seed, ...sampling }), { checkInvariants });
    quartersChecked += aggregate.quartersChecked;
    const years = aggregate.years;
    const out: Record<string, Record<string, number>> = {};
    for (const metric of options.metrics) {
      const m = model.metrics.findIndex((d) => d.id === metric);
      if (m < 0) continue;
      const byYear: Record<string, number> = {};
      for (let y = 0; y < years; y++) byYear[String(START_YEAR + y)] = aggregate.seriesSummary(m * years + y).summary.mean;
      out[metric] = byYear;
    }
    return out;
  };
  const base = await meansOf(a);
  const delta = (x: Record<string, Record<string, number>>) => mapPairs(x, base, (v, b0) => v - b0);
  const total = delta(await meansOf(b));
  const effects: Attribution["groups"][number][] = [];
  for (const [group, paths] of groups) effects.push({ group, paths, effect: delta(await meansOf(hybridScenario(a, b, [group]))) });
  const interaction = mapPairs(total, total, (t, _t, metric, year) => t - effects.reduce((sum, e) => sum + (e.effect[metric]?.[year] ?? 0), 0));
  return { from: a.meta.id, to: b.meta.id, runs: options.runs, groups: effects, total, interaction, ...(checkInvariants ? { quartersChecked } : {}) };
}

function mapPairs(
  x: Record<string, Record<string, number>>,
  y: Record<string, Record<string, number>>,
  f: (a: number, b: number, metric: string, year: string) => number,
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [metric, byYear] of Object.entries(x)) {
    const row: Record<string, number> = {};
    for (const [year, v] of Object.entries(byYear)) row[year] = f(v, y[metric]?.[year] ?? 0, metric, year);
    out[metric] = row;
  }
  return out;
}
