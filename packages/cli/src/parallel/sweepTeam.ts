import { Worker } from "node:worker_threads";
import { askWorker, workerFailure } from "./askWorker.js";
import { claimPoint, countPoint, runSweepPoint, type SweepJob, type SweepPointResult, type SweepReport } from "./sweepPoints.js";

/** `size` worker threads for a sweep, started before the scenario is loaded so that loading chipsim in them overlaps it. */
export function startSweepWorkers(size: number): Worker[] {
  return Array.from({ length: Math.max(0, size) }, () => new Worker(new URL("../../dist/parallel/sweepWorker.js", import.meta.url)));
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
  // Between this thread's points, and while it waits for the workers' last ones.
  const report = () => onProgress?.(Atomics.load(done, 0), points);
  const next = new Int32Array(shared.nextPoint);
  const results: (SweepPointResult | undefined)[] = new Array(job.points.length);
  let failure: Error | undefined;
  const stopAll = (error: Error) => {
    failure ??= error;
    // No thread should start another point: the sweep has failed.
    Atomics.store(next, 0, job.points.length);
  };
  const reports = team.map((worker) =>
    askWorker<SweepReport>(
      worker,
      shared,
      (report) => {
        if (report.kind === "failed") return stopAll(workerFailure(report.message, report.code));
        for (const [point, result] of report.results) results[point] = result;
      },
      (why) => stopAll(workerFailure(why)),
    ),
  );
  // This thread runs points too, yielding between them so that a worker's failure is heard.
  try {
    for (let point = claimPoint(shared); point !== undefined; point = claimPoint(shared)) {
      results[point] = runSweepPoint(shared, point);
      countPoint(shared);
      report();
      if (team.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    stopAll(error as Error);
  }
  const timer = onProgress ? setInterval(report, 200) : undefined;
  try {
    await Promise.all(reports);
  } finally {
    if (timer) clearInterval(timer);
  }
  if (!failure) report();
  if (failure) throw failure;
  return results.map((r, point) => {
    if (!r) throw new Error(`sweep point ${point} was never run`);
    return r;
  });
}
