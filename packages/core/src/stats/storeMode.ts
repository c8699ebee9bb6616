/**
 * Whether a job keeps every run's values (exact quantiles) or streams them
 * into histograms (memory independent of the number of runs). Decided from
 * the job's size alone, before any run, so every worker and shard of a job
 * makes the same choice whatever the data turn out to be.
 */
export type StoreMode = "exact" | "streaming";

/** 512 MiB of stored values: 64 Mi doubles across all series. */
export const DEFAULT_MEMORY_BOUND_BYTES = 512 * 1024 * 1024;

const BYTES_PER_VALUE = Float64Array.BYTES_PER_ELEMENT;

/** Memory that exact statistics take: every run's value of every series. */
export function storedBytes(runs: number, seriesCount: number): number {
  return runs * seriesCount * BYTES_PER_VALUE;
}

export function chooseStoreMode(runs: number, seriesCount: number, memoryBoundBytes: number = DEFAULT_MEMORY_BOUND_BYTES): StoreMode {
  if (!(Number.isInteger(runs) && runs >= 0)) throw new RangeError(`runs must be a whole number, got ${runs}`);
  if (!(Number.isInteger(seriesCount) && seriesCount >= 0)) throw new RangeError(`series count must be a whole number, got ${seriesCount}`);
  if (!(memoryBoundBytes >= 0)) throw new RangeError(`memory bound must be at least 0 bytes, got ${memoryBoundBytes}`);
  return storedBytes(runs, seriesCount) <= memoryBoundBytes ? "exact" : "streaming";
}
