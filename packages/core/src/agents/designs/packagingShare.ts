import { waterFill } from "../../model/waterFill.js";
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
 * in its reset; nothing is allocated per call.
 */
export class PackagingShare {
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
  }

  /** Shares `slotsAvailable` interposer wafers and the stacks in `pools` (left unchanged). */
  share(pools: Float64Array, slotsAvailable: number): void {
    const { weight, dieUnits, slots, slotUnits, hbmUnits, units, need, stacks, packagesPerWafer, minRank, poolRanks } = this;
    const n = weight.length;
    const poolCount = poolRanks.length;
    for (let d = 0; d < n; d++) {
      const perPackage = stacks[d] as number;
      let reachable = Infinity;
      if (perPackage > 0) {
        let compatible = 0;
        for (let p = 0; p < poolCount; p++) if ((poolRanks[p] as number) >= (minRank[d] as number)) compatible += pools[p] as number;
        reachable = compatible / perPackage;
      }
      const ppw = packagesPerWafer[d] as number;
      need[d] = ppw > 0 ? Math.min(dieUnits[d] as number, reachable) / ppw : 0;
    }
    const slotsGiven = waterFill(slotsAvailable, weight, need, slots, this.open, n);
    const slotsLeft = Math.max(0, slotsAvailable - slotsGiven);
    for (let d = 0; d < n; d++) {
      const ppw = packagesPerWafer[d] as number;
      slotUnits[d] = (slots[d] as number) * ppw;
      this.slotReach[d] = ((slots[d] as number) + slotsLeft) * ppw;
      need[d] = Math.min(dieUnits[d] as number, slotUnits[d] as number) * (stacks[d] as number);
    }
    allocateHbm(pools, poolRanks, this.request, this.allocation, this.scratch);
    const { allocation, leftover } = this;
    for (let p = 0; p < poolCount; p++) {
      let taken = 0;
      for (let d = 0; d < n; d++) taken += allocation[d * poolCount + p] as number;
      leftover[p] = Math.max(0, (pools[p] as number) - taken);
    }
    for (let d = 0; d < n; d++) {
      const perPackage = stacks[d] as number;
      if (perPackage > 0) {
        let given = 0;
        let spare = 0;
        for (let p = 0; p < poolCount; p++) {
          given += allocation[d * poolCount + p] as number;
          if ((poolRanks[p] as number) >= (minRank[d] as number)) spare += leftover[p] as number;
        }
        hbmUnits[d] = given / perPackage;
        this.hbmReach[d] = (given + spare) / perPackage;
      } else {
        hbmUnits[d] = Infinity;
        this.hbmReach[d] = Infinity;
      }
      units[d] = Math.min(dieUnits[d] as number, slotUnits[d] as number, hbmUnits[d] as number);
    }
  }
}
