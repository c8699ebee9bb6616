/**
 * Random-defect yield of a die of area A (cm^2) at defect density D0
 * (defects/cm^2) under the negative-binomial model (CALIBRATION.md R2):
 *   Y = (1 + A D0 / alpha)^(-alpha).
 * alpha is the clustering parameter: alpha -> infinity gives Poisson
 * exp(-A D0), alpha = 1 gives Seeds 1 / (1 + A D0).
 */
export function negativeBinomialYield(areaCm2: number, d0: number, alpha: number): number {
  return Math.pow(1 + (areaCm2 * d0) / alpha, -alpha);
}

/**
 * Defect density after `cumulativeWafers` of learning (CALIBRATION.md R4):
 *   D0 = floor + (start - floor) exp(-W / W_learn).
 */
export function learnedDefectDensity(d0Start: number, d0Floor: number, cumulativeWafers: number, learningWafers: number): number {
  if (d0Start <= d0Floor) return d0Start;
  return d0Floor + (d0Start - d0Floor) * Math.exp(-cumulativeWafers / learningWafers);
}

/**
 * Multi-patterning penalty (CALIBRATION.md R3): each extra critical
 * patterning layer that DUV needs instead of EUV multiplies yield by
 * `perLayerYield`; wafers that get EUV skip the penalty.
 */
export function multiPatterningFactor(perLayerYield: number, extraLayers: number, euvFraction: number): number {
  return Math.pow(perLayerYield, extraLayers * (1 - euvFraction));
}
