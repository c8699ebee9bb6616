import { CONSTRAINTS } from "../model/constraints.js";
import type { RunRecorder } from "../metrics/runRecorder.js";
import { SeriesStore } from "../stats/seriesStore.js";
import type { StoreMode } from "../stats/storeMode.js";

/**
 * Everything kept across runs: one statistics store per metric and year,
 * binding-constraint counts, and the year each milestone was first reached
 * in each run. Counts are integers and the stores are order-independent,
 * so aggregates merged from any split of the runs are identical.
 */
export class MonteCarloAggregate {
  readonly stores: SeriesStore[];
  /** Quarters each constraint bound, summed over runs: [(design * years + year) * constraints + c]. */
  readonly binding: Float64Array;
  /** Runs that first reached each milestone in year index y (the last slot: never within the horizon). */
  readonly euvReadyFirstYear: Float64Array;
  readonly supplyMetDemandFirstYear: Float64Array;
  runs = 0;

  constructor(
    readonly mode: StoreMode,
    readonly totalRuns: number,
    readonly metricCount: number,
    readonly years: number,
    designs: number,
  ) {
    this.stores = Array.from({ length: metricCount * years }, () => new SeriesStore(mode, totalRuns));
    this.binding = new Float64Array(designs * years * CONSTRAINTS.length);
    this.euvReadyFirstYear = new Float64Array(years + 1);
    this.supplyMetDemandFirstYear = new Float64Array(years + 1);
  }

  addRun(runIndex: number, recorder: RunRecorder, euvReadyYear: number, supplyMetYear: number): void {
    const values = recorder.values;
    for (let s = 0; s < this.stores.length; s++) {
      const store = this.stores[s] as SeriesStore;
      if (this.mode === "exact") store.set(runIndex, values[s] as number);
      else store.add(values[s] as number);
    }
    for (let k = 0; k < this.binding.length; k++) this.binding[k] = (this.binding[k] as number) + (recorder.binding[k] as number);
    this.euvReadyFirstYear[clampYear(euvReadyYear, this.years)]! += 1;
    this.supplyMetDemandFirstYear[clampYear(supplyMetYear, this.years)]! += 1;
    this.runs += 1;
  }

  /** The first `count` runs only, for a job that stopped early (runs are 0..count-1). */
  truncated(count: number): MonteCarloAggregate {
    if (count === this.runs && count === this.totalRuns) return this;
    const copy = new MonteCarloAggregate(this.mode, count, this.metricCount, this.years, this.binding.length / (this.years * CONSTRAINTS.length));
    this.stores.forEach((s, k) => (copy.stores[k] = s.truncated(count)));
    copy.binding.set(this.binding);
    copy.euvReadyFirstYear.set(this.euvReadyFirstYear);
    copy.supplyMetDemandFirstYear.set(this.supplyMetDemandFirstYear);
    copy.runs = this.runs;
    return copy;
  }

  merge(other: MonteCarloAggregate): void {
    this.stores.forEach((s, k) => s.merge(other.stores[k] as SeriesStore));
    for (let k = 0; k < this.binding.length; k++) this.binding[k] = (this.binding[k] as number) + (other.binding[k] as number);
    for (let y = 0; y <= this.years; y++) {
      this.euvReadyFirstYear[y] = (this.euvReadyFirstYear[y] as number) + (other.euvReadyFirstYear[y] as number);
      this.supplyMetDemandFirstYear[y] = (this.supplyMetDemandFirstYear[y] as number) + (other.supplyMetDemandFirstYear[y] as number);
    }
    this.runs += other.runs;
  }
}

/** Year index of a milestone: negative means before 2024 (year 0); beyond the horizon goes to the "never" slot. */
function clampYear(yearIndex: number, years: number): number {
  if (yearIndex < 0) return 0;
  return yearIndex >= years ? years : yearIndex;
}
