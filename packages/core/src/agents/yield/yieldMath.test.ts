import { describe, expect, it } from "vitest";
import {
  coreAreaOf,
  harvestAreas,
  harvestCoefficients,
  harvestCondition,
  harvestedYield,
  harvestedYieldOfTerms,
  harvestMoments,
  HARVEST_MOMENTS,
  MAX_HARVEST_CONDITION,
} from "./coreHarvesting.js";
import { learnedDefectDensity, multiPatterningFactor, negativeBinomialYield } from "../../model/defectYield.js";
import { diesPerWafer } from "../../model/diesPerWafer.js";

describe("dies per wafer (R1)", () => {
  it("gives 80.4 for the 910B and 63.5 for the H100 on 300 mm", () => {
    // 910B: pi 300^2 / (4 * 665.6) - pi 300 / sqrt(2 * 665.6) = 106.21 - 25.83 = 80.37
    expect(diesPerWafer(665.6, 300, 0)).toBeCloseTo(80.37, 2);
    // H100: pi 300^2 / (4 * 814) - pi 300 / sqrt(1628) = 86.84 - 23.36 = 63.48
    expect(diesPerWafer(814, 300, 0)).toBeCloseTo(63.48, 2);
  });

  it("loses dies to edge exclusion", () => {
    // 3 mm exclusion: d = 294: pi 294^2 / 2662.4 - pi 294 / sqrt(1331.2) = 101.99 - 25.32 = 76.68 (Morgan Stanley: 78)
    expect(diesPerWafer(665.6, 300, 3)).toBeCloseTo(76.68, 2);
  });
});

describe("negative-binomial yield (R2)", () => {
  it("matches the formula and its limits", () => {
    // A = 1 cm^2, D0 = 0.1, alpha = 2: (1 + 0.05)^-2 = 0.90702947...
    expect(negativeBinomialYield(1, 0.1, 2)).toBeCloseTo(0.9070294784580499, 14);
    // alpha = 1 is Seeds: 1 / (1 + A D0)
    expect(negativeBinomialYield(6.656, 0.2, 1)).toBeCloseTo(1 / (1 + 1.3312), 14);
    // large alpha approaches Poisson exp(-A D0)
    expect(negativeBinomialYield(6.656, 0.2, 1e7)).toBeCloseTo(Math.exp(-1.3312), 6);
  });
});

describe("learning curve (R4)", () => {
  it("moves the excess defect density down by e per learning volume", () => {
    expect(learnedDefectDensity(0.5, 0.1, 0, 300e3)).toBe(0.5);
    // after one learning volume: 0.1 + 0.4 / e
    expect(learnedDefectDensity(0.5, 0.1, 300e3, 300e3)).toBeCloseTo(0.1 + 0.4 / Math.E, 14);
    expect(learnedDefectDensity(0.5, 0.1, 1e9, 300e3)).toBeCloseTo(0.1, 12);
  });
});

describe("multi-patterning penalty (R3)", () => {
  it("applies per extra layer on wafers without EUV", () => {
    expect(multiPatterningFactor(0.99, 10, 0)).toBeCloseTo(0.99 ** 10, 14);
    expect(multiPatterningFactor(0.99, 10, 0.5)).toBeCloseTo(0.99 ** 5, 14);
    expect(multiPatterningFactor(0.99, 10, 1)).toBe(1);
  });
});

describe("core harvesting", () => {
  it("reduces to the plain negative binomial when every core must work", () => {
    const c = new Float64Array(17);
    harvestCoefficients(8, 8, c);
    expect(harvestedYield(c, 8, 8, 6, 0.6, 0.3, 2)).toBeCloseTo(negativeBinomialYield(6, 0.3, 2), 14);
  });

  it("matches numerical integration over the gamma-distributed defect density", () => {
    // Independent check: integrate P(uncore clean) P(>= K of C cores clean) over D ~ Gamma(alpha, D0/alpha).
    const [cores, required, area, phi, d0, alpha] = [32, 25, 6.656, 0.55, 0.45, 2];
    const c = new Float64Array(17);
    harvestCoefficients(cores, required, c);
    const closed = harvestedYield(c, cores, required, area, phi, d0, alpha);
    const theta = d0 / alpha;
    const logGammaAlpha = 0; // Gamma(2) = 1
    const integrand = (d: number) => {
      const y = Math.exp((-area * phi * d) / cores);
      let tail = 0;
      for (let j = required; j <= cores; j++) tail += binom(cores, j) * y ** j * (1 - y) ** (cores - j);
      const density = Math.exp((alpha - 1) * Math.log(d) - d / theta - alpha * Math.log(theta) - logGammaAlpha);
      return Math.exp(-area * (1 - phi) * d) * tail * density;
    };
    // Simpson's rule on [0, 40 theta] with 20,000 intervals.
    const n = 20_000;
    const h = (40 * theta) / n;
    let s = 0;
    for (let k = 0; k <= n; k++) s += (k === 0 || k === n ? 1 : k % 2 ? 4 : 2) * integrand(k * h || 1e-12);
    // The alternating sum costs about 2e-17 * sum|c_m| (2.3e-9 here); see coreHarvesting.ts.
    expect(Math.abs(closed - (s * h) / 3)).toBeLessThan(5e-9);
  });

  it("gives by its series what the terms give one by one, within the direct sum's own rounding", () => {
    // Random designs within the schema's limits; the direct sum in Node's Math as an independent reference.
    let state = 7;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    let bySeries = 0;
    for (let i = 0; i < 3000; i++) {
      const cores = 1 + Math.floor(next() * 64);
      const required = Math.max(1, cores - Math.floor(next() * 17));
      if (harvestCondition(cores, required) > MAX_HARVEST_CONDITION) continue;
      const [area, phi, d0] = [0.5 + next() * 7.5, 0.3 + next() * 0.5, 0.01 + next() * 3];
      const alpha = 0.05 * 1000 ** next();
      const c = new Float64Array(17);
      harvestCoefficients(cores, required, c);
      const coreArea = (area * phi) / cores;
      let direct = 0;
      for (let m = required; m <= cores; m++) {
        direct += (c[m - required] as number) * Math.exp(-alpha * Math.log1p((area * (1 - phi) + coreArea * m) * (d0 / alpha)));
      }
      direct = Math.min(1, Math.max(0, direct));
      // Where the series applies for sure: J rho max(alpha, 1) <= 1/4 makes every ratio at most 1/4.
      const rho = (coreArea * (d0 / alpha)) / (1 + (area * (1 - phi) + coreArea * required) * (d0 / alpha));
      if (cores > required && (cores - required) * rho * Math.max(alpha, 1) <= 0.25) bySeries++;
      const tolerance = 2e-16 * harvestCondition(cores, required) + 1e-16;
      expect(Math.abs(harvestedYield(c, cores, required, area, phi, d0, alpha) - direct), `${cores}/${required} alpha ${alpha}`).toBeLessThan(tolerance);
    }
    // Both ways are exercised.
    expect(bySeries).toBeGreaterThan(500);
    expect(bySeries).toBeLessThan(2500);
  });

  it("takes the series for the 910B and the terms one by one where the series would converge slowly", () => {
    // What each way reads: the series only the moments, the direct sum only the coefficients; NaN marks the unread.
    const yieldWith = (cores: number, required: number, area: number, phi: number, d0: number, alpha: number, blank: "coefficients" | "moments") => {
      const terms = cores - required + 1;
      const c = new Float64Array(17);
      harvestCoefficients(cores, required, c);
      const areas = new Float64Array(terms);
      harvestAreas(cores, required, area, phi, areas);
      const moments = new Float64Array(HARVEST_MOMENTS);
      harvestMoments(c, 0, terms, moments, 0);
      (blank === "coefficients" ? c : moments).fill(NaN);
      return harvestedYieldOfTerms(c, moments, areas, 0, 0, terms, coreAreaOf(area, phi, cores), d0, alpha);
    };
    const c = new Float64Array(17);
    harvestCoefficients(32, 25, c);
    // 910B: J rho = 7 * 0.0111, alpha 2.
    expect(yieldWith(32, 25, 6.656, 0.55, 0.45, 2, "coefficients")).toBeCloseTo(harvestedYield(c, 32, 25, 6.656, 0.55, 0.45, 2), 12);
    // Near-Poisson clustering on a large die: the middle terms of the series would be large.
    harvestCoefficients(40, 30, c);
    expect(yieldWith(40, 30, 8, 0.7, 2, 500, "moments")).toBeCloseTo(harvestedYield(c, 40, 30, 8, 0.7, 2, 500), 12);
    expect(yieldWith(40, 30, 8, 0.7, 2, 500, "coefficients")).toBeNaN();
  });

  it("raises yield above the whole-die figure", () => {
    const c = new Float64Array(17);
    harvestCoefficients(32, 25, c);
    expect(harvestedYield(c, 32, 25, 6.656, 0.55, 0.45, 2)).toBeGreaterThan(negativeBinomialYield(6.656, 0.45, 2));
  });
});

function binom(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

describe("harvesting conditioning", () => {
  it("admits the 910B's 25 of 32 and refuses 52 of 64", () => {
    expect(harvestCondition(32, 25)).toBeLessThan(MAX_HARVEST_CONDITION);
    expect(harvestCondition(32, 24)).toBeLessThan(MAX_HARVEST_CONDITION);
    expect(harvestCondition(64, 52)).toBeGreaterThan(MAX_HARVEST_CONDITION);
  });
});
