// The public surface of @chipsim/core. Other packages and tests import from here only.
export { simulate, type SimulateOptions } from "./simulate.js";
export { issuesOfFilesAlone, resolveScenario, type ResolveInput } from "./config/resolveScenario.js";
export { movedPathIssue } from "./config/movedPaths.js";
export type { ResolvedScenario, ScenarioMeta, Location } from "./config/resolvedScenario.js";
export { transferableScenario, restoreScenario, type TransferableScenario } from "./config/transferScenario.js";
export { reviveScenario } from "./config/reviveScenario.js";
export { OVERRIDE_FILE, type ScenarioDocument, type Override } from "./config/document.js";
export { compileModel, type CompiledModel } from "./model/compileModel.js";
export { runMonteCarlo, type MonteCarloOptions } from "./montecarlo/runMonteCarlo.js";
export { InvariantChecker, INVARIANTS, type InvariantId } from "./montecarlo/invariants.js";
export { InvariantError } from "./montecarlo/invariantError.js";
export { hybridRuns, monteCarloRuns, runNamingFor, sensitivityEvaluations, type RunNaming } from "./montecarlo/runNaming.js";
export { replayRun, type ReplayedRun } from "./montecarlo/replayRun.js";
export { MonteCarloAggregate, type AggregatePartial } from "./montecarlo/aggregate.js";
export { resultsArrived, resultsToTravel, sharedResultsFor, type SharedResults, type TravellingResults } from "./montecarlo/sharedResults.js";
export { sharedHistogram, type SharedHistogram } from "./stats/sharedHistogram.js";
export { planJob, sharedDimensions, sliceOf, PILOT_RUNS, SAMPLERS, type JobPlan, type PlanOptions, type PointSampler, type Sampler } from "./montecarlo/jobPlan.js";
export { RunInputs } from "./montecarlo/runInputs.js";
export { SCRAMBLES, SCRAMBLE_BLOCK_RUNS, scrambleOf } from "./random/sobol/scrambledSobol.js";
export { sobolDirections, sobolBits, SOBOL_MAX_DIMENSIONS } from "./random/sobol/sobolSequence.js";
export { OWEN_KEYS, owenKeys, owenScrambleInto } from "./random/sobol/owenScramble.js";
export { yearsOf } from "./montecarlo/layout.js";
export { DEFAULT_MEMORY_BOUND_BYTES, storedBytes, type StoreMode } from "./stats/storeMode.js";
export { BLOCK_RUNS, HISTOGRAM_BINS, histogramLength } from "./stats/binnedSeries.js";
export { StoredSeries } from "./stats/storedSeries.js";
export { quantilesBySelection } from "./stats/orderStatistics.js";
export { median } from "./stats/median.js";
export { SUMMARY_ROW, summarizeStoredSeries } from "./stats/summaryRows.js";
export { summarize, summaryFrame, DOMESTIC_CONSTRAINTS, IMPORT_CONSTRAINTS, MILESTONES, type Summary, type SummaryFrame, type QuantileMethod } from "./export/summary.js";
export { summaryToCsv, CSV_HEADER } from "./export/csv.js";
export { chipSalesToCsv, CHIP_SALES_HEADER, type ChipOwner } from "./export/chipSales.js";
export { CONSTRAINTS, type Constraint } from "./model/constraints.js";
export { STEP_ORDER, type AgentName } from "./model/agent.js";
export type { MetricDef } from "./metrics/registry.js";
export { metricLabels, metricName, metricTitle, designName, leverName, H100E_NOTE, MILESTONE_LABELS, type MetricLabel, type MetricLabels } from "./metrics/labels.js";
export {
  formatCount,
  formatDifference,
  formatNumber,
  formatPercent,
  formatShare,
  formatValue,
  isNoise,
  NUMBER_AXIS_LABEL,
  SHARE_DIFFERENCE_AXIS_LABEL,
  type FormatOptions,
} from "./format/numbers.js";
export { scenarioSchema, type ScenarioTree } from "./schema/scenario.js";
export { scenarioJsonSchema } from "./schema/jsonSchema.js";
export { bibliographySchema, type BibliographyEntry } from "./schema/bibliography.js";
export { LEVER_IDS, type LeverId } from "./schema/leverIds.js";
export { LEVER_EFFECTS, type LeverEffect } from "./model/leverEffects.js";
export { Param, type Provenance } from "./schema/param.js";
export type { ParamSpec, ParamKind } from "./schema/paramSpec.js";
export { makeDistribution } from "./distributions/make.js";
export { normalCdf } from "./distributions/normal.js";
export type { DistSpec, Distribution } from "./distributions/types.js";
export { closestName, didYouMean } from "./closestName.js";
export { ChipsimError, ScenarioError, ModelError, formatIssue, EXIT_CODES, type ScenarioIssue, type ErrorCode } from "./errors.js";
export { formatPosition, positionToYear, QUARTERS_PER_YEAR, quarterCount, quarterLabel, START_YEAR } from "./time/index.js";
export type { SeriesSummary } from "./stats/seriesSummary.js";
export { describeParam, type ParamDescription } from "./export/describeParam.js";
export { linkableUrl } from "./export/sourceLink.js";
export { backtest, checkTargets, type BacktestReport, type TargetResult } from "./backtest/backtest.js";
export { targetSchema, targetsFileSchema, type Target } from "./backtest/targetSchema.js";
export { crps, massInside } from "./backtest/scores.js";
export { designerId } from "./metrics/registry.js";
export type { RunMilestones } from "./montecarlo/runOnce.js";
export { canonicalContent } from "./export/canonicalContent.js";
export type { SeriesPrecision } from "./stats/seriesSummary.js";
export { PairedRuns, pairedSharedFor, planPairedJob, runPairedHere, type PairedShared, type PairedPartial, type PairedPlan, type RunPaired } from "./analysis/pairedRuns.js";
export { compareScenarios, runJobHere, type ComparisonSummary, type DiffSummary, type RunJob, type RunJobOptions } from "./analysis/comparison.js";
export { attributeDifference, type Attribution } from "./analysis/attribution.js";
export { perRunValues, type PerRunValues } from "./analysis/perRunValues.js";
export { pairedEffect, type PairedEffect } from "./analysis/pairedEffect.js";
export { scenarioChanges, changeGroups, type ScenarioChange } from "./analysis/scenarioDiff.js";
export { hybridScenario } from "./analysis/hybrid.js";
export { gridDesign, latinHypercube } from "./analysis/design.js";
export { overrideValue, readSweepValue } from "./analysis/sweepValues.js";
export { StreamRng } from "./random/streamRng.js";
export { jobKey, runKey } from "./random/seed.js";
export { fnv1a32 } from "./random/hash.js";
export { sensitivity, SOBOL_MAX_FACTORS, type SensitivityReport, type SensitivityMethod, type FactorGrouping } from "./analysis/sensitivity.js";
export { sobolIndices, type SobolIndex } from "./analysis/sobol.js";
export { morrisEffects, type MorrisIndex } from "./analysis/morris.js";
export { tornado, type Tornado, type TornadoBar } from "./analysis/tornado.js";
export { ModelEvaluator } from "./analysis/evaluator.js";
export { evaluateInBatches, evaluateRowsOf, evaluateRowsWith, MAX_BATCH_ROWS, type EvaluateRows } from "./analysis/evaluateRows.js";
export { rankCorrelation } from "./analysis/rankCorrelation.js";
export { fanChart, overlayChart, bottleneckChart, tornadoChart, PALETTE, type ChartSpec } from "./charts/index.js";
