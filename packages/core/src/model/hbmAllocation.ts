import { waterFill } from "./waterFill.js";

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
  /** Output: stacks given to design d from pool p at [d * pools.length + p]; 0 for a design not among the members. */
  allocation: Float64Array,
  scratch: HbmScratch,
  /** The designs that take part: members[0 .. count). */
  members: Int32Array,
  count: number,
): void {
  const { remaining, minRank, weight } = request;
  const { cap, give, open } = scratch;
  const poolCount = pools.length;
  for (let i = 0; i < allocation.length; i++) allocation[i] = 0;
  for (let p = 0; p < poolCount; p++) {
    if (!((pools[p] as number) > 0)) continue;
    const rank = poolRanks[p] as number;
    let wanted = false;
    for (let k = 0; k < count; k++) {
      const d = members[k] as number;
      const c = (minRank[d] as number) <= rank ? (remaining[d] as number) : 0;
      cap[d] = c;
      if (c > 0) wanted = true;
    }
    if (!wanted) continue;
    waterFill(pools, p, weight, cap, give, open, members, count);
    for (let k = 0; k < count; k++) {
      const d = members[k] as number;
      const g = give[d] as number;
      if (g === 0) continue;
      allocation[d * poolCount + p] = g;
      remaining[d] = (remaining[d] as number) - g;
    }
  }
}
