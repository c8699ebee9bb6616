import type { Rng } from "../random/rng.js";

/**
 * Designs of experiments over a few varied inputs, as points in the unit
 * cube (each coordinate in [0, 1], mapped to the input's range by the
 * caller).
 */

/** Every combination of `steps[d]` evenly spaced levels per dimension (first dimension slowest). */
export function gridDesign(steps: readonly number[]): number[][] {
  for (const s of steps) if (!(Number.isInteger(s) && s >= 1)) throw new Error(`a grid needs whole numbers of steps, got ${s}`);
  let points: number[][] = [[]];
  for (const s of steps) {
    const levels = Array.from({ length: s }, (_, k) => (s === 1 ? 0.5 : k / (s - 1)));
    points = points.flatMap((p) => levels.map((l) => [...p, l]));
  }
  return points;
}

/**
 * Latin hypercube: n points in d dimensions such that, in every dimension,
 * each of the n equal strata holds exactly one point (placed at random
 * within its stratum); strata are matched across dimensions by independent
 * random permutations.
 */
export function latinHypercube(n: number, d: number, rng: Rng): number[][] {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`a Latin hypercube needs a whole number of points, got ${n}`);
  const points = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    const order = Array.from({ length: n }, (_, k) => k);
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(rng.next() * (i + 1));
      [order[i], order[k]] = [order[k] as number, order[i] as number];
    }
    for (let i = 0; i < n; i++) (points[i] as number[])[j] = ((order[i] as number) + rng.next()) / n;
  }
  return points;
}
