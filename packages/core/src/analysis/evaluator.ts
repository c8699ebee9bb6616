import type { CompiledModel } from "../model/compileModel.js";
import { RunRecorder } from "../metrics/runRecorder.js";
import { runOnce, type RunMilestones } from "../montecarlo/runOnce.js";
import { START_YEAR } from "../time/index.js";

/**
 * The model as a function of its parameters' uniforms: one deterministic
 * run with every parameter at quantile u_i, giving one metric in one year.
 * What sensitivity analyses explore.
 */
export class ModelEvaluator {
  private readonly recorder: RunRecorder;
  private readonly milestones: RunMilestones = { euvReadyYear: Infinity, supplyMetDemandYear: Infinity };
  private readonly series: number;
  runs = 0;

  constructor(
    private readonly model: CompiledModel,
    metric: string,
    year: number,
  ) {
    const m = model.metrics.findIndex((d) => d.id === metric);
    if (m < 0) throw new Error(`unknown metric ${metric}`);
    this.recorder = new RunRecorder(model.metrics, model.observables.list, model.scenario.meta.id, model.world.layout.quarters, model.world.layout.designs);
    const y = year - START_YEAR;
    if (!(y >= 0 && y < this.recorder.years)) throw new Error(`year ${year} outside the horizon`);
    this.series = m * this.recorder.years + y;
  }

  get dimensions(): number {
    return this.model.table.size;
  }

  evaluate(uniforms: Float64Array): number {
    this.model.table.fromUniforms(uniforms, this.model.world.params);
    runOnce(this.model, this.runs, this.recorder, this.milestones);
    this.runs += 1;
    return this.recorder.values[this.series] as number;
  }
}
