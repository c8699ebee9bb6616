import type { ScenarioMeta } from "../config/resolvedScenario.js";
import type { CompiledModel } from "../model/compileModel.js";
import type { JobPlan } from "./jobPlan.js";

/**
 * How an error names the run it stopped in, and how it says to reproduce
 * that run alone. Run i of a Monte Carlo job draws its parameters from
 * (seed, i) only, so `chipsim run --replay i` repeats it (with the job's
 * --sampler). A run on points whose dimensions are a comparison's (shared
 * with another scenario's parameters) is not the scenario's own run i, so
 * only the comparison runs it again. A sensitivity
 * analysis numbers its model runs too, but evaluation i runs at a point of
 * the analysis's design, not at run i's draws: only the same analysis
 * (same seed, budget, method and grouping) comes back to that point. An
 * attribution's hybrid is no scenario a command can name, so only its
 * comparison runs it again.
 */
export interface RunNaming {
  readonly scenarioId: string;
  /** The run as a message names it: "run 12", "sensitivity evaluation 12". */
  run(index: number): string;
  /** How to reproduce that run, a clause for the end of a message. */
  reproduce(index: number): string;
}

/**
 * How a Monte Carlo job of this model names its runs: replayable, unless
 * the scenario is one of the attribution's hybrids or its points' dimensions
 * are not its own.
 */
export function runNamingFor(model: CompiledModel, plan: Pick<JobPlan, "seed" | "sampler" | "dimensions">): RunNaming {
  const meta = model.scenario.meta;
  if (meta.hybrid) return hybridRuns(meta.id, meta.hybrid);
  if (plan.sampler !== undefined && !sameList(plan.dimensions ?? [], model.table.uncertainPaths())) return comparedRuns(meta.id, plan.sampler);
  return monteCarloRuns(meta.id, plan.seed, plan.sampler);
}

export function monteCarloRuns(scenarioId: string, seed: number | string, sampler?: string): RunNaming {
  const sampling = sampler === undefined || sampler === "random" ? "" : ` --sampler ${sampler}`;
  return {
    scenarioId,
    run: (index) => `run ${index}`,
    reproduce: (index) => `replay this run with: chipsim run ${scenarioId} --seed ${String(seed)}${sampling} --replay ${index}, and the same --set flags`,
  };
}

/** Runs of a comparison's side on points whose dimensions the sides share: only the comparison draws them so. */
function comparedRuns(scenarioId: string, sampler: string): RunNaming {
  return {
    scenarioId,
    run: (index) => `run ${index}`,
    reproduce: () => `the comparison, with the same scenarios, --seed, --sampler ${sampler} and --set flags, runs it again (--replay draws ${scenarioId}'s own points, not the comparison's)`,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Runs of an attribution hybrid (scenario `from` with some of `to`'s
 * values): run i draws as run i of the comparison does, but the hybrid is
 * no scenario that `chipsim run` knows, so the comparison is what runs it
 * again.
 */
export function hybridRuns(scenarioId: string, hybrid: NonNullable<ScenarioMeta["hybrid"]>): RunNaming {
  return {
    scenarioId,
    run: (index) => `attribution run ${index} (${hybrid.from} with ${hybrid.to}'s ${hybrid.parts.join(", ")})`,
    reproduce: () =>
      `a hybrid of the attribution cannot be run alone; chipsim compare ${hybrid.from} ${hybrid.to} with the same --seed, --attribution-runs and --set flags runs it again`,
  };
}

export function sensitivityEvaluations(scenarioId: string): RunNaming {
  return {
    scenarioId,
    run: (index) => `sensitivity evaluation ${index}`,
    reproduce: (index) =>
      `the same sensitivity command, with the same --seed, --runs, --method, --group-by and --set flags, evaluates this point again; ` +
      `--replay ${index} would not, since it replays Monte Carlo run ${index}`,
  };
}
