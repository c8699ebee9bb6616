/**
 * A worker thread of `chipsim sweep --workers N`: runs the points it
 * claims, each whole, and sends back their summaries. See sweepTeam.ts.
 */
import { parentPort } from "node:worker_threads";
import type { Summary } from "@chipsim/core";
import { claimPoint, countPoint, runSweepPoint, type SweepJob, type SweepReport } from "./sweepPoints.js";
import { failureReport } from "./failureReport.js";

const port = parentPort;
port?.on("message", (job: SweepJob) => {
  try {
    const summaries: [number, Summary][] = [];
    for (let point = claimPoint(job); point !== undefined; point = claimPoint(job)) {
      summaries.push([point, runSweepPoint(job, point)]);
      countPoint(job);
    }
    port.postMessage({ kind: "done", summaries } satisfies SweepReport);
  } catch (error) {
    port.postMessage(failureReport(error));
  }
});
