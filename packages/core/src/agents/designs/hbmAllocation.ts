/**
 * Shares HBM pools among designs. Pools are visited oldest generation
 * first (and, within a generation, the finite foreign stockpile first); a
 * pool goes to the designs that accept its generation, in proportion to
 * what each still needs. Visiting old pools first keeps newer stacks for
 * the designs that can use nothing else.
 */
export interface HbmRequest {
  /** Stacks each design still needs; decremented as pools are shared out. */
  readonly remaining: Float64Array;
  /** Oldest generation rank each design accepts. */
  readonly minRank: Int32Array;
}

export function allocateHbm(
  pools: Float64Array,
  poolRanks: Int32Array,
  request: HbmRequest,
  /** Output: stacks given to design d from pool p at [d * pools.length + p]. */
  allocation: Float64Array,
): void {
  const { remaining, minRank } = request;
  const designs = remaining.length;
  const poolCount = pools.length;
  allocation.fill(0);
  for (let p = 0; p < poolCount; p++) {
    const available = pools[p] as number;
    if (!(available > 0)) continue;
    const rank = poolRanks[p] as number;
    let wanted = 0;
    for (let d = 0; d < designs; d++) {
      if ((minRank[d] as number) <= rank) wanted += remaining[d] as number;
    }
    if (!(wanted > 0)) continue;
    const share = available >= wanted ? 1 : available / wanted;
    for (let d = 0; d < designs; d++) {
      if ((minRank[d] as number) > rank) continue;
      const give = (remaining[d] as number) * share;
      allocation[d * poolCount + p] = give;
      remaining[d] = (remaining[d] as number) - give;
    }
  }
}
