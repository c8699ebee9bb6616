import { CONSTRAINTS, INACTIVE } from "../model/constraints.js";
import type { ObservableInfo } from "../model/observables.js";
import type { World } from "../model/world.js";
import { ModelError } from "../errors.js";
import { QUARTERS_PER_YEAR, quarterLabel } from "../time/index.js";
import type { MetricDef } from "./registry.js";

/**
 * Collects one run: per observable and calendar year the sum over the
 * year's quarters and the value in its last quarter, and per design and
 * year how many quarters each constraint bound. At the end of the run it
 * turns them into one value per metric and year. Reused across runs.
 */
export class RunRecorder {
  readonly years: number;
  /** Finished metric values, metric-major: [metric * years + year]. */
  readonly values: Float64Array;
  /** Quarters each constraint bound: [(design * years + year) * constraints + constraint]. */
  readonly binding: Float64Array;
  private readonly sums: Float64Array;
  private readonly lasts: Float64Array;

  constructor(
    private readonly metrics: readonly MetricDef[],
    private readonly observables: readonly ObservableInfo[],
    private readonly scenarioId: string,
    quarters: number,
    designs: number,
  ) {
    this.years = Math.ceil(quarters / QUARTERS_PER_YEAR);
    this.values = new Float64Array(metrics.length * this.years);
    this.binding = new Float64Array(designs * this.years * CONSTRAINTS.length);
    this.sums = new Float64Array(observables.length * this.years);
    this.lasts = new Float64Array(observables.length * this.years);
  }

  beginRun(): void {
    this.sums.fill(0);
    this.lasts.fill(0);
    this.binding.fill(0);
  }

  /** Called after every agent has stepped and settled in quarter q. */
  recordQuarter(w: World): void {
    const q = w.q;
    const year = (q / QUARTERS_PER_YEAR) | 0;
    const obs = w.obs;
    const years = this.years;
    for (let o = 0; o < obs.length; o++) {
      const v = obs[o] as number;
      // Catch NaN and infinities where they arise, with enough context to replay the run.
      if (!Number.isFinite(v)) {
        throw new ModelError(this.scenarioId, w.runIndex, quarterLabel(q), (this.observables[o] as ObservableInfo).id, v);
      }
      const k = o * years + year;
      this.sums[k] = (this.sums[k] as number) + v;
      this.lasts[k] = v;
    }
    const constraints = CONSTRAINTS.length;
    for (let d = 0; d < w.binding.length; d++) {
      const c = w.binding[d] as number;
      if (c === INACTIVE) continue;
      const k = (d * years + year) * constraints + c;
      this.binding[k] = (this.binding[k] as number) + 1;
    }
  }

  private yearSum(observables: readonly number[], year: number): number {
    let total = 0;
    for (let k = 0; k < observables.length; k++) total += this.sums[(observables[k] as number) * this.years + year] as number;
    return total;
  }

  finishRun(): void {
    const years = this.years;
    for (let m = 0; m < this.metrics.length; m++) {
      const a = (this.metrics[m] as MetricDef).aggregation;
      for (let y = 0; y < years; y++) {
        let v: number;
        if (a.kind === "sum") v = this.yearSum(a.observables, y);
        else if (a.kind === "last") v = this.lasts[a.observable * years + y] as number;
        else {
          const den = this.yearSum(a.denominator, y);
          v = den > 0 ? this.yearSum(a.numerator, y) / den : 0;
        }
        this.values[m * years + y] = v;
      }
    }
  }
}
