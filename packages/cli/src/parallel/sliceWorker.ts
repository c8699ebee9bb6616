/**
 * A worker thread of `chipsim run --workers N` (and of compare). It starts
 * while the main thread is still loading the scenario, so loading the
 * engine's code here overlaps that; then it receives the resolved scenario
 * (ahead of the job, so that it compiles its own model while the main
 * thread compiles and plans), and the job: it claims slices until none are
 * left and sends back its results (for exact statistics the values are
 * already in the shared buffer, so only counts travel). The benchmark may
 * also ask it what garbage its run loop leaves (GarbageQuestion).
 */
import { parentPort } from "node:worker_threads";
import { compileModel, MonteCarloAggregate, restoreScenario, StoredSeries, yearsOf, type CompiledModel, type TransferableScenario } from "@chipsim/core/engine";
import { claimSlices } from "./claimSlices.js";
import { claimSummaryBatch } from "./claimSummaries.js";
import { garbagePerRun } from "../bench/garbagePerRun.js";
import type { GarbageQuestion, ScenarioAhead, SharedJob, SharedSummaries, WorkerReport } from "./sharedJob.js";
import { failureReport } from "./failureReport.js";

const port = parentPort;
let model: CompiledModel | undefined;
let modelKey: number | undefined;

/** The model of this scenario, compiled only when it is not the last one's (a checkpointed run hands out its segments as jobs, compare one job per scenario). */
function modelFor(scenario: TransferableScenario, scenarioKey: number): CompiledModel {
  if (!model || modelKey !== scenarioKey) {
    model = compileModel(restoreScenario(scenario));
    modelKey = scenarioKey;
  }
  return model;
}

port?.on("message", (message: ScenarioAhead | SharedJob | SharedSummaries | GarbageQuestion) => {
  if (message.kind === "garbage") {
    garbagePerRun(compileModel(restoreScenario(message.scenario)), message.runs, message.seed).then(
      (garbageBytesPerRun) => port.postMessage({ kind: "garbage", garbageBytesPerRun } satisfies WorkerReport),
      (error: unknown) => port.postMessage(failureReport(error)),
    );
    return;
  }
  if (message.kind === "summaries") {
    try {
      const stored = new StoredSeries(message.series, message.first, message.count, new Float64Array(message.values));
      const rows = new Float64Array(message.rows);
      const scratch = new Float64Array(message.count);
      while (claimSummaryBatch(message, stored, rows, scratch));
      port.postMessage({ kind: "summarized" } satisfies WorkerReport);
    } catch (error) {
      port.postMessage(failureReport(error));
    }
    return;
  }
  if (message.kind === "scenario") {
    // Nothing to answer: a scenario that fails to compile fails again, and is reported, with its job.
    try {
      modelFor(message.scenario, message.scenarioKey);
    } catch {
      model = undefined;
    }
    return;
  }
  try {
    const job = message;
    const jobModel = modelFor(job.scenario, job.scenarioKey);
    const values = job.values ? new Float64Array(job.values) : undefined;
    const into = new MonteCarloAggregate(job.plan, job.first, job.count, yearsOf(jobModel), jobModel.world.layout.designs, values);
    claimSlices(jobModel, job, into);
    const partial = into.toPartial(values !== undefined);
    port.postMessage({ kind: "done", partial } satisfies WorkerReport, Object.values(partial.arrays).map((a) => a.buffer as ArrayBuffer));
  } catch (error) {
    port.postMessage(failureReport(error));
  }
});
