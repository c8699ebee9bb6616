/**
 * A worker thread of `chipsim sensitivity --workers N`: compiles the model
 * once, then evaluates the rows it claims from each batch of points,
 * writing each output at its row. See pointTeam.ts.
 */
import { parentPort } from "node:worker_threads";
import { compileModel, ModelEvaluator, restoreScenario } from "@chipsim/core/engine";
import { ROWS_PER_CLAIM, type PointMessage, type PointReport } from "./pointBatch.js";
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
    const points = new Float64Array(message.points);
    const outputs = new Float64Array(message.outputs);
    const next = new Int32Array(message.nextRow);
    const done = new Int32Array(message.rowsDone);
    const checkedBefore = evaluator.quartersChecked;
    for (;;) {
      const from = Atomics.add(next, 0, ROWS_PER_CLAIM);
      if (from >= message.rows) break;
      const to = Math.min(message.rows, from + ROWS_PER_CLAIM);
      evaluator.evaluateRows(points, from, to, outputs, message.firstIndex);
      Atomics.add(done, 0, to - from);
    }
    port.postMessage({ kind: "done", quartersChecked: evaluator.quartersChecked - checkedBefore } satisfies PointReport);
  } catch (error) {
    port.postMessage(failureReport(error));
  }
});
