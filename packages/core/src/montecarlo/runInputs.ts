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
 * scrambled Sobol points or blocked Latin hypercubes. `draw(run)` writes run i's values into the
 * model's world; every Monte Carlo loop (a job's slices, a comparison's
 * paired runs, a streaming pilot, the benchmark) draws through it, so the
 * sampler is chosen in one place and run i is the same run in each.
 */
export class RunInputs {
  private readonly words = new Uint32Array(2);

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

  /** Run `run`'s parameter values into the model's world.params. */
  draw(run: number): void {
    const { model, points } = this;
    if (points) model.table.drawQuasi(points, this.slots as Int32Array, run, model.world.params);
    else {
      runKey(this.key, run, this.words);
      model.table.draw(this.words, model.world.params);
    }
  }
}
