import type { CompiledModel } from "../model/compileModel.js";
import { BLOCK_RUNS, type BinLayout } from "../stats/binnedSeries.js";
import { chooseStoreMode, DEFAULT_MEMORY_BOUND_BYTES, type StoreMode } from "../stats/storeMode.js";
import { yearsOf } from "./layout.js";
import { PILOT_RUNS, pilotLayout } from "./pilot.js";
import { ChipsimError } from "../errors.js";
import { SOBOL_MAX_DIMENSIONS } from "../random/sobol/sobolSequence.js";

export { PILOT_RUNS };

/** How a run's uniforms are made: each parameter's own random stream, scrambled Sobol points, or Latin hypercubes in blocks. */
export type Sampler = "random" | "sobol" | "lhs";
export const SAMPLERS: readonly Sampler[] = ["random", "sobol", "lhs"];
/** The samplers other than independent random draws: their points are spread over dimensions, their errors taken from groups of blocks. */
export type PointSampler = Exclude<Sampler, "random">;

/**
 * What every worker and shard of a job must agree on before the first run:
 * the runs, the seed, how uniforms are drawn, whether statistics are exact
 * or streamed, and for streaming where the bins lie. Everything in it follows from the scenario,
 * the seed, the number of runs and the memory bound, so processes that
 * never talk to each other make the same plan.
 */
export interface JobPlan {
  readonly runs: number;
  readonly seed: number | string;
  readonly series: number;
  readonly mode: StoreMode;
  /** Streaming only: the bins, from the first `pilotRuns` runs. */
  readonly layout?: BinLayout;
  readonly pilotRuns?: number;
  /** Scrambled Sobol points or Latin hypercubes (absent: each parameter's random stream). */
  readonly sampler?: PointSampler;
  /** With points: the paths of the parameters that take dimensions 1, 2, ... */
  readonly dimensions?: readonly string[];
}

export interface PlanOptions {
  readonly runs: number;
  readonly seed: number | string;
  /** "auto" (the default) keeps every value while that fits memoryBoundBytes. */
  readonly statistics?: StoreMode | "auto";
  readonly memoryBoundBytes?: number;
  /** "random" (the default), "sobol" or "lhs". */
  readonly sampler?: Sampler;
  /**
   * With Sobol points, the parameters in dimension order; by default the
   * model's uncertain parameters in table order. A comparison gives every
   * side the same list, so a parameter takes the same dimension in each.
   */
  readonly dimensions?: readonly string[];
}

/**
 * The dimensions of a Sobol job that runs several models side by side
 * (a comparison, an attribution): every model's uncertain parameters, the
 * first model's in its order, then each other's not yet listed. A
 * parameter the models share takes one dimension, and so the same value in
 * each run, as common random numbers would give it.
 */
export function sharedDimensions(models: readonly CompiledModel[]): string[] {
  const seen = new Set<string>();
  const paths: string[] = [];
  for (const model of models) {
    for (const path of model.table.uncertainPaths()) {
      if (seen.has(path)) continue;
      seen.add(path);
      paths.push(path);
    }
  }
  return paths;
}

/** The plan's sampling fields for a sampler: none for random draws, else the sampler and its dimensions. */
export function pointSampling(sampler: Sampler | undefined, dimensions: () => readonly string[]): { sampler?: PointSampler; dimensions?: readonly string[] } {
  return sampler === undefined || sampler === "random" ? {} : { sampler, dimensions: [...dimensions()] };
}

export function planJob(model: CompiledModel, options: PlanOptions): JobPlan {
  const { runs, seed } = options;
  if (!(Number.isInteger(runs) && runs > 0)) throw new RangeError(`runs must be a whole number above 0, got ${runs}`);
  const series = model.metrics.length * yearsOf(model);
  const statistics = options.statistics ?? "auto";
  const mode = statistics === "auto" ? chooseStoreMode(runs, series, options.memoryBoundBytes ?? DEFAULT_MEMORY_BOUND_BYTES) : statistics;
  const sampling = pointSampling(options.sampler, () => options.dimensions ?? model.table.uncertainPaths());
  if (sampling.sampler === "sobol" && (sampling.dimensions?.length ?? 0) > SOBOL_MAX_DIMENSIONS) {
    throw new ChipsimError(
      "BAD_INPUT",
      `--sampler sobol: expected at most ${SOBOL_MAX_DIMENSIONS.toLocaleString("en-US")} uncertain parameters (the dimensions of the bundled Sobol direction numbers), found ${sampling.dimensions?.length}; use --sampler lhs or random`,
    );
  }
  if (mode === "exact") return { runs, seed, series, mode, ...sampling };
  // The pilot is the job's own first runs (so it costs a fraction of the job and needs no other seed).
  const pilotRuns = Math.min(runs, PILOT_RUNS);
  return { runs, seed, series, mode, layout: pilotLayout(model, { runs: pilotRuns, seed, series, ...sampling }), pilotRuns, ...sampling };
}

/** Block-aligned share `index` of `parts` of runs [first, first + count). */
export function sliceOf(first: number, count: number, parts: number, index: number): { first: number; count: number } {
  if (!(Number.isInteger(parts) && parts >= 1 && Number.isInteger(index) && index >= 0 && index < parts)) {
    throw new RangeError(`slice ${index} of ${parts}: expected a whole number from 0 to ${parts - 1}`);
  }
  if (first % BLOCK_RUNS !== 0) throw new RangeError(`slices start at a multiple of ${BLOCK_RUNS} runs, not ${first}`);
  const blocks = Math.ceil(count / BLOCK_RUNS);
  const startBlock = Math.floor((blocks * index) / parts);
  const endBlock = Math.floor((blocks * (index + 1)) / parts);
  const start = first + startBlock * BLOCK_RUNS;
  const end = Math.min(first + count, first + endBlock * BLOCK_RUNS);
  return { first: start, count: Math.max(0, end - start) };
}
