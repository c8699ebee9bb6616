import { waterFill } from "./waterFill.js";
import { allocateHbm, hbmScratch, type HbmRequest, type HbmScratch } from "./hbmAllocation.js";

/**
 * How many packages each domestic design can make in a quarter from the
 * packaging slots and HBM pools on offer (CALIBRATION.md R6), shared by
 * priority rather than by what each design happens to hold:
 *
 * 1. slots (interposer wafers) by water-filling on priority, a design
 *    capped at what its dies and the HBM stacks it accepts could fill;
 * 2. HBM pools, oldest generation first, by water-filling on priority, a
 *    design capped at min(dies, slots) x stacks per package;
 * 3. packages = min(dies, slots, HBM) per design.
 *
 * The designs agent shares this quarter's supply with the dies each design
 * holds; the planning agent shares it with unlimited dies to see what HBM
 * and slots would let each design package. Per-run figures (stacks,
 * packages per interposer wafer) are read from the owner's arrays, filled
 * in its reset; nothing is allocated per call, and the slots on offer are
 * written into `interposerWafers[0]` rather than passed (a number passed
 * to a call V8 does not inline is boxed).
 */
export class PackagingShare {
  /** Input: the interposer wafers on offer this quarter, at [0]. */
  readonly interposerWafers = new Float64Array(1);
  /** Input: each design's priority (0: it takes nothing). */
  readonly weight: Float64Array;
  /** Input: packages each design's dies allow (Infinity: dies do not limit). */
  readonly dieUnits: Float64Array;
  /** Output: interposer wafers given to each design. */
  readonly slots: Float64Array;
  /** Output: packages its slots, its HBM stacks and all three allow. */
  readonly slotUnits: Float64Array;
  readonly hbmUnits: Float64Array;
  readonly units: Float64Array;
  /**
   * Output: packages its slots and its stacks would allow with whatever
   * the others left unused added: what each constraint alone allows given
   * the others' use, so a design that got all it asked for is not blamed on
   * a constraint with room to spare.
   */
  readonly slotReach: Float64Array;
  readonly hbmReach: Float64Array;
  /** Output: stacks given to design d from pool p at [d * pools + p]. */
  readonly allocation: Float64Array;
  private readonly need: Float64Array;
  private readonly request: HbmRequest;
  private readonly open: Uint8Array;
  private readonly scratch: HbmScratch;
  private readonly leftover: Float64Array;
  /** The designs with priority this call. */
  private readonly members: Int32Array;

  constructor(
    /** Stacks per package and packages per interposer wafer, per design (the owner's arrays). */
    private readonly stacks: Float64Array,
    private readonly packagesPerWafer: Float64Array,
    private readonly minRank: Int32Array,
    private readonly poolRanks: Int32Array,
  ) {
    const n = stacks.length;
    this.weight = new Float64Array(n);
    this.dieUnits = new Float64Array(n);
    this.slots = new Float64Array(n);
    this.slotUnits = new Float64Array(n);
    this.hbmUnits = new Float64Array(n);
    this.units = new Float64Array(n);
    this.slotReach = new Float64Array(n);
    this.hbmReach = new Float64Array(n);
    this.allocation = new Float64Array(n * poolRanks.length);
    this.need = new Float64Array(n);
    this.request = { remaining: this.need, minRank, weight: this.weight };
    this.open = new Uint8Array(n);
    this.scratch = hbmScratch(n);
    this.leftover = new Float64Array(poolRanks.length);
    this.members = new Int32Array(n);
  }

  /** Shares the interposer wafers on offer and the stacks in `pools` (left unchanged). A design without priority gets nothing. */
  share(pools: Float64Array): void {
    const { weight, slotUnits, hbmUnits, units, slotReach, hbmReach, members } = this;
    // Only designs with priority take part; the others get nothing.
    let count = 0;
    for (let d = 0; d < weight.length; d++) {
      slotUnits[d] = 0;
      slotReach[d] = 0;
      hbmUnits[d] = 0;
      hbmReach[d] = 0;
      units[d] = 0;
      if ((weight[d] as number) > 0) members[count++] = d;
    }
    // In parts, each optimised by V8 on its own.
    this.shareSlots(pools, count);
    allocateHbm(pools, this.poolRanks, this.request, this.allocation, this.scratch, this.members, count);
    this.packages(pools, count);
  }

  /** Slots by priority, each design capped at what its dies and the stacks it accepts could fill; then what its slots allow and its HBM need. */
  private shareSlots(pools: Float64Array, count: number): void {
    const { weight, dieUnits, slots, slotUnits, slotReach, need, stacks, packagesPerWafer, minRank, poolRanks, members } = this;
    const poolCount = poolRanks.length;
    for (let k = 0; k < count; k++) {
      const d = members[k] as number;
      const perPackage = stacks[d] as number;
      let reachable = dieUnits[d] as number;
      if (perPackage > 0) {
        let compatible = 0;
        for (let p = 0; p < poolCount; p++) if ((poolRanks[p] as number) >= (minRank[d] as number)) compatible += pools[p] as number;
        if (compatible / perPackage < reachable) reachable = compatible / perPackage;
      }
      const ppw = packagesPerWafer[d] as number;
      need[d] = ppw > 0 ? reachable / ppw : 0;
    }
    waterFill(this.interposerWafers, 0, weight, need, slots, this.open, members, count);
    let slotsLeft = this.interposerWafers[0] as number;
    for (let k = 0; k < count; k++) slotsLeft -= slots[members[k] as number] as number;
    if (slotsLeft < 0) slotsLeft = 0;
    for (let k = 0; k < count; k++) {
      const d = members[k] as number;
      const ppw = packagesPerWafer[d] as number;
      const withSlots = (slots[d] as number) * ppw;
      slotUnits[d] = withSlots;
      slotReach[d] = ((slots[d] as number) + slotsLeft) * ppw;
      const dies = dieUnits[d] as number;
      need[d] = (dies < withSlots ? dies : withSlots) * (stacks[d] as number);
    }
  }

  /** Packages per design from its dies, slots and stacks, and what slots and stacks reach with what the others left. */
  private packages(pools: Float64Array, count: number): void {
    const { dieUnits, slotUnits, hbmUnits, units, slotReach, hbmReach, stacks, minRank, poolRanks, allocation, leftover, members } = this;
    const poolCount = poolRanks.length;
    for (let p = 0; p < poolCount; p++) leftover[p] = pools[p] as number;
    for (let k = 0; k < count; k++) {
      const d = members[k] as number;
      for (let p = 0; p < poolCount; p++) leftover[p] = (leftover[p] as number) - (allocation[d * poolCount + p] as number);
    }
    for (let k = 0; k < count; k++) {
      const d = members[k] as number;
      const perPackage = stacks[d] as number;
      let withHbm = dieUnits[d] as number;
      if (perPackage > 0) {
        let given = 0;
        let spare = 0;
        for (let p = 0; p < poolCount; p++) {
          given += allocation[d * poolCount + p] as number;
          const left = leftover[p] as number;
          if (left > 0 && (poolRanks[p] as number) >= (minRank[d] as number)) spare += left;
        }
        withHbm = given / perPackage;
        hbmReach[d] = (given + spare) / perPackage;
      } else {
        // No HBM needed: stacks never bind (a reach beyond any other allowance).
        hbmReach[d] = withHbm > (slotReach[d] as number) ? withHbm : (slotReach[d] as number);
      }
      hbmUnits[d] = withHbm;
      const least = withHbm < (slotUnits[d] as number) ? withHbm : (slotUnits[d] as number);
      units[d] = least < (dieUnits[d] as number) ? least : (dieUnits[d] as number);
    }
  }
}
