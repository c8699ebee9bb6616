import { CONSTRAINTS, INACTIVE } from "../model/constraints.js";
import type { ObservableInfo } from "../model/observables.js";
import type { World } from "../model/world.js";
import { ModelError } from "../errors.js";
import { QUARTERS_PER_YEAR, quarterLabel } from "../time/index.js";
import type { MetricDef } from "./registry.js";
import type { RunNaming } from "../montecarlo/runNaming.js";

/** Aggregation kinds as small integers, for the loop in finishRun. */
const SUM = 0;
const LAST = 1;
const RATIO = 2;
const CUMULATIVE = 3;
const QUARTER = 4;

/**
 * Collects one run: per observable and calendar year the sum over the
 * year's quarters and the value in its last quarter, and per design and
 * year how many quarters each constraint bound. At the end of the run it
 * turns them into one value per metric and year. Reused across runs.
 *
 * recordQuarter runs after every quarter of every run, so sums and lasts
 * are kept year-major ([year * observables + o]: one contiguous block per
 * year), lasts are copied only in a year's last quarter, and the metric
 * definitions are flattened into typed arrays once. Each quarter's
 * observables are kept as well only when some metric reads one quarter
 * (the scenario's `quarterly`): one copy a quarter.
 */
export class RunRecorder {
  readonly years: number;
  /** Finished metric values, metric-major: [metric * years + year]. */
  readonly values: Float64Array;
  /** Quarters each constraint bound: [(design * years + year) * constraints + constraint]. */
  readonly binding: Float64Array;
  private readonly quarters: number;
  private readonly observableCount: number;
  /** Year-major: [year * observables + o]. */
  private readonly sums: Float64Array;
  private readonly lasts: Float64Array;
  /** Quarter-major: [q * observables + o]; empty unless a metric reads one quarter. */
  private readonly quarterObs: Float64Array;
  private readonly keepQuarters: boolean;
  /** Per metric: its kind and, for sums and ratios, its observables in terms[termStart[m] .. termStart[m + 1]). */
  private readonly kind: Uint8Array;
  private readonly lastObservable: Int32Array;
  /** For one-quarter metrics, which quarter of the year (0-3). */
  private readonly quarterOfYear: Uint8Array;
  private readonly termStart: Int32Array;
  /** For ratios, where the denominator's observables begin inside the metric's terms. */
  private readonly denominatorStart: Int32Array;
  private readonly terms: Int32Array;

  constructor(
    metrics: readonly MetricDef[],
    private readonly observables: readonly ObservableInfo[],
    /**
     * Names a run in errors: a Monte Carlo run or a sensitivity evaluation.
     * Writable, because a recorder outlives a job: runMonteCarlo keeps one
     * per model and names each job's runs in turn.
     */
    public naming: RunNaming,
    quarters: number,
    designs: number,
  ) {
    this.quarters = quarters;
    this.years = Math.ceil(quarters / QUARTERS_PER_YEAR);
    this.observableCount = observables.length;
    this.values = new Float64Array(metrics.length * this.years);
    this.binding = new Float64Array(designs * this.years * CONSTRAINTS.length);
    this.sums = new Float64Array(observables.length * this.years);
    this.lasts = new Float64Array(observables.length * this.years);
    this.kind = new Uint8Array(metrics.length);
    this.lastObservable = new Int32Array(metrics.length);
    this.quarterOfYear = new Uint8Array(metrics.length);
    this.keepQuarters = metrics.some((m) => m.aggregation.kind === "quarter");
    this.quarterObs = new Float64Array(this.keepQuarters ? observables.length * quarters : 0);
    this.termStart = new Int32Array(metrics.length + 1);
    this.denominatorStart = new Int32Array(metrics.length);
    const terms: number[] = [];
    metrics.forEach((metric, m) => {
      const a = metric.aggregation;
      this.termStart[m] = terms.length;
      if (a.kind === "sum" || a.kind === "cumulative") {
        this.kind[m] = a.kind === "sum" ? SUM : CUMULATIVE;
        terms.push(...a.observables);
      } else if (a.kind === "quarter") {
        this.kind[m] = QUARTER;
        this.quarterOfYear[m] = a.quarter;
        terms.push(...a.observables);
      } else if (a.kind === "last") {
        this.kind[m] = LAST;
        this.lastObservable[m] = a.observable;
      } else {
        this.kind[m] = RATIO;
        terms.push(...a.numerator);
        this.denominatorStart[m] = terms.length;
        terms.push(...a.denominator);
      }
    });
    this.termStart[metrics.length] = terms.length;
    this.terms = Int32Array.from(terms);
  }

  beginRun(): void {
    this.sums.fill(0);
    this.lasts.fill(0);
    this.quarterObs.fill(0);
    this.binding.fill(0);
  }

  /** Called after every agent has stepped and settled in quarter q. */
  recordQuarter(w: World): void {
    const q = w.q;
    const year = (q / QUARTERS_PER_YEAR) | 0;
    const obs = w.obs;
    const count = this.observableCount;
    const sums = this.sums;
    const base = year * count;
    // v * 0 is 0 for a finite v and NaN otherwise, so one NaN test per
    // quarter catches every non-finite observable.
    let check = 0;
    for (let o = 0; o < count; o++) {
      const v = obs[o] as number;
      check += v * 0;
      sums[base + o] = (sums[base + o] as number) + v;
    }
    if (check !== check) this.throwNotFinite(w);
    if (q % QUARTERS_PER_YEAR === QUARTERS_PER_YEAR - 1 || q === this.quarters - 1) this.lasts.set(obs, base);
    if (this.keepQuarters) this.quarterObs.set(obs, q * count);
    const years = this.years;
    const constraints = CONSTRAINTS.length;
    const binding = w.binding;
    for (let d = 0; d < binding.length; d++) {
      const c = binding[d] as number;
      if (c === INACTIVE) continue;
      const k = (d * years + year) * constraints + c;
      this.binding[k] = (this.binding[k] as number) + 1;
    }
  }

  /** Names the first observable that is not finite, with enough context to replay the run. */
  private throwNotFinite(w: World): never {
    const obs = w.obs;
    for (let o = 0; o < obs.length; o++) {
      const v = obs[o] as number;
      if (!Number.isFinite(v)) {
        throw new ModelError(this.naming, w.runIndex, quarterLabel(w.q), (this.observables[o] as ObservableInfo).id, v);
      }
    }
    throw new Error("recordQuarter: a non-finite observable vanished");
  }

  /** Sum over the year of the observables in terms[from .. to). */
  private yearSum(from: number, to: number, year: number): number {
    const base = year * this.observableCount;
    let total = 0;
    for (let k = from; k < to; k++) total += this.sums[base + (this.terms[k] as number)] as number;
    return total;
  }

  /** Sum in quarter q of the observables in terms[from .. to); 0 for a quarter past the horizon. */
  private quarterSum(from: number, to: number, q: number): number {
    if (q >= this.quarters) return 0;
    const base = q * this.observableCount;
    let total = 0;
    for (let k = from; k < to; k++) total += this.quarterObs[base + (this.terms[k] as number)] as number;
    return total;
  }

  finishRun(): void {
    const years = this.years;
    const count = this.observableCount;
    const { sums, values } = this;
    for (let m = 0; m < this.kind.length; m++) {
      const kind = this.kind[m] as number;
      const from = this.termStart[m] as number;
      const to = this.termStart[m + 1] as number;
      if (kind === SUM && to - from === 1) {
        // Most metrics are one flow's yearly sum: read it directly (0 + x is x; sums are never -0).
        const o = this.terms[from] as number;
        for (let y = 0; y < years; y++) values[m * years + y] = sums[y * count + o] as number;
        continue;
      }
      for (let y = 0; y < years; y++) {
        let v: number;
        if (kind === SUM) v = this.yearSum(from, to, y);
        else if (kind === CUMULATIVE) v = this.yearSum(from, to, y) + (y > 0 ? (values[m * years + y - 1] as number) : 0);
        else if (kind === LAST) v = this.lasts[y * count + (this.lastObservable[m] as number)] as number;
        else if (kind === QUARTER) v = this.quarterSum(from, to, y * QUARTERS_PER_YEAR + (this.quarterOfYear[m] as number));
        else {
          const split = this.denominatorStart[m] as number;
          const den = this.yearSum(split, to, y);
          v = den > 0 ? this.yearSum(from, split, y) / den : 0;
        }
        this.values[m * years + y] = v;
      }
    }
  }
}
