import type { CompiledModel } from "../model/compileModel.js";
import { RunRecorder } from "../metrics/runRecorder.js";
import { InvariantChecker } from "../montecarlo/invariants.js";
import { runOnce, type RunMilestones } from "../montecarlo/runOnce.js";
import { RunInputs } from "../montecarlo/runInputs.js";
import { sensitivityEvaluations } from "../montecarlo/runNaming.js";
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
  /** Checks every quarter of every evaluation when asked (InvariantError names the evaluation). */
  private readonly checker: InvariantChecker | undefined;
  private readonly inputs: RunInputs;
  /** Rows evaluated so far. */
  runs = 0;
  /** Quarters whose invariants were checked and held, over every row evaluated. */
  quartersChecked = 0;

  constructor(
    private readonly model: CompiledModel,
    metric: string,
    year: number,
    options: { readonly checkInvariants?: boolean } = {},
  ) {
    const m = model.metrics.findIndex((d) => d.id === metric);
    if (m < 0) throw new Error(`unknown metric ${metric}`);
    // Errors name the evaluation, which --replay cannot reproduce (see runNaming.ts).
    const naming = sensitivityEvaluations(model.scenario.meta.id);
    this.recorder = new RunRecorder(model.metrics, model.observables.list, naming, model.world.layout.quarters, model.world.layout.designs);
    this.checker = options.checkInvariants ? new InvariantChecker(model, naming) : undefined;
    this.inputs = RunInputs.forDesign(model);
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
    const { model, recorder, milestones, series, checker, inputs } = this;
    inputs.setDesign(points);
    for (let r = from; r < to; r++) {
      inputs.draw(r);
      runOnce(model, firstIndex + r, recorder, milestones, checker);
      out[r] = recorder.values[series] as number;
    }
    this.runs += to - from;
    // A broken invariant throws, so every quarter of every row that got here was checked.
    if (checker) this.quartersChecked += (to - from) * model.world.layout.quarters;
  }
}
