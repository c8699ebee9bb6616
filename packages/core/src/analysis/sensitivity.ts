import type { CompiledModel } from "../model/compileModel.js";
import { ChipsimError } from "../errors.js";
import { fnv1a32 } from "../random/hash.js";
import { jobKey } from "../random/seed.js";
import { StreamRng } from "../random/streamRng.js";
import { evaluateInBatches, evaluateRowsWith, type EvaluateRows } from "./evaluateRows.js";
import { ModelEvaluator } from "./evaluator.js";
import { morrisEffects, type MorrisIndex } from "./morris.js";
import { sobolIndices, type SobolIndex } from "./sobol.js";
import { basePoints } from "./basePoints.js";
import type { Sampler } from "../montecarlo/jobPlan.js";
import { rankCorrelation } from "./rankCorrelation.js";
import { tornado, type Tornado } from "./tornado.js";

export type SensitivityMethod = "sobol" | "morris";
export type FactorGrouping = "param" | "section";

/** Sobol is affordable up to this many factors; beyond it, Morris. */
export const SOBOL_MAX_FACTORS = 60;

export interface SensitivityReport {
  readonly scenario: string;
  readonly metric: string;
  readonly year: number;
  readonly tornado: Tornado;
  /**
   * Spearman correlation of each uncertain parameter with the output over a
   * sample of the inputs (random, or the sampler's points): a quick screen that sees monotone
   * effects of any size, ranked by its magnitude.
   */
  readonly rankCorrelations: { readonly samples: number; readonly params: readonly { readonly path: string; readonly rank: number }[] };
  readonly global: {
    readonly method: SensitivityMethod;
    /** How the screen's sample and the Sobol design's base points were drawn, when not independently at random. */
    readonly sampler?: Exclude<Sampler, "random">;
    readonly grouping: FactorGrouping;
    readonly runs: number;
    /** Base samples (Sobol) or trajectories (Morris). */
    readonly size: number;
    readonly factors: readonly ({ readonly factor: string; readonly inputs: readonly string[] } & (SobolIndex | MorrisIndex))[];
  };
  readonly note: string;
}

/**
 * Which assumption drives one output (a metric in a year)? A tornado over
 * every uncertain parameter, and a global method over factors (parameters,
 * or the sections they belong to), within a budget of model runs.
 * Parameters are treated as independent here: declared correlations are
 * not applied.
 */
export async function sensitivity(
  model: CompiledModel,
  options: {
    readonly metric: string;
    readonly year: number;
    readonly budget: number;
    readonly seed: number | string;
    readonly method?: SensitivityMethod;
    readonly grouping?: FactorGrouping;
    /**
     * Evaluates the model at batches of points, for this metric and year:
     * by default on this thread; chipsim sensitivity --workers spreads
     * each batch over threads, with the same results.
     */
    readonly evaluate?: EvaluateRows;
    /**
     * How the screen's sample and the Sobol design's matrices A and B are
     * drawn (default "random"); Morris trajectories are a design of their
     * own, on a grid, and take no sampler.
     */
    readonly sampler?: Sampler;
  },
): Promise<SensitivityReport> {
  const table = model.table;
  const paths = table.params.map((p) => p.path);
  const uncertain = table.distributions.map((d) => d.quantile(0.001) !== d.quantile(0.999));
  const grouping = options.grouping ?? "section";
  const factorOf = (path: string) => (grouping === "param" ? path : path.split(".").slice(0, 2).join("."));
  const byFactor = new Map<string, number[]>();
  paths.forEach((path, i) => {
    if (!uncertain[i]) return;
    const f = factorOf(path);
    byFactor.set(f, [...(byFactor.get(f) ?? []), i]);
  });
  const factors = [...byFactor.entries()];
  // Built even when another evaluates: it checks the metric and the year.
  const evaluator = new ModelEvaluator(model, options.metric, options.year);
  const evaluate = options.evaluate ?? evaluateRowsWith(evaluator);
  const torn = await tornado(evaluate, paths, table.distributions);

  const method = options.method ?? (factors.length <= SOBOL_MAX_FACTORS ? "sobol" : "morris");
  const sampler = options.sampler ?? "random";
  if (sampler !== "random" && method === "morris") {
    const why = options.method === undefined ? ` (chosen for ${factors.length} factors, more than the ${SOBOL_MAX_FACTORS} a Sobol design affords)` : "";
    throw new ChipsimError("BAD_INPUT", `--sampler ${sampler}: expected the Sobol design, found the Morris method${why}, whose trajectories are a design of their own on a grid; use --method sobol, or --sampler random`);
  }
  const key = jobKey(options.seed);
  const rng = new StreamRng();
  rng.reset(key[0], key[1], fnv1a32(`sensitivity.${method}`));
  const screen = Math.min(500, Math.max(50, Math.floor(options.budget / 10)));
  const [inputs0] = basePoints(sampler, { key, rng, purpose: "sensitivity.screen" }, paths, uncertain, screen, 1) as [Float64Array[]];
  const outputs = Array.from(await evaluateInBatches(evaluate, paths.length, screen, (row, u) => u.set(inputs0[row] as Float64Array)));
  const rankCorrelations = {
    samples: screen,
    params: paths
      .map((path, i) => ({ path, i }))
      .filter(({ i }) => uncertain[i])
      .map(({ path, i }) => ({ path, rank: rankCorrelation(inputs0.map((u) => u[i] as number), outputs) }))
      .sort((a, b) => Math.abs(b.rank) - Math.abs(a.rank) || a.path.localeCompare(b.path)),
  };
  const budget = Math.max(options.budget - torn.runs - screen, 0);
  const inputs = factors.map(([, dims]) => dims);
  let global: SensitivityReport["global"];
  if (method === "sobol") {
    const n = Math.max(8, Math.floor(budget / (factors.length + 2)));
    const [a, b] = basePoints(sampler, { key, rng, purpose: "sensitivity.saltelli" }, paths, uncertain, n, 2) as [Float64Array[], Float64Array[]];
    const result = await sobolIndices(paths.length, inputs, { a, b }, evaluate, rng);
    global = {
      method,
      ...(sampler !== "random" ? { sampler } : {}),
      grouping,
      runs: result.runs,
      size: n,
      factors: rank(factors.map(([factor, dims], i) => ({ factor, inputs: dims.map((d) => paths[d] as string), ...(result.indices[i] as SobolIndex) })), (f) => (f as SobolIndex).total),
    };
  } else {
    const r = Math.max(4, Math.floor(budget / (factors.length + 1)));
    const result = await morrisEffects(paths.length, inputs, r, evaluate, rng);
    global = {
      method,
      grouping,
      runs: result.runs,
      size: r,
      factors: rank(factors.map(([factor, dims], i) => ({ factor, inputs: dims.map((d) => paths[d] as string), ...(result.indices[i] as MorrisIndex) })), (f) => (f as MorrisIndex).muStar),
    };
  }
  return {
    scenario: model.scenario.meta.id,
    metric: options.metric,
    year: options.year,
    tornado: torn,
    rankCorrelations,
    global,
    note: "Inputs are treated as independent (declared correlations are not applied); each model run is one deterministic trajectory at the chosen quantiles.",
  };
}

function rank<T>(items: T[], key: (item: T) => number): T[] {
  return items.sort((a, b) => key(b) - key(a));
}
