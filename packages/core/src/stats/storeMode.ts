/**
 * Whether a job keeps every run's values (exact quantiles) or streams them
 * into sketches (memory independent of the number of runs). Decided from
 * the job's size alone, before any run, so every worker and shard of a job
 * makes the same choice.
 */
export type StoreMode = "exact" | "streaming";

export const DEFAULT_MEMORY_BOUND_BYTES = 512 * 1024 * 1024;

export function chooseStoreMode(runs: number, seriesCount: number, memoryBoundBytes: number = DEFAULT_MEMORY_BOUND_BYTES): StoreMode {
  return runs * seriesCount * 8 <= memoryBoundBytes ? "exact" : "streaming";
}
