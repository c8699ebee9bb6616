/**
 * The order-up-to rule a designer plans its wafer starts by. It keeps its
 * die position (good dies on hand plus good dies in the fab) at what it
 * expects to package over its lead time plus a cover:
 *
 *   target = expected use per quarter x (1 + cycle time + cover)
 *   wafers = max(0, target - on hand - in fab) / good dies per wafer
 *
 * The lead time is the quarter between a plan and its wafer starts plus
 * the fab cycle time (both in quarters), so in a steady state the dies
 * left after each quarter's packaging are expected use x cover.
 */
export function waferOrder(expectedUse: number, cycleTime: number, cover: number, onHand: number, inFab: number, goodDiesPerWafer: number): number {
  const target = expectedUse * (1 + cycleTime + cover);
  const short = target - onHand - inFab;
  return short > 0 && goodDiesPerWafer > 0 ? short / goodDiesPerWafer : 0;
}
