/**
 * A worker thread of `chipsim run --workers N`. It starts while the main
 * thread is still loading: it resolves and compiles the scenario, says it
 * is ready, and waits for the job; then it claims slices until none are
 * left and sends back its results (for exact statistics the values are
 * already in the shared buffer, so only counts travel).
 */
import { parentPort, workerData } from "node:worker_threads";
import { compileModel, MonteCarloAggregate, yearsOf, type CompiledModel } from "@chipsim/core";
import { scenarioHash } from "../output/manifest.js";
import { loadResolved } from "../scenarioInput.js";
import { claimSlices } from "./claimSlices.js";
import type { ScenarioSource, SharedJob, WorkerReport } from "./sliceTask.js";

const port = parentPort;
const fail = (error: unknown) => port?.postMessage({ kind: "failed", message: error instanceof Error ? error.message : String(error) } satisfies WorkerReport);

let model: CompiledModel | undefined;
try {
  const source = workerData as ScenarioSource;
  const scenario = loadResolved(source.ref, source.sets, source.cwd);
  model = compileModel(scenario);
  port?.postMessage({ kind: "ready", hash: scenarioHash(scenario) } satisfies WorkerReport);
} catch (error) {
  fail(error);
}

port?.once("message", (job: SharedJob) => {
  try {
    if (!model) return;
    const values = job.values ? new Float64Array(job.values) : undefined;
    const into = new MonteCarloAggregate(job.plan, job.first, job.count, yearsOf(model), model.world.layout.designs, values);
    claimSlices(model, job, into);
    const partial = into.toPartial(values !== undefined);
    port.postMessage({ kind: "done", partial } satisfies WorkerReport, Object.values(partial.arrays).map((a) => a.buffer as ArrayBuffer));
  } catch (error) {
    fail(error);
  }
});
