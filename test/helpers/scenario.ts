import { compileModel, resolveScenario, runMonteCarlo, summarize, type Override, type Summary } from "@chipsim/core";
import { loadBibliography, loadScenarioChain } from "@chipsim/scenarios";

/** Resolves a scenario (built-in id or path) with `path=value` style overrides given as objects. */
export function resolve(ref: string, overrides: Override[] = []) {
  return resolveScenario({ documents: loadScenarioChain(ref), overrides, bibliography: loadBibliography() });
}

/** Runs a scenario with overrides and returns its summary. */
export function runScenario(ref: string, overrides: Override[], runs: number, seed: number | string = 1): Summary {
  const model = compileModel(resolve(ref, overrides));
  return summarize(model, runMonteCarlo(model, { runs, seed }), seed);
}

/** Every year's P5 and P95 of a metric: handy for "in every run" assertions. */
export function band(summary: Summary, metric: string): Record<string, [number, number]> {
  const byYear = summary.metrics[metric];
  if (!byYear) throw new Error(`no metric ${metric}`);
  return Object.fromEntries(Object.entries(byYear).map(([y, s]) => [y, [s.p5, s.p95]]));
}
