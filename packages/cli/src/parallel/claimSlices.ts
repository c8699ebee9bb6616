import { runMonteCarlo, type CompiledModel, type MonteCarloAggregate } from "@chipsim/core/engine";
import type { SharedJob } from "./sharedJob.js";

/** What the threads of a job share to split it: its block-aligned slices, the next one to claim, and the runs done. */
export interface SliceClaims {
  readonly slices: readonly (readonly [number, number])[];
  readonly nextSlice: SharedArrayBuffer;
  readonly runsDone: SharedArrayBuffer;
}

/** [first, count] slices of BLOCK_RUNS runs (the last one shorter) covering [first, first + count). */
export function slicesOf(first: number, count: number, blockRuns: number): [number, number][] {
  const slices: [number, number][] = [];
  for (let start = first; start < first + count; start += blockRuns) slices.push([start, Math.min(blockRuns, first + count - start)]);
  return slices;
}

/**
 * Claims slices one at a time (an atomic counter shared by every thread, so
 * a thread that starts late or runs slowly simply takes fewer) and hands
 * each to `runSlice`. Which thread runs which slice changes nothing in the
 * results: every run's draws depend only on the seed and its index.
 */
export function claimEach(claims: SliceClaims, runSlice: (first: number, count: number, slice: number) => void, shouldStop: () => boolean = () => false): void {
  const next = new Int32Array(claims.nextSlice);
  const done = new Int32Array(claims.runsDone);
  for (;;) {
    if (shouldStop()) return;
    const k = Atomics.add(next, 0, 1);
    if (k >= claims.slices.length) return;
    const [first, count] = claims.slices[k] as readonly [number, number];
    runSlice(first, count, k);
    // Atomic, so the values written before it are visible to whoever reads the count.
    Atomics.add(done, 0, count);
  }
}

/** Runs [first, first + count) of the job into `into`, handing each run's values to `onRun` when given. */
export function runSliceInto(model: CompiledModel, job: SharedJob, into: MonteCarloAggregate, first: number, count: number, onRun?: (run: number, values: Float64Array) => void): void {
  runMonteCarlo(model, { plan: into.plan, firstRun: first, count, into, checkInvariants: job.checkInvariants, ...(onRun ? { onRun } : {}) });
}

/** Claims slices of one scenario's job and runs them into `into`. */
export function claimSlices(model: CompiledModel, job: SharedJob, into: MonteCarloAggregate, shouldStop: () => boolean = () => false): void {
  claimEach(job, (first, count) => runSliceInto(model, job, into, first, count), shouldStop);
}
