/**
 * A worker thread of `chipsim run --workers N`: resolves and compiles the
 * scenario, claims slices of the job until none are left, and sends back
 * its results: for exact statistics the values are already in the shared
 * buffer, so only counts travel; for streaming, its histograms and sums.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ChipsimError, compileModel, MonteCarloAggregate, yearsOf } from "@chipsim/core";
import { scenarioHash } from "../output/manifest.js";
import { loadResolved } from "../scenarioInput.js";
import { claimSlices } from "./claimSlices.js";
import type { SharedJob, WorkerReport } from "./sliceTask.js";

const job = workerData as SharedJob;
let report: WorkerReport;
try {
  const scenario = loadResolved(job.source.ref, job.source.sets, job.source.cwd);
  const hash = scenarioHash(scenario);
  if (hash !== job.source.hash) throw new Error(`the scenario changed while the job ran (${job.source.hash} at the start, ${hash} in a worker)`);
  const model = compileModel(scenario);
  const values = job.values ? new Float64Array(job.values) : undefined;
  const into = new MonteCarloAggregate(job.plan, job.first, job.count, yearsOf(model), model.world.layout.designs, values);
  claimSlices(model, job, into);
  const partial = into.toPartial(values !== undefined);
  report = { kind: "done", partial };
  parentPort?.postMessage(report, Object.values(partial.arrays).map((a) => a.buffer as ArrayBuffer));
} catch (error) {
  report = { kind: "failed", message: error instanceof Error ? error.message : String(error), badInput: error instanceof ChipsimError && error.code === "BAD_INPUT" };
  parentPort?.postMessage(report);
}
