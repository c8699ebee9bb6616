export type { Rng } from "./rng.js";
export { threefry2x32 } from "./threefry.js";
export { fnv1a32, mix32 } from "./hash.js";
export { jobKey, runKey, type JobKey } from "./seed.js";
export { StreamRng, toUnitInterval } from "./streamRng.js";
export { ScriptedRng } from "./scriptedRng.js";
