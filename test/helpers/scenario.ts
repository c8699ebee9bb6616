import { compileModel, resolveScenario, restoreScenario, runMonteCarlo, summarize, transferableScenario, type Override, type ResolvedScenario, type Summary } from "@chipsim/core";
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

/**
 * The baseline as this thread checks it, and a copy for worker threads
 * only, changed by `spoil` past what the schema would let through. A
 * worker's failure is the only way to test how one reaches the user, and
 * valid input makes none: with the copy, it can only come from a worker.
 */
export function spoiledForWorkers(spoil: (tree: Record<string, unknown>) => void): { scenario: ResolvedScenario; spoiled: ResolvedScenario } {
  const scenario = resolve("baseline");
  const spoiled = restoreScenario(structuredClone(transferableScenario(scenario)));
  spoil(spoiled.tree as unknown as Record<string, unknown>);
  return { scenario, spoiled };
}

/** An H100 of 0 TFLOPS (the schema refuses it): a run then divides by zero, a ModelError. */
export const zeroTflops = (tree: Record<string, unknown>): void => {
  (tree["market"] as { h100Tflops: { dist: { value: number } } }).h100Tflops.dist.value = 0;
};
