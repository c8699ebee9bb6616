/**
 * A worker thread of `chipsim run --workers N` (and of compare). It starts
 * while the main thread is still loading the scenario, so loading the
 * engine's code here overlaps that; then it receives the resolved scenario
 * (ahead of the job, so that it compiles its own model while the main
 * thread compiles and plans), and the job: it claims slices until none are
 * left and sends back its results (the values of exact statistics, or the
 * histogram of streaming ones, are already in shared buffers, so only
 * counts and sums travel). The benchmark may
 * also ask it what garbage its run loop leaves (GarbageQuestion).
 */
import { parentPort } from "node:worker_threads";
import { compileModel, MonteCarloAggregate, PairedRuns, restoreScenario, resultsArrived, StoredSeries, yearsOf, type CompiledModel, type TransferableScenario } from "@chipsim/core/engine";
import { claimEach, claimSlices } from "./claimSlices.js";
import { claimSlicesWithRows } from "./orderedRows.js";
import { claimSummaryBatch } from "./claimSummaries.js";
import { garbagePerRun } from "../bench/garbagePerRun.js";
import type { GarbageQuestion, ScenarioAhead, SharedJob, SharedPairedJob, SharedSummaries, WorkerReport } from "./sharedJob.js";
import { failureReport } from "./failureReport.js";

const port = parentPort;
/**
 * Models compiled so far, by the team's scenario key: a checkpointed run
 * hands out its segments as jobs, compare one job per scenario or one
 * paired job of them all. Each job keeps only its own models.
 */
const models = new Map<number, CompiledModel>();

function modelFor(scenario: TransferableScenario, scenarioKey: number): CompiledModel {
  let model = models.get(scenarioKey);
  if (!model) models.set(scenarioKey, (model = compileModel(restoreScenario(scenario))));
  return model;
}

/** The models of a job, the others forgotten. */
function modelsFor(scenarios: readonly TransferableScenario[], keys: readonly number[]): CompiledModel[] {
  const wanted = keys.map((key, k) => modelFor(scenarios[k] as TransferableScenario, key));
  for (const key of [...models.keys()]) if (!keys.includes(key)) models.delete(key);
  return wanted;
}

port?.on("message", (message: ScenarioAhead | SharedJob | SharedPairedJob | SharedSummaries | GarbageQuestion) => {
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
      models.delete(message.scenarioKey);
    }
    return;
  }
  if (message.kind === "paired") {
    try {
      const job = message;
      const shared = { sides: job.shared.sides.map(resultsArrived), pairs: job.shared.pairs.map(resultsArrived) };
      const paired = new PairedRuns(modelsFor(job.scenarios, job.scenarioKeys), job.plan, shared);
      claimEach(job, (first, count) => paired.runSlice(first, count));
      const partial = paired.toPartial(true);
      const arrays = [...partial.sides.flatMap((side) => Object.values(side.arrays)), ...partial.pairs.map((pair) => pair.greater)];
      port.postMessage({ kind: "paired", partial } satisfies WorkerReport, arrays.map((a) => a.buffer as ArrayBuffer));
    } catch (error) {
      port.postMessage(failureReport(error));
    }
    return;
  }
  try {
    const job = message;
    const jobModel = modelsFor([job.scenario], [job.scenarioKey])[0] as CompiledModel;
    const shared = job.shared ? resultsArrived(job.shared) : undefined;
    const into = new MonteCarloAggregate(job.plan, job.first, job.count, yearsOf(jobModel), jobModel.world.layout.designs, shared);
    if (job.rows) {
      const rows = job.rows;
      claimSlicesWithRows(jobModel, { ...job, rows }, into, job.plan.series, (slice, block, transfer) => port.postMessage({ kind: "rows", slice, block } satisfies WorkerReport, transfer));
    } else claimSlices(jobModel, job, into);
    const partial = into.toPartial(shared !== undefined);
    port.postMessage({ kind: "done", partial } satisfies WorkerReport, Object.values(partial.arrays).map((a) => a.buffer as ArrayBuffer));
  } catch (error) {
    port.postMessage(failureReport(error));
  }
});
