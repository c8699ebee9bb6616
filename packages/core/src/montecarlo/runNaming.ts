import type { ScenarioMeta } from "../config/resolvedScenario.js";

/**
 * How an error names the run it stopped in, and how it says to reproduce
 * that run alone. Run i of a Monte Carlo job draws its parameters from
 * (seed, i) only, so `chipsim run --replay i` repeats it. A sensitivity
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

/** How a Monte Carlo job of this scenario names its runs: replayable, unless the scenario is one of the attribution's hybrids. */
export function runNamingFor(meta: ScenarioMeta, seed: number | string): RunNaming {
  return meta.hybrid ? hybridRuns(meta.id, meta.hybrid) : monteCarloRuns(meta.id, seed);
}

export function monteCarloRuns(scenarioId: string, seed: number | string): RunNaming {
  return {
    scenarioId,
    run: (index) => `run ${index}`,
    reproduce: (index) => `replay this run with: chipsim run ${scenarioId} --seed ${String(seed)} --replay ${index}, and the same --set flags`,
  };
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
