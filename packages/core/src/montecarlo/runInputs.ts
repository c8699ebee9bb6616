import type { CompiledModel } from "../model/compileModel.js";
import { jobKey, runKey } from "../random/seed.js";
import { ScrambledSobol } from "../random/sobol/scrambledSobol.js";
import { BlockLatinHypercube } from "../random/lhs/blockLatinHypercube.js";

/** Points a run reads through its table's slots: Sobol points or Latin hypercubes. */
interface RunPoints {
  fill(runIndex: number, slots: Int32Array, u: Float64Array): void;
}
import type { JobPlan } from "./jobPlan.js";

/**
 * Where run i's parameters come from, for one model in one job: each
 * parameter's random stream of (seed, i), or point i of the job's
 * scrambled Sobol points or blocked Latin hypercubes, or row i of a
 * design (a sensitivity analysis's points, one uniform per parameter).
 * `draw(run)` writes run i's values into the model's world; every loop of
 * model runs (a job's slices, a comparison's paired runs, a streaming
 * pilot, a sensitivity design, the benchmark) draws through it and then
 * runs runOnce, so the sampler is chosen in one place and run i is the
 * same run in each.
 */
export class RunInputs {
  private readonly words = new Uint32Array(2);
  /** A design's rows, `table.size` uniforms each (forDesign). */
  private design: Float64Array | undefined;

  private constructor(
    private readonly model: CompiledModel,
    private readonly key: readonly [number, number],
    /** With points: the points, and where each dimension goes in this model's table. */
    private readonly points: RunPoints | undefined,
    private readonly slots: Int32Array | undefined,
  ) {}

  /** The draws a plan asks for (its seed, its sampler and dimensions). */
  static forPlan(model: CompiledModel, plan: Pick<JobPlan, "seed" | "sampler" | "dimensions">): RunInputs {
    return RunInputs.forModels([model], plan)[0] as RunInputs;
  }

  /**
   * The same job's draws for several models run side by side: the same
   * random streams, or the same Sobol points read through each model's
   * own table (`plan.dimensions` must cover every model's uncertain
   * parameters: sharedDimensions).
   */
  static forModels(models: readonly CompiledModel[], plan: Pick<JobPlan, "seed" | "sampler" | "dimensions">): RunInputs[] {
    const key = jobKey(plan.seed);
    if (plan.sampler === undefined) return models.map((m) => new RunInputs(m, key, undefined, undefined));
    const placed = models.map((m) => m.table.quasiSlots(plan.dimensions ?? []));
    // The points depend on the job key and the dimensions' streams alone: one set serves every model.
    const streams = (placed[0] as { streamIds: Uint32Array }).streamIds;
    const points: RunPoints = plan.sampler === "sobol" ? new ScrambledSobol(key, streams) : new BlockLatinHypercube(key, streams);
    return models.map((m, k) => new RunInputs(m, key, points, (placed[k] as { slots: Int32Array }).slots));
  }

  /** Rows of designs (setDesign) as the runs: row r is run r. */
  static forDesign(model: CompiledModel): RunInputs {
    return new RunInputs(model, [0, 0], undefined, undefined);
  }

  /** The design whose rows draw(r) reads from now on. */
  setDesign(points: Float64Array): void {
    this.design = points;
  }

  /** Run `run`'s parameter values into the model's world.params. */
  draw(run: number): void {
    const { model, points, design } = this;
    // Read in place (no view of the row): a design is read one row per model run.
    if (design) model.table.fromUniforms(design, model.world.params, run * model.table.size);
    else if (points) model.table.drawQuasi(points, this.slots as Int32Array, run, model.world.params);
    else {
      runKey(this.key, run, this.words);
      model.table.draw(this.words, model.world.params);
    }
  }
}
