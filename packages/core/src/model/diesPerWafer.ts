/**
 * Candidate dies per wafer (CALIBRATION.md R1): the wafer area over the die
 * area, less the partial dies lost around the edge,
 *   DPW = pi d^2 / (4 S) - pi d / sqrt(2 S),
 * with d the usable diameter (wafer diameter less twice the edge exclusion)
 * and S the die area, both in mm.
 */
export function diesPerWafer(dieAreaMm2: number, waferDiameterMm: number, edgeExclusionMm: number): number {
  const d = waferDiameterMm - 2 * edgeExclusionMm;
  if (!(d > 0) || !(dieAreaMm2 > 0)) return 0;
  const dies = (Math.PI * d * d) / (4 * dieAreaMm2) - (Math.PI * d) / Math.sqrt(2 * dieAreaMm2);
  return dies > 0 ? dies : 0;
}
