/**
 * A worker thread of `chipsim sweep --workers N`: runs the points it
 * claims, each whole, and sends back their results. See sweepTeam.ts.
 */
import { parentPort } from "node:worker_threads";
import { claimPoint, countPoint, runSweepPoint, type SweepJob, type SweepPointResult, type SweepReport } from "./sweepPoints.js";
import { failureReport } from "./failureReport.js";

const port = parentPort;
port?.on("message", (job: SweepJob) => {
  try {
    const results: [number, SweepPointResult][] = [];
    for (let point = claimPoint(job); point !== undefined; point = claimPoint(job)) {
      results.push([point, runSweepPoint(job, point)]);
      countPoint(job);
    }
    port.postMessage({ kind: "done", results } satisfies SweepReport);
  } catch (error) {
    port.postMessage(failureReport(error));
  }
});
