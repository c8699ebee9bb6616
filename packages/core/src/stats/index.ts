export { ExactSum, type ExactSumJSON } from "./exactSum.js";
export { productError } from "./productError.js";
export { Moments, MAX_MOMENT_MAGNITUDE, type MomentsJSON } from "./moments.js";
export { BucketStore, type BucketStoreJSON } from "./bucketStore.js";
export { LogSketch, DEFAULT_RELATIVE_ACCURACY, DEFAULT_MAX_BUCKETS, ZERO_THRESHOLD, type LogSketchJSON } from "./logSketch.js";
export { quantileSorted, type7Position, REPORTED_QUANTILES, REPORTED_QUANTILE_KEYS, type QuantileKey, type Type7Position } from "./quantile.js";
export { SeriesStore, type SeriesSummary, type QuantileError, type SeriesPrecision, type SeriesStoreJSON } from "./seriesStore.js";
export { chooseStoreMode, DEFAULT_MEMORY_BOUND_BYTES, type StoreMode } from "./storeMode.js";
