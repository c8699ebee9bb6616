import { MAX_SPARE_CORES } from "../../schema/designLimits.js";
import { exp, log1p } from "../../math/fdlibm.js";

export { MAX_SPARE_CORES };

/**
 * Core harvesting: a die with C cores ships if at least K of them work
 * (Ascend 910B and H100 both ship with some cores disabled). Defects in the
 * uncore kill the die; a defect in a core kills only that core.
 *
 * Under the negative-binomial model the defect density D is gamma
 * distributed across dies (shape alpha, mean D0) and, given D, defects are
 * Poisson. A core of area a works with probability e^(-aD); expanding the
 * binomial tail in powers of e^(-D) and using E[e^(-sD)] = (1 + s D0/alpha)^(-alpha)
 * gives the exact yield
 *
 *   Y = sum_{m=K..C} c_m (1 + (A_u + a m) D0 / alpha)^(-alpha),
 *   c_m = binom(C, m) sum_{j=K..m} binom(m, j) (-1)^(m-j),
 *
 * where A_u is the uncore area. The coefficients and the areas A_u + a m
 * depend only on the run's parameters, so they are computed once per run
 * (harvestCoefficients, harvestAreas), and so are the coefficients'
 * moments (harvestMoments), which let a quarter cost one power and a short
 * series instead of C - K + 1 powers (harvestedYieldOfTerms). With K = C
 * the sum is one term, the plain negative binomial over the whole die.
 *
 * Each term is computed as exp(-alpha log1p(x)) rather than
 * Math.pow(1 + x, -alpha): half the cost in V8, and more accurate, since
 * 1 + x is never rounded (against 60-digit arithmetic the rms error falls
 * from about 3.3e-17 to 1.7e-17 times sum |c_m|).
 *
 * The sum alternates in sign, so rounding costs about 2e-17 times
 * sum |c_m| in absolute error (measured against numerical integration:
 * 2e-9 for the 910B's 25 of 32 cores, 5e-8 for 24 of 32, 2e-5 for 56 of 64).
 * Scenarios are refused where sum |c_m| exceeds MAX_HARVEST_CONDITION, which
 * keeps the yield within about 1e-7.
 */
export const MAX_HARVEST_CONDITION = 5e9;

/** Writes c_K .. c_C into out[0 .. C-K]. */
export function harvestCoefficients(cores: number, required: number, out: Float64Array): void {
  for (let m = required; m <= cores; m++) {
    let inner = 0;
    for (let j = required; j <= m; j++) {
      inner += binomial(m, j) * ((m - j) % 2 === 0 ? 1 : -1);
    }
    out[m - required] = binomial(cores, m) * inner;
  }
}

/** The area of one core (cm^2): what a working core adds to the area that must be free of defects. */
export function coreAreaOf(areaCm2: number, coreAreaFraction: number, cores: number): number {
  return (areaCm2 * coreAreaFraction) / cores;
}

/**
 * Writes A_u + a m for m = K .. C into out[0 .. C-K]: the area (cm^2) that
 * must be free of defects in the term for m working cores.
 */
export function harvestAreas(cores: number, required: number, areaCm2: number, coreAreaFraction: number, out: Float64Array): void {
  const coreArea = coreAreaOf(areaCm2, coreAreaFraction, cores);
  const uncoreArea = areaCm2 * (1 - coreAreaFraction);
  for (let m = required; m <= cores; m++) out[m - required] = uncoreArea + coreArea * m;
}

/** How many moments of the coefficients the series below may use: a series that needs more is summed term by term. */
export const HARVEST_MOMENTS = 32;

/**
 * Writes the moments M_n = sum_j c_{K+j} j^n, n = 0 .. HARVEST_MOMENTS-1,
 * of the `terms` coefficients from `offset`, into out from `outOffset`.
 * Like the coefficients, they depend on C and K alone.
 */
export function harvestMoments(coefficients: Float64Array, offset: number, terms: number, out: Float64Array, outOffset: number): void {
  for (let n = 0; n < HARVEST_MOMENTS; n++) {
    let moment = 0;
    for (let j = 0; j < terms; j++) {
      let power = 1;
      for (let i = 0; i < n; i++) power *= j;
      moment += (coefficients[offset + j] as number) * power;
    }
    out[outOffset + n] = moment;
  }
}

/**
 * The harvested yield from per-run coefficients, their moments and areas:
 * `terms` (= C - K + 1) coefficients and areas from `offset`, moments from
 * `momentOffset`, and the area of one core.
 *
 * With x = (A_u + a K) D0 / alpha and rho = a (D0 / alpha) / (1 + x), the
 * term for K + j working cores is (1 + x)^-alpha (1 + j rho)^-alpha, and
 * expanding the second factor by the binomial series gives
 *
 *   Y = (1 + x)^-alpha sum_n binom(-alpha, n) rho^n M_n,
 *
 * one power instead of C - K + 1 (most of a run's exponentials). With
 * J = C - K, g_n = |binom(-alpha, n)| (J rho)^n bounds term n over
 * sum |c_m|, and g_n / g_(n-1) = J rho (alpha + n - 1) / n. The series
 * stops at the first n where g_n is below 2^-53 and the ratio from there
 * on is at most 1/2, so that what it leaves out is below 2^-53 sum |c_m|.
 * It is used when that happens within HARVEST_MOMENTS terms and no g_n
 * exceeds 1: its rounding error is then within a few times the direct
 * sum's (about 2e-17 sum |c_m|). Otherwise (J rho above
 * 1/2, or a large alpha that makes the middle terms large) the terms are
 * summed one by one. Every design built in takes the series: K >= 2J
 * keeps J rho below J / K.
 */
export function harvestedYieldOfTerms(
  coefficients: Float64Array,
  moments: Float64Array,
  areas: Float64Array,
  offset: number,
  momentOffset: number,
  terms: number,
  coreArea: number,
  d0: number,
  alpha: number,
): number {
  const scale = d0 / alpha;
  const spare = terms - 1;
  const x = (areas[offset] as number) * scale;
  const rho = (coreArea * scale) / (1 + x);
  const shrink = spare * rho;
  if (shrink <= 0.5) {
    // b = binom(-alpha, n) rho^n, bound = g_n.
    let b = 1;
    let bound = 1;
    let sum = moments[momentOffset] as number;
    for (let n = 1; n < HARVEST_MOMENTS; n++) {
      const grow = (alpha + n - 1) * (RECIPROCALS[n] as number);
      b *= -grow * rho;
      bound *= grow * shrink;
      if (bound > 1) break;
      sum += b * (moments[momentOffset + n] as number);
      // The next ratio, J rho (alpha + n) / (n + 1), bounds all later ones when alpha >= 1; J rho does when alpha < 1.
      if (bound < SERIES_STOP && shrink * (alpha + n) <= 0.5 * (n + 1)) {
        return clampYield(exp(-alpha * log1p(x)) * sum);
      }
    }
  }
  return clampYield(sumTermByTerm(coefficients, areas, offset, terms, scale, alpha));
}

/** The harvesting sum one term at a time: where the series would converge too slowly. */
function sumTermByTerm(coefficients: Float64Array, areas: Float64Array, offset: number, terms: number, scale: number, alpha: number): number {
  let y = 0;
  for (let k = offset; k < offset + terms; k++) {
    y += (coefficients[k] as number) * exp(-alpha * log1p((areas[k] as number) * scale));
  }
  return y;
}

/** Rounding in the alternating sum can leave a value a hair outside [0, 1]. */
function clampYield(y: number): number {
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

/** 2^-53: the series stops once the bound on its last term is below this; the rest, shrinking by half or more, sum to less. */
const SERIES_STOP = 1.1102230246251565e-16;
/** 1/n, n < HARVEST_MOMENTS. */
const RECIPROCALS = Float64Array.from({ length: HARVEST_MOMENTS }, (_, n) => (n === 0 ? 0 : 1 / n));

/** The harvested yield in one call (allocates; the yield agent keeps the areas and moments per run instead). */
export function harvestedYield(
  coefficients: Float64Array,
  cores: number,
  required: number,
  areaCm2: number,
  coreAreaFraction: number,
  d0: number,
  alpha: number,
): number {
  const terms = cores - required + 1;
  const areas = new Float64Array(terms);
  harvestAreas(cores, required, areaCm2, coreAreaFraction, areas);
  const moments = new Float64Array(HARVEST_MOMENTS);
  harvestMoments(coefficients, 0, terms, moments, 0);
  return harvestedYieldOfTerms(coefficients, moments, areas, 0, 0, terms, coreAreaOf(areaCm2, coreAreaFraction, cores), d0, alpha);
}

/** sum |c_m| for C cores needing K: the error multiplier of the harvesting sum. */
export function harvestCondition(cores: number, required: number): number {
  const c = new Float64Array(cores - required + 1);
  harvestCoefficients(cores, required, c);
  let total = 0;
  for (let i = 0; i < c.length; i++) total += Math.abs(c[i] as number);
  return total;
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  const kk = Math.min(k, n - k);
  for (let i = 1; i <= kk; i++) r = (r * (n - kk + i)) / i;
  return Math.round(r);
}
