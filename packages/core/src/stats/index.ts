export { ExactSum, type ExactSumJSON } from "./exactSum.js";
export { productError } from "./productError.js";
export { orderStatistics, quantilesBySelection, selectRank } from "./orderStatistics.js";
export { median } from "./median.js";
export { quantileSorted, type7Position, REPORTED_QUANTILES, REPORTED_QUANTILE_KEYS, type QuantileKey, type Type7Position } from "./quantile.js";
export { StoredSeries } from "./storedSeries.js";
export { BinnedSeries, binLayoutFromPilot, BLOCK_RUNS, HISTOGRAM_BINS, type BinLayout, type BinnedSums } from "./binnedSeries.js";
export { assembleSummary, summaryProbabilities, type SeriesSummary, type SeriesPrecision } from "./seriesSummary.js";
export { chooseStoreMode, DEFAULT_MEMORY_BOUND_BYTES, type StoreMode } from "./storeMode.js";
