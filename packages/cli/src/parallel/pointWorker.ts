/**
 * A worker thread of `chipsim sensitivity --workers N`: compiles the model
 * once, then evaluates the rows it claims from each batch of points,
 * writing each output at its row. See pointTeam.ts.
 */
import { parentPort } from "node:worker_threads";
import { compileModel, ModelEvaluator, restoreScenario } from "@chipsim/core/engine";
import { batchViews, claimRows, type PointMessage, type PointReport } from "./pointBatch.js";
import { failureReport } from "./failureReport.js";

const port = parentPort;
let evaluator: ModelEvaluator | undefined;
/** Why the setup failed: nobody waits for an answer to it, so the first batch reports it. */
let setupError: unknown;
port?.on("message", (message: PointMessage) => {
  if (message.kind === "setup") {
    try {
      evaluator = new ModelEvaluator(compileModel(restoreScenario(message.scenario)), message.metric, message.year, { checkInvariants: message.checkInvariants });
    } catch (error) {
      setupError = error;
    }
    return;
  }
  try {
    if (!evaluator) throw setupError ?? new Error("a batch arrived before the model");
    const batch = batchViews(message);
    const checkedBefore = evaluator.quartersChecked;
    while (claimRows(batch, evaluator));
    port.postMessage({ kind: "done", quartersChecked: evaluator.quartersChecked - checkedBefore } satisfies PointReport);
  } catch (error) {
    port.postMessage(failureReport(error));
  }
});
