import { waterFill } from "../../model/waterFill.js";

/**
 * Shares HBM pools among designs. Pools are visited oldest generation
 * first (and, within a generation, the finite foreign stockpile first); a
 * pool goes to the designs that accept its generation by water-filling:
 * in proportion to each design's priority weight, none given more than it
 * still needs, and what one cannot use passed to the others. Visiting old
 * pools first keeps newer stacks for the designs that can use nothing else.
 */
export interface HbmRequest {
  /** Stacks each design still needs; decremented as pools are shared out. */
  readonly remaining: Float64Array;
  /** Oldest generation rank each design accepts. */
  readonly minRank: Int32Array;
  /** Each design's priority (0: it takes nothing). */
  readonly weight: Float64Array;
}

/** Scratch for allocateHbm, one entry per design, allocated once by the caller. */
export interface HbmScratch {
  readonly cap: Float64Array;
  readonly give: Float64Array;
  readonly open: Uint8Array;
}

export function hbmScratch(designs: number): HbmScratch {
  return { cap: new Float64Array(designs), give: new Float64Array(designs), open: new Uint8Array(designs) };
}

export function allocateHbm(
  pools: Float64Array,
  poolRanks: Int32Array,
  request: HbmRequest,
  /** Output: stacks given to design d from pool p at [d * pools.length + p]. */
  allocation: Float64Array,
  scratch: HbmScratch,
): void {
  const { remaining, minRank, weight } = request;
  const { cap, give, open } = scratch;
  const designs = remaining.length;
  const poolCount = pools.length;
  allocation.fill(0);
  for (let p = 0; p < poolCount; p++) {
    const available = pools[p] as number;
    if (!(available > 0)) continue;
    const rank = poolRanks[p] as number;
    for (let d = 0; d < designs; d++) cap[d] = (minRank[d] as number) <= rank ? (remaining[d] as number) : 0;
    waterFill(available, weight, cap, give, open, designs);
    for (let d = 0; d < designs; d++) {
      const g = give[d] as number;
      if (g === 0) continue;
      allocation[d * poolCount + p] = g;
      remaining[d] = (remaining[d] as number) - g;
    }
  }
}
