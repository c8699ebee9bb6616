/**
 * A worker thread of `chipsim run --workers N` (and of compare). It starts
 * while the main thread is still loading the scenario, so loading the
 * engine's code here overlaps that; then it receives the resolved scenario and the job,
 * compiles its own model, claims slices until none are left and sends back
 * its results (for exact statistics the values are already in the shared
 * buffer, so only counts travel).
 */
import { parentPort } from "node:worker_threads";
import { compileModel, MonteCarloAggregate, restoreScenario, yearsOf, type CompiledModel } from "@chipsim/core/engine";
import { claimSlices } from "./claimSlices.js";
import type { SharedJob, WorkerReport } from "./sharedJob.js";
import { failureReport } from "./failureReport.js";

const port = parentPort;
let model: CompiledModel | undefined;
let modelKey: number | undefined;
// One job after another (a checkpointed run hands out its segments as jobs, compare one job per
// scenario): a scenario is compiled once, when its first job arrives.
port?.on("message", (job: SharedJob) => {
  try {
    if (!model || modelKey !== job.scenarioKey) {
      model = compileModel(restoreScenario(job.scenario));
      modelKey = job.scenarioKey;
    }
    const values = job.values ? new Float64Array(job.values) : undefined;
    const into = new MonteCarloAggregate(job.plan, job.first, job.count, yearsOf(model), model.world.layout.designs, values);
    claimSlices(model, job, into);
    const partial = into.toPartial(values !== undefined);
    port.postMessage({ kind: "done", partial } satisfies WorkerReport, Object.values(partial.arrays).map((a) => a.buffer as ArrayBuffer));
  } catch (error) {
    port.postMessage(failureReport(error));
  }
});
