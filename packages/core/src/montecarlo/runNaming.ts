/**
 * How an error names the run it stopped in, and how it says to reproduce
 * that run alone. Run i of a Monte Carlo job draws its parameters from
 * (seed, i) only, so `chipsim run --replay i` repeats it. A sensitivity
 * analysis numbers its model runs too, but evaluation i runs at a point of
 * the analysis's design, not at run i's draws: only the same analysis
 * (same seed, budget, method and grouping) comes back to that point.
 */
export interface RunNaming {
  readonly scenarioId: string;
  /** The run as a message names it: "run 12", "sensitivity evaluation 12". */
  run(index: number): string;
  /** How to reproduce that run, a clause for the end of a message. */
  reproduce(index: number): string;
}

export function monteCarloRuns(scenarioId: string, seed: number | string): RunNaming {
  return {
    scenarioId,
    run: (index) => `run ${index}`,
    reproduce: (index) => `replay this run with: chipsim run ${scenarioId} --seed ${String(seed)} --replay ${index}, and the same --set flags`,
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
