import { summarizeStoredSeries, type StoredSeries } from "@chipsim/core/engine";
import type { SharedSummaries } from "./sharedJob.js";

/** Series a thread summarises per claim: about a millisecond at 10,000 runs, so threads finish together. */
export const SERIES_PER_CLAIM = 8;

/**
 * Claims the next SERIES_PER_CLAIM series from the shared counter and
 * summarises them into their rows; false once every series is claimed.
 * A series is summarised by whichever thread claims it, from the same
 * values, so its row is the same bits on any thread.
 */
export function claimSummaryBatch(job: SharedSummaries, stored: StoredSeries, rows: Float64Array, scratch: Float64Array): boolean {
  const from = Atomics.add(new Int32Array(job.nextSeries), 0, SERIES_PER_CLAIM);
  if (from >= job.series) return false;
  summarizeStoredSeries(stored, from, Math.min(job.series, from + SERIES_PER_CLAIM), rows, scratch);
  return true;
}
