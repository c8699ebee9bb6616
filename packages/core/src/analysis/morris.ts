import type { Rng } from "../random/rng.js";
import { evaluateInBatches, type EvaluateRows } from "./evaluateRows.js";
import { interval } from "./sobol.js";

/**
 * Elementary effects (Morris 1991, with the mu* of Campolongo et al. 2007):
 * r trajectories through a grid of p levels, each moving one factor at a
 * time by half the range. mu* (the mean absolute effect) ranks factors; sigma
 * (the spread of the effects) flags non-linearity and interactions. Levels
 * are the midpoints of p equal cells of [0, 1], so unbounded distributions
 * are never asked for their 0 or 1 quantile. Model runs: r (k + 1); the
 * interval on mu* is a bootstrap over trajectories.
 */
export interface MorrisIndex {
  readonly muStar: number;
  readonly muStarInterval: readonly [number, number];
  readonly sigma: number;
}

export interface MorrisResult {
  readonly indices: readonly MorrisIndex[];
  readonly trajectories: number;
  readonly runs: number;
}

export async function morrisEffects(
  dimensions: number,
  factors: readonly (readonly number[])[],
  trajectories: number,
  evaluate: EvaluateRows,
  rng: Rng,
  levels = 4,
  bootstrap = 300,
): Promise<MorrisResult> {
  const k = factors.length;
  const half = levels / 2;
  const level = (j: number) => (2 * j + 1) / (2 * levels);
  const x = new Float64Array(dimensions);
  const grid = new Int32Array(dimensions);
  // Per trajectory and step: the factor moved, and whether its inputs went up (1) or down (-1).
  const moved = new Int32Array(trajectories * k);
  const signs = new Float64Array(trajectories * k);
  // Rows of trajectory t: its random start, then one row after each factor's move.
  const stride = k + 1;
  const out = await evaluateInBatches(evaluate, dimensions, trajectories * stride, (row, u) => {
    const t = Math.floor(row / stride);
    const step = row - t * stride;
    if (step === 0) {
      for (let d = 0; d < dimensions; d++) {
        grid[d] = Math.floor(rng.next() * levels);
        x[d] = level(grid[d] as number);
      }
      const order = Array.from({ length: k }, (_, i) => i);
      for (let i = k - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      moved.set(order, t * k);
    } else {
      // Every input of the factor moves half the range, up if it can, else down.
      const i = moved[t * k + step - 1] as number;
      let sign = 0;
      for (const d of factors[i] as readonly number[]) {
        const up = (grid[d] as number) < half;
        grid[d] = (grid[d] as number) + (up ? half : -half);
        x[d] = level(grid[d] as number);
        sign = up ? 1 : -1;
      }
      signs[t * k + step - 1] = sign;
    }
    u.set(x);
  });
  const effects = Array.from({ length: k }, () => new Float64Array(trajectories));
  for (let t = 0; t < trajectories; t++) {
    for (let step = 1; step <= k; step++) {
      const i = moved[t * k + step - 1] as number;
      const next = out[t * stride + step] as number;
      const previous = out[t * stride + step - 1] as number;
      (effects[i] as Float64Array)[t] = ((next - previous) * (signs[t * k + step - 1] as number)) / 0.5;
    }
  }
  const muStar = (values: Float64Array, rows: ArrayLike<number>) => {
    let s = 0;
    for (let j = 0; j < rows.length; j++) s += Math.abs(values[rows[j] as number] as number);
    return s / rows.length;
  };
  const all = Int32Array.from({ length: trajectories }, (_, t) => t);
  const rows = new Int32Array(trajectories);
  const draws = Array.from({ length: k }, () => new Float64Array(bootstrap));
  for (let s = 0; s < bootstrap; s++) {
    for (let j = 0; j < trajectories; j++) rows[j] = Math.floor(rng.next() * trajectories);
    effects.forEach((e, i) => ((draws[i] as Float64Array)[s] = muStar(e, rows)));
  }
  return {
    indices: effects.map((e, i) => {
      const mean = e.reduce((a, b) => a + b, 0) / trajectories;
      const sigma = trajectories > 1 ? Math.sqrt(e.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (trajectories - 1)) : 0;
      return { muStar: muStar(e, all), muStarInterval: interval(draws[i] as Float64Array), sigma };
    }),
    trajectories,
    runs: trajectories * (k + 1),
  };
}
