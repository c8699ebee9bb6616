import { didYouMean } from "../closestName.js";
import type { CompiledModel } from "../model/compileModel.js";
import { runMonteCarlo } from "../montecarlo/runMonteCarlo.js";
import { START_YEAR } from "../time/index.js";

/** A metric's value in one calendar year, in every run of a job: run i at index i. */
export type PerRunValues = (metric: string, year: number) => Float64Array;

/**
 * Runs a job once with every value kept, and reads any metric-year from it
 * afterwards: a side of a paired comparison is run once however many of
 * its metrics are compared. Run i draws from the stream of (seed, i), so
 * two models run with the same seed share every draw where their
 * parameters agree (common random numbers).
 */
export function perRunValues(model: CompiledModel, options: { readonly runs: number; readonly seed: number | string }): PerRunValues {
  const aggregate = runMonteCarlo(model, { runs: options.runs, seed: options.seed, statistics: "exact" });
  const stored = aggregate.stored;
  if (!stored) throw new Error("perRunValues: exact statistics keep every run");
  const ids = model.metrics.map((m) => m.id);
  return (metric, year) => {
    const m = ids.indexOf(metric);
    if (m < 0) throw new RangeError(`no metric "${metric}" in ${model.scenario.meta.id}${didYouMean(metric, ids)}`);
    const y = year - START_YEAR;
    if (!(Number.isInteger(y) && y >= 0 && y < aggregate.years)) throw new RangeError(`year ${year}: expected ${START_YEAR} to ${START_YEAR + aggregate.years - 1}`);
    return stored.row(m * aggregate.years + y);
  };
}
