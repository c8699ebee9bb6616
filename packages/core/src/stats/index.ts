export { ExactSum } from "./exactSum.js";
export { Moments } from "./moments.js";
export { LogSketch, DEFAULT_RELATIVE_ACCURACY } from "./logSketch.js";
export { quantileSorted, REPORTED_QUANTILES, type QuantileKey } from "./quantile.js";
export { SeriesStore, type SeriesSummary, type QuantileError } from "./seriesStore.js";
export { chooseStoreMode, DEFAULT_MEMORY_BOUND_BYTES, type StoreMode } from "./storeMode.js";
