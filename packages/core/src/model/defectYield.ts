import { exp, log, log1p } from "../math/fdlibm.js";
/**
 * Random-defect yield of a die of area A (cm^2) at defect density D0
 * (defects/cm^2) under the negative-binomial model (CALIBRATION.md R2):
 *   Y = (1 + A D0 / alpha)^(-alpha).
 * alpha is the clustering parameter: alpha -> infinity gives Poisson
 * exp(-A D0), alpha = 1 gives Seeds 1 / (1 + A D0). Computed as
 * exp(-alpha log1p(A D0 / alpha)), like the harvesting terms
 * (coreHarvesting.ts): cheaper than Math.pow and 1 + x is never rounded.
 */
export function negativeBinomialYield(areaCm2: number, d0: number, alpha: number): number {
  return exp(-alpha * log1p((areaCm2 * d0) / alpha));
}

/**
 * Defect density after `cumulativeWafers` of learning (CALIBRATION.md R4):
 *   D0 = floor + (start - floor) exp(-W / W_learn).
 */
export function learnedDefectDensity(d0Start: number, d0Floor: number, cumulativeWafers: number, learningWafers: number): number {
  if (d0Start <= d0Floor) return d0Start;
  return d0Floor + (d0Start - d0Floor) * exp(-cumulativeWafers / learningWafers);
}

/**
 * Multi-patterning penalty (CALIBRATION.md R3): each extra critical
 * patterning layer that DUV needs instead of EUV multiplies yield by
 * `perLayerYield`; wafers that get EUV skip the penalty.
 */
export function multiPatterningFactor(perLayerYield: number, extraLayers: number, euvFraction: number): number {
  const layers = extraLayers * (1 - euvFraction);
  // exp(n log p) costs half of Math.pow(p, n); n = 0 is 1 even for p = 0, as with pow.
  return layers === 0 ? 1 : exp(layers * log(perLayerYield));
}
