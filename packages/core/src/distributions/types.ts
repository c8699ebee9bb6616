/**
 * A distribution as data, in canonical units, after a scenario file has been
 * resolved (units converted, lognormal percentiles turned into mu/sigma,
 * dates turned into quarter positions). Scenario syntax lives in schema/;
 * this is what the engine samples from.
 */
export type DistSpec =
  | { readonly dist: "fixed"; readonly value: number }
  | { readonly dist: "uniform"; readonly min: number; readonly max: number }
  | {
      readonly dist: "normal";
      readonly mean: number;
      readonly sd: number;
      /** Optional truncation bounds: the normal is conditioned on [min, max]. */
      readonly min?: number;
      readonly max?: number;
    }
  | { readonly dist: "lognormal"; readonly mu: number; readonly sigma: number }
  | { readonly dist: "triangular"; readonly min: number; readonly mode: number; readonly max: number }
  | {
      readonly dist: "pert";
      readonly min: number;
      readonly mode: number;
      readonly max: number;
      /** Shape weight on the mode; 4 is the classic PERT. */
      readonly lambda: number;
    }
  | {
      readonly dist: "beta";
      readonly alpha: number;
      readonly beta: number;
      readonly min: number;
      readonly max: number;
    }
  | { readonly dist: "bernoulli"; readonly p: number }
  | { readonly dist: "choice"; readonly values: readonly number[]; readonly weights: readonly number[] };

export type DistKind = DistSpec["dist"];

/**
 * A distribution ready to sample. Every distribution is sampled through its
 * quantile function, so a run's parameter vector is a deterministic function
 * of one uniform per parameter: this is what lets common random numbers,
 * Latin hypercube and Sobol designs drive the model unchanged.
 */
export interface Distribution {
  readonly spec: DistSpec;
  /** Inverse CDF. u in (0, 1). Monotone non-decreasing in u. */
  quantile(u: number): number;
  /**
   * out[i] = quantile(us[i]). What a run's draw calls: its call site sees
   * every kind of distribution, so V8 cannot inline it, and a number passed
   * to or returned from such a call is boxed on the heap (about 8 KB a
   * run). Passing arrays and an index boxes nothing; each kind defines this
   * in its own file so that the quantile call inside it sees one kind only
   * and is inlined.
   */
  quantileInto(us: Float64Array, i: number, out: Float64Array): void;
  /** Exact mean of the distribution (used by `show` and by tests). */
  readonly mean: number;
  /** Smallest and largest value the distribution can produce (may be +-Infinity). */
  readonly support: readonly [number, number];
}
