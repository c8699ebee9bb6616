import { MAX_SPARE_CORES } from "../../schema/designLimits.js";
import { log1p } from "../../math/fdlibm.js";
import { tableExp } from "../../math/tableExp.js";

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
 * (harvestCoefficients, harvestAreas); each quarter then costs C - K + 1
 * terms. With K = C the sum is one term, the plain negative binomial over
 * the whole die.
 *
 * Each term is computed as exp(-alpha log1p(x)) rather than
 * Math.pow(1 + x, -alpha): half the cost in V8, and more accurate, since
 * 1 + x is never rounded (against 60-digit arithmetic the rms error falls
 * from about 3.3e-17 to 1.7e-17 times sum |c_m|). The exp is tableExp:
 * these are a run's most frequent exponentials.
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

/**
 * Writes A_u + a m for m = K .. C into out[0 .. C-K]: the area (cm^2) that
 * must be free of defects in the term for m working cores.
 */
export function harvestAreas(cores: number, required: number, areaCm2: number, coreAreaFraction: number, out: Float64Array): void {
  const coreArea = (areaCm2 * coreAreaFraction) / cores;
  const uncoreArea = areaCm2 * (1 - coreAreaFraction);
  for (let m = required; m <= cores; m++) out[m - required] = uncoreArea + coreArea * m;
}

/**
 * The harvested yield from per-run coefficients and areas: `terms`
 * (= C - K + 1) of each, starting at `offset`.
 */
export function harvestedYieldOfTerms(
  coefficients: Float64Array,
  areas: Float64Array,
  offset: number,
  terms: number,
  d0: number,
  alpha: number,
): number {
  const scale = d0 / alpha;
  let y = 0;
  for (let k = offset; k < offset + terms; k++) {
    y += (coefficients[k] as number) * tableExp(-alpha * log1p((areas[k] as number) * scale));
  }
  // Rounding in the alternating sum can leave a value a hair outside [0, 1].
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

/** The harvested yield in one call (allocates; the yield agent keeps the areas per run instead). */
export function harvestedYield(
  coefficients: Float64Array,
  cores: number,
  required: number,
  areaCm2: number,
  coreAreaFraction: number,
  d0: number,
  alpha: number,
): number {
  const areas = new Float64Array(cores - required + 1);
  harvestAreas(cores, required, areaCm2, coreAreaFraction, areas);
  return harvestedYieldOfTerms(coefficients, areas, 0, areas.length, d0, alpha);
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
