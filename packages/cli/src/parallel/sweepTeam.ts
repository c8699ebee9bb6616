import type { Worker } from "node:worker_threads";
import type { FailureReport } from "./failureReport.js";
import { SharedWork, startWorkers } from "./sharedWork.js";
import { claimPoint, countPoint, runSweepPoint, type SweepJob, type SweepPointResult, type SweepReport } from "./sweepPoints.js";

/** `size` worker threads for a sweep, started before the scenario is loaded so that loading chipsim in them overlaps it. */
export function startSweepWorkers(size: number): Worker[] {
  return startWorkers("sweepWorker", size);
}

/**
 * Runs a sweep's points on this thread and the workers: each thread claims
 * whole points from a shared counter, so every point's summary is the same
 * bits for any number of threads, and the results come back in point
 * order. The workers are the caller's to stop.
 */
export async function runSweepPoints(
  job: Omit<SweepJob, "nextPoint" | "pointsDone">,
  team: readonly Worker[],
  onProgress?: (pointsDone: number, points: number) => void,
): Promise<SweepPointResult[]> {
  const shared: SweepJob = { ...job, nextPoint: new SharedArrayBuffer(4), pointsDone: new SharedArrayBuffer(4) };
  const done = new Int32Array(shared.pointsDone);
  const points = job.points.length;
  // After each of this thread's points, and while it waits for the workers' last ones.
  const report = () => onProgress?.(Atomics.load(done, 0), points);
  const next = new Int32Array(shared.nextPoint);
  const results: (SweepPointResult | undefined)[] = new Array(points);
  const work = new SharedWork(() => Atomics.store(next, 0, points));
  await work.run<Exclude<SweepReport, FailureReport>>(team, shared, {
    onDone: (reply) => {
      for (const [point, result] of reply.results) results[point] = result;
    },
    claimHere: () => {
      const point = claimPoint(shared);
      if (point === undefined) return false;
      results[point] = runSweepPoint(shared, point);
      countPoint(shared);
      report();
      return true;
    },
    ...(onProgress ? { whileWaiting: report } : {}),
  });
  report();
  return results.map((r, point) => {
    if (!r) throw new Error(`sweep point ${point} was never run`);
    return r;
  });
}
