/// <reference lib="webworker" />
import { compileModel, metricLabels, runMonteCarlo, summarize, summaryToCsv, type CompiledModel } from "@chipsim/core";
import { resolveBuiltin } from "./scenarioLibrary.js";
import type { SimulationReply, SimulationRequest } from "./simulationMessages.js";

// The engine off the page's thread: resolve, compile, run, summarise, as
// `chipsim run` does. A newer request replaces this worker (the page
// terminates it), so a job never has to check whether it is still wanted.
let compiled: { readonly key: string; readonly model: CompiledModel } | undefined;

/** The compiled model of a scenario and overrides; a new seed or number of runs reuses it (a model is built once, run many times). */
function modelFor(id: string, sets: readonly string[]): CompiledModel {
  const key = JSON.stringify([id, sets]);
  if (compiled?.key !== key) compiled = { key, model: compileModel(resolveBuiltin(id, sets)) };
  return compiled.model;
}

const post = (reply: SimulationReply): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);

self.onmessage = (event: MessageEvent<SimulationRequest>) => {
  const { job, scenario: id, sets, runs } = event.data;
  const started = performance.now();
  try {
    const model = modelFor(id, sets);
    const seed = event.data.seed ?? model.scenario.meta.seed;
    const aggregate = runMonteCarlo(model, { runs, seed, onProgress: (done, total) => post({ kind: "progress", job, done, total }) });
    const summary = summarize(model, aggregate, seed);
    post({ kind: "result", job, summary, labels: metricLabels(model.metrics), csv: summaryToCsv(summary), milliseconds: performance.now() - started });
  } catch (error) {
    post({ kind: "error", job, message: error instanceof Error ? error.message : String(error) });
  }
};
