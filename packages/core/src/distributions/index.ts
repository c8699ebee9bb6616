export type { DistSpec, DistKind, Distribution } from "./types.js";
export { makeDistribution } from "./make.js";
export { sample } from "./sample.js";
export { normalQuantile, normalCdf } from "./normal.js";
export { lognormalFromMoments, lognormalFromPercentiles } from "./lognormal.js";
export { BETA_TABLE_ERROR } from "./beta.js";
