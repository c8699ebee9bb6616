import type { Rng } from "../random/rng.js";
import { evaluateInBatches, type EvaluateRows } from "./evaluateRows.js";

/**
 * Variance-based sensitivity (Sobol indices) from a Saltelli design: two
 * independent base matrices A and B of N points, and for each factor the
 * matrix A with that factor's columns taken from B. First-order indices by
 * the Saltelli (2010) estimator with f(B) centred on the sample mean (its
 * expectation is unchanged, since E[f(AB) - f(A)] = 0, but the mean of f no
 * longer inflates its variance), total-order by Jansen's (1999), both over
 * the variance of all f(A) and f(B). A factor may be a group of inputs
 * moved together. Confidence intervals: percentile bootstrap over the N
 * rows. Model runs: N (k + 2).
 */
export interface SobolIndex {
  readonly first: number;
  readonly firstInterval: readonly [number, number];
  readonly total: number;
  readonly totalInterval: readonly [number, number];
}

export interface SobolResult {
  readonly indices: readonly SobolIndex[];
  readonly samples: number;
  readonly runs: number;
}

/** The design's two base matrices: N rows each of one uniform per input (basePoints.ts draws them). */
export interface SaltelliBase {
  readonly a: readonly Float64Array[];
  readonly b: readonly Float64Array[];
}

/** Independent random base matrices of N rows: A's rows, then B's, from `rng`. */
export function randomBase(samples: number, dimensions: number, rng: Rng): SaltelliBase {
  const a = Array.from({ length: samples }, () => Float64Array.from({ length: dimensions }, () => rng.next()));
  const b = Array.from({ length: samples }, () => Float64Array.from({ length: dimensions }, () => rng.next()));
  return { a, b };
}

/** `rng` draws the bootstrap's resamples. */
export async function sobolIndices(
  dimensions: number,
  factors: readonly (readonly number[])[],
  base: SaltelliBase,
  evaluate: EvaluateRows,
  rng: Rng,
  bootstrap = 300,
): Promise<SobolResult> {
  const { a, b } = base;
  const n = a.length;
  if (b.length !== n) throw new Error(`Saltelli design: expected as many rows in B as in A (${n}), found ${b.length}`);
  const k = factors.length;
  // Rows of sample r: A_r, B_r, then A_r with factor i's inputs from B_r for each i.
  const stride = k + 2;
  const out = await evaluateInBatches(evaluate, dimensions, n * stride, (row, u) => {
    const r = Math.floor(row / stride);
    const j = row - r * stride;
    if (j === 1) {
      u.set(b[r] as Float64Array);
      return;
    }
    u.set(a[r] as Float64Array);
    if (j >= 2) for (const d of factors[j - 2] as readonly number[]) u[d] = (b[r] as Float64Array)[d] as number;
  });
  const fA = Float64Array.from({ length: n }, (_, r) => out[r * stride] as number);
  const fB = Float64Array.from({ length: n }, (_, r) => out[r * stride + 1] as number);
  const fAB = Array.from({ length: k }, (_, i) => Float64Array.from({ length: n }, (_, r) => out[r * stride + 2 + i] as number));
  const estimate = (rows: ArrayLike<number>) => {
    let mean = 0;
    for (let j = 0; j < rows.length; j++) mean += (fA[rows[j] as number] as number) + (fB[rows[j] as number] as number);
    mean /= 2 * rows.length;
    let variance = 0;
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j] as number;
      variance += square((fA[r] as number) - mean) + square((fB[r] as number) - mean);
    }
    variance /= 2 * rows.length - 1;
    return Array.from({ length: k }, (_, i) => {
      let first = 0;
      let total = 0;
      for (let j = 0; j < rows.length; j++) {
        const r = rows[j] as number;
        const ab = (fAB[i] as Float64Array)[r] as number;
        first += ((fB[r] as number) - mean) * (ab - (fA[r] as number));
        total += square((fA[r] as number) - ab);
      }
      return variance > 0 ? [first / rows.length / variance, total / (2 * rows.length) / variance] : [0, 0];
    });
  };
  const all = Int32Array.from({ length: n }, (_, r) => r);
  const point = estimate(all);
  const draws = Array.from({ length: k }, () => ({ first: new Float64Array(bootstrap), total: new Float64Array(bootstrap) }));
  const rows = new Int32Array(n);
  for (let s = 0; s < bootstrap; s++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(rng.next() * n);
    estimate(rows).forEach(([first, total], i) => {
      (draws[i] as { first: Float64Array }).first[s] = first as number;
      (draws[i] as { total: Float64Array }).total[s] = total as number;
    });
  }
  return {
    indices: point.map(([first, total], i) => ({
      first: first as number,
      firstInterval: interval((draws[i] as { first: Float64Array }).first),
      total: total as number,
      totalInterval: interval((draws[i] as { total: Float64Array }).total),
    })),
    samples: n,
    runs: n * (k + 2),
  };
}

/** The central 95% of bootstrap estimates. */
export function interval(values: Float64Array): [number, number] {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))] as number;
  return [at(0.025), at(0.975)];
}

function square(x: number): number {
  return x * x;
}
