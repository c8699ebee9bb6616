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
  /** Rows evaluated so far. */
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

  /**
   * Rows [from, to) of `points` (row-major, `dimensions` uniforms a row)
   * into out[from .. to). Row r is numbered firstIndex + r in error
   * messages, as the r-th evaluation of the analysis: which thread
   * evaluates it changes nothing.
   */
  evaluateRows(points: Float64Array, from: number, to: number, out: Float64Array, firstIndex: number): void {
    const { model, recorder, milestones, series, dimensions } = this;
    for (let r = from; r < to; r++) {
      // Read in place (no view of the row): this loop is one model run per row.
      model.table.fromUniforms(points, model.world.params, r * dimensions);
      runOnce(model, firstIndex + r, recorder, milestones);
      out[r] = recorder.values[series] as number;
    }
    this.runs += to - from;
  }
}
