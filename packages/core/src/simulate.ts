import { resolveScenario, type ResolveInput } from "./config/resolveScenario.js";
import { summarize, type Summary } from "./export/summary.js";
import { compileModel } from "./model/compileModel.js";
import { runMonteCarlo, type MonteCarloOptions } from "./montecarlo/runMonteCarlo.js";

export interface SimulateOptions extends Omit<MonteCarloOptions, "runs" | "seed"> {
  /** Defaults to the scenario's own runs and seed. */
  readonly runs?: number;
  readonly seed?: number | string;
}

/** Scenario files in, summary out, in one call: resolve, compile, run, summarise. */
export function simulate(input: ResolveInput, options: SimulateOptions = {}): Summary {
  const scenario = resolveScenario(input);
  const model = compileModel(scenario);
  const runs = options.runs ?? scenario.meta.runs;
  const seed = options.seed ?? scenario.meta.seed;
  const aggregate = runMonteCarlo(model, { ...options, runs, seed });
  return summarize(model, aggregate, seed);
}
