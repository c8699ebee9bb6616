/**
 * Good HBM stacks per DRAM wafer (CALIBRATION.md R8):
 *   stacks = DPW x Y_die x Y_stack / dies per stack,
 * where DPW is the gross core dies per wafer (R1), Y_die the core die's
 * yield and Y_stack the yield of stacking (through-silicon vias and
 * bonding). Every die of a stack must be good before stacking (known-good
 * die), so a stack uses `stackHeight` good dies and a failed stack loses
 * them all.
 */
export function stacksPerWafer(diesPerWafer: number, dieYield: number, stackYield: number, stackHeight: number): number {
  return (diesPerWafer * dieYield * stackYield) / stackHeight;
}

/**
 * Stack yield of a generation `years` after its volume production started:
 * it rises from `atStart` by `gainPerYear` (yield points a year, as a
 * fraction) until it reaches `mature`, and stays there. A yield that
 * starts at or above its mature value stays where it starts.
 */
export function stackYieldAt(years: number, atStart: number, mature: number, gainPerYear: number): number {
  const learned = atStart + gainPerYear * (years > 0 ? years : 0);
  const capped = learned < mature ? learned : mature;
  return capped > atStart ? capped : atStart;
}
