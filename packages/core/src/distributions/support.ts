import type { DistSpec } from "./types.js";

/** The least and greatest value a distribution can draw. */
export function supportOf(dist: DistSpec): [number, number] {
  switch (dist.dist) {
    case "fixed":
      return [dist.value, dist.value];
    case "normal":
      return [dist.min ?? -Infinity, dist.max ?? Infinity];
    case "lognormal":
      return [0, Infinity];
    case "bernoulli":
      return [dist.p > 0 && dist.p < 1 ? 0 : dist.p === 1 ? 1 : 0, dist.p === 0 ? 0 : 1];
    case "choice":
      return [Math.min(...dist.values), Math.max(...dist.values)];
    default:
      return [dist.min, dist.max];
  }
}
