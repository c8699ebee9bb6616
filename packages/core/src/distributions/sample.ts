import type { Rng } from "../random/rng.js";
import type { Distribution } from "./types.js";

/** Every distribution is sampled through its quantile function. */
export function sample(dist: Distribution, rng: Rng): number {
  return dist.quantile(rng.next());
}
