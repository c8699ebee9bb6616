import { histogramLength, type BinLayout } from "../stats/binnedSeries.js";
import { histogramArrived, histogramToTravel, sharedHistogram, type SharedHistogram, type TravellingHistogram } from "../stats/sharedHistogram.js";
import type { JobPlan } from "./jobPlan.js";

/**
 * Buffers several threads of one job fill together (on SharedArrayBuffers):
 * exact statistics' values, each run at its own place, so no thread writes
 * where another does; or streaming statistics' histogram, filled under its
 * lock (sharedHistogram.ts).
 */
export interface SharedResults {
  readonly values?: Float64Array;
  readonly histogram?: SharedHistogram;
}

/** Shared results as they travel to a worker: their shared buffers (typed arrays are rebuilt there). */
export interface TravellingResults {
  readonly values?: SharedArrayBuffer;
  readonly histogram?: TravellingHistogram;
}

/** Values for `series` series of `runs` runs, every one NaN until a run writes it. */
export function sharedValues(series: number, runs: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(series * runs * Float64Array.BYTES_PER_ELEMENT)).fill(NaN);
}

/** Fresh buffers for `count` runs of a planned job: every value (exact statistics) or the histogram (streaming). */
export function sharedResultsFor(plan: Pick<JobPlan, "mode" | "series" | "layout">, count: number): SharedResults {
  return plan.mode === "exact" ? { values: sharedValues(plan.series, count) } : { histogram: sharedHistogram(histogramLength(plan.layout as BinLayout)) };
}

export function resultsToTravel(results: SharedResults): TravellingResults {
  return {
    ...(results.values ? { values: results.values.buffer as SharedArrayBuffer } : {}),
    ...(results.histogram ? { histogram: histogramToTravel(results.histogram) } : {}),
  };
}

export function resultsArrived(travelled: TravellingResults): SharedResults {
  return {
    ...(travelled.values ? { values: new Float64Array(travelled.values) } : {}),
    ...(travelled.histogram ? { histogram: histogramArrived(travelled.histogram) } : {}),
  };
}
