/**
 * The engine alone: compile a resolved scenario and run it. This entry
 * point loads no schema, unit or statistics library (zod, mathjs), so a
 * worker thread that only runs what the main thread has already checked
 * starts lighter; `test/architecture.test.ts` keeps it that way.
 */
export { compileModel, type CompiledModel } from "./model/compileModel.js";
export { runMonteCarlo } from "./montecarlo/runMonteCarlo.js";
export { planJob, type Sampler } from "./montecarlo/jobPlan.js";
export { ModelEvaluator } from "./analysis/evaluator.js";
export { MonteCarloAggregate } from "./montecarlo/aggregate.js";
export { PairedRuns, type PairedPartial, type PairedPlan } from "./analysis/pairedRuns.js";
export { StoredSeries } from "./stats/storedSeries.js";
export { resultsArrived, type TravellingResults } from "./montecarlo/sharedResults.js";
export { SUMMARY_ROW, summarizeStoredSeries } from "./stats/summaryRows.js";
export { yearsOf } from "./montecarlo/layout.js";
export { START_YEAR } from "./time/quarter.js";
export { restoreScenario, type TransferableScenario } from "./config/transferScenario.js";
export { ChipsimError, type ErrorCode } from "./errors.js";
