// The public surface of @chipsim/cli, for tests and embedding.
export { runCli } from "./program.js";
export { processIo, type CliIo } from "./io.js";
export { parseSetFlag } from "./setFlag.js";
export { summaryJson, parseSeed } from "./commands/run.js";
export { renderSummaryTable, HEADLINE_METRICS } from "./output/summaryTable.js";
export { scenariosDoc, SCENARIOS_DOC_RUNS, SCENARIOS_DOC_SEED } from "./docs/scenariosDoc.js";
export { behaviourDoc, BEHAVIOUR_RUNS, BEHAVIOUR_SEED } from "./docs/behaviourDoc.js";
export { BEHAVIOURS, STOCK_BOUNDS, type Behaviour, type Direction, type StockBound } from "./behaviour/behaviours.js";
export { BehaviourRunner, type BehaviourMeasurement, type BehaviourOptions, type BoundMeasurement } from "./behaviour/measureBehaviour.js";
export { renderBacktest } from "./commands/backtest.js";
export { citationsOf } from "./commands/sources.js";
export { CHIPSIM_VERSION } from "./output/manifest.js";
