import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { generationRank } from "../../schema/hbmGenerations.js";
import { allocateHbm, type HbmRequest } from "./hbmAllocation.js";
import { shippingWeight } from "./shipping.js";

interface DesignIndices {
  readonly launch: number;
  readonly end: number;
  readonly ramp: number;
  readonly share: number;
  readonly diesPerPackage: number;
  readonly stacks: number;
  readonly packagesPerWafer: number;
  readonly supplyPerYear: number;
  /** This design's package yield, or -1 to use packaging.yield. */
  readonly packageYield: number;
}

/**
 * Designs: how many accelerators of each design could be packaged this
 * quarter (CALIBRATION.md R6). A domestic design's dies are its own stock
 * (good dies made so far and not yet packaged) plus a claim on the die bank
 * it may use; packaging slots are shared in proportion to the dies ready;
 * HBM pools are then shared in proportion to what dies and slots allow.
 * Each constraint's allowance is kept as a term so the market can name the
 * binding one. An import's supply is the exporter's volume less what US
 * export policy blocks. In `settle`, the design books the dies and stacks
 * the deployed units used. Touches: world.designActive, dieTerm, hbmTerm,
 * packagingTerm, supplyUnits, hbmAllocation (use, after settle).
 */
export class DesignsAgent implements Agent {
  readonly name = "designs";
  private readonly idx: DesignIndices[];
  private readonly domestic: readonly boolean[];
  private readonly minRank: Int32Array;
  private readonly poolRanks: Int32Array;
  private readonly bankOf: Int32Array;
  private readonly bankIdx: { dies: number; inflow: number }[];
  private readonly dieStock: Float64Array;
  private readonly bank: Float64Array;
  private readonly bankClaim: Float64Array;
  private readonly weight: Float64Array;
  private readonly dieUnits: Float64Array;
  private readonly request: HbmRequest;
  private readonly bankWeight: Float64Array;
  private readonly packageYield: number;
  private readonly exportLever: number;
  private readonly foundryLever: number;
  private readonly obs: { inventory: number; bank: number };
  private readonly obsDiesDeployed: Int32Array;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    const n = ctx.designIds.length;
    this.domestic = ctx.domestic;
    this.idx = ctx.designIds.map((_id, d) => {
      const dom = ctx.domesticDesign(d);
      const imp = ctx.importDesign(d);
      const common = dom ?? imp;
      if (!common) throw new Error(`design ${d} missing`);
      return {
        launch: t.index(common.launch),
        end: t.optionalIndex(common.endOfLife),
        ramp: dom ? t.index(dom.rampTime) : -1,
        share: dom ? t.index(dom.waferShare) : -1,
        diesPerPackage: dom ? t.index(dom.diesPerPackage) : -1,
        stacks: dom ? t.index(dom.hbmStacks) : -1,
        packagesPerWafer: dom ? t.index(dom.packagesPerInterposerWafer) : -1,
        supplyPerYear: imp ? t.index(imp.supplyPerYear) : -1,
        packageYield: dom ? t.optionalIndex(dom.packageYield) : -1,
      };
    });
    this.minRank = Int32Array.from(ctx.designIds, (_id, d) => {
      const dom = ctx.domesticDesign(d);
      // Imports and designs without HBM take nothing from the pools.
      return dom ? generationRank(dom.hbmGeneration) : 1 << 30;
    });
    this.poolRanks = Int32Array.from(ctx.hbmPools, (p) => p.rank);
    this.bankOf = Int32Array.from(ctx.designIds, (id) => ctx.dieBankIds.findIndex((b) => tree.dieBanks[b]?.designs.includes(id)));
    this.bankIdx = ctx.dieBankIds.map((b) => {
      const bank = tree.dieBanks[b];
      if (!bank) throw new Error(`die bank ${b} missing`);
      return { dies: t.index(bank.dies), inflow: t.index(bank.inflowPerYearWithoutBan) };
    });
    this.dieStock = new Float64Array(n);
    this.bank = new Float64Array(ctx.dieBankIds.length);
    this.bankWeight = new Float64Array(ctx.dieBankIds.length);
    this.bankClaim = new Float64Array(n);
    this.weight = new Float64Array(n);
    this.dieUnits = new Float64Array(n);
    this.request = { remaining: new Float64Array(n), minRank: this.minRank };
    this.packageYield = t.index(tree.packaging.yield);
    this.exportLever = ctx.leverIndex("us-ai-chip-exports");
    this.foundryLever = ctx.leverIndex("us-foundry-ban");
    const o = ctx.observables;
    this.obs = {
      inventory: o.register("dies.inventory", "stock", "die", "Good domestic dies made but not yet packaged."),
      bank: o.register("dies.bankRemaining", "stock", "die", "Dies left in the banks made abroad before the foundry ban."),
    };
    this.obsDiesDeployed = Int32Array.from(ctx.designIds, (id) =>
      o.register(`diesDeployed.${id}`, "flow", "die", `Compute dies in the deployed accelerators of ${id}.`),
    );
  }

  reset(w: World): void {
    this.dieStock.fill(0);
    this.bankIdx.forEach((b, k) => (this.bank[k] = w.p(b.dies)));
  }

  step(w: World): void {
    const q = w.q;
    const n = this.idx.length;
    const leak = 1 - (w.lever[this.foundryLever] as number);
    for (let b = 0; b < this.bank.length; b++) {
      this.bank[b] = (this.bank[b] as number) + (w.p((this.bankIdx[b] as { inflow: number }).inflow) / 4) * leak;
    }
    this.bankWeight.fill(0);
    for (let d = 0; d < n; d++) {
      const i = this.idx[d] as DesignIndices;
      const end = i.end < 0 ? Infinity : w.p(i.end);
      const ship = shippingWeight(q, w.p(i.launch), end, i.ramp < 0 ? 0 : w.p(i.ramp));
      w.designActive[d] = ship > 0 ? 1 : 0;
      const weight = this.domestic[d] ? w.p(i.share) * ship : ship;
      this.weight[d] = weight;
      const b = this.bankOf[d] as number;
      if (b >= 0 && ship > 0) this.bankWeight[b] = (this.bankWeight[b] as number) + weight;
    }

    let slotsWanted = 0;
    for (let d = 0; d < n; d++) {
      this.dieUnits[d] = 0;
      this.bankClaim[d] = 0;
      if (!this.domestic[d]) continue;
      const i = this.idx[d] as DesignIndices;
      this.dieStock[d] = (this.dieStock[d] as number) + (w.goodDies[d] as number);
      if (!w.designActive[d]) continue;
      const b = this.bankOf[d] as number;
      const bankWeight = b >= 0 ? (this.bankWeight[b] as number) : 0;
      const claim = bankWeight > 0 ? ((this.bank[b] as number) * (this.weight[d] as number)) / bankWeight : 0;
      this.bankClaim[d] = claim;
      const units = ((this.dieStock[d] as number) + claim) / w.p(i.diesPerPackage);
      this.dieUnits[d] = units;
      slotsWanted += units / w.p(i.packagesPerWafer);
    }

    const slotShare = slotsWanted > w.interposerWafers ? w.interposerWafers / slotsWanted : 1;
    for (let d = 0; d < n; d++) {
      this.request.remaining[d] = 0;
      if (!this.domestic[d] || !w.designActive[d]) continue;
      const i = this.idx[d] as DesignIndices;
      const packaging = (this.dieUnits[d] as number) * slotShare;
      w.packagingTerm[d] = packaging;
      this.request.remaining[d] = Math.min(this.dieUnits[d] as number, packaging) * w.p(i.stacks);
    }
    allocateHbm(w.hbmPool, this.poolRanks, this.request, w.hbmAllocation);

    const commonYield = w.p(this.packageYield);
    const exportShare = 1 - (w.lever[this.exportLever] as number);
    const pools = this.poolRanks.length;
    for (let d = 0; d < n; d++) {
      const i = this.idx[d] as DesignIndices;
      if (!w.designActive[d]) {
        w.dieTerm[d] = 0;
        w.hbmTerm[d] = 0;
        w.packagingTerm[d] = 0;
        w.supplyUnits[d] = 0;
        continue;
      }
      if (!this.domestic[d]) {
        const offer = (w.p(i.supplyPerYear) / 4) * (this.weight[d] as number) * exportShare;
        w.dieTerm[d] = offer;
        w.hbmTerm[d] = Infinity;
        w.packagingTerm[d] = Infinity;
        w.supplyUnits[d] = offer;
        continue;
      }
      const stacks = w.p(i.stacks);
      const packageYield = i.packageYield < 0 ? commonYield : w.p(i.packageYield);
      let given = 0;
      for (let p = 0; p < pools; p++) given += w.hbmAllocation[d * pools + p] as number;
      const dieTerm = (this.dieUnits[d] as number) * packageYield;
      const hbmTerm = stacks > 0 ? (given / stacks) * packageYield : Infinity;
      const packagingTerm = (w.packagingTerm[d] as number) * packageYield;
      w.dieTerm[d] = dieTerm;
      w.hbmTerm[d] = hbmTerm;
      w.packagingTerm[d] = packagingTerm;
      w.supplyUnits[d] = Math.min(dieTerm, hbmTerm, packagingTerm);
    }
  }

  /** Books the dies and stacks that the deployed units used (runs before memory settles). */
  settle(w: World): void {
    const n = this.idx.length;
    const pools = this.poolRanks.length;
    const commonYield = w.p(this.packageYield);
    for (let d = 0; d < n; d++) {
      if (!this.domestic[d] || !w.designActive[d]) {
        for (let p = 0; p < pools; p++) w.hbmAllocation[d * pools + p] = 0;
        // Imported parts (H20, H200) carry one compute die each.
        if (!this.domestic[d]) w.obs[this.obsDiesDeployed[d] as number] = w.deployedUnits[d] as number;
        continue;
      }
      const i = this.idx[d] as DesignIndices;
      w.obs[this.obsDiesDeployed[d] as number] = (w.deployedUnits[d] as number) * w.p(i.diesPerPackage);
      const packageYield = i.packageYield < 0 ? commonYield : w.p(i.packageYield);
      const attempted = packageYield > 0 ? (w.deployedUnits[d] as number) / packageYield : 0;
      const diesUsed = attempted * w.p(i.diesPerPackage);
      const fromStock = Math.min(this.dieStock[d] as number, diesUsed);
      this.dieStock[d] = (this.dieStock[d] as number) - fromStock;
      const b = this.bankOf[d] as number;
      if (b >= 0) this.bank[b] = Math.max(0, (this.bank[b] as number) - (diesUsed - fromStock));
      const stacksUsed = attempted * w.p(i.stacks);
      let given = 0;
      for (let p = 0; p < pools; p++) given += w.hbmAllocation[d * pools + p] as number;
      const share = given > 0 ? Math.min(1, stacksUsed / given) : 0;
      for (let p = 0; p < pools; p++) w.hbmAllocation[d * pools + p] = (w.hbmAllocation[d * pools + p] as number) * share;
    }
    let inventory = 0;
    for (let d = 0; d < n; d++) inventory += this.dieStock[d] as number;
    let bank = 0;
    for (let b = 0; b < this.bank.length; b++) bank += this.bank[b] as number;
    w.obs[this.obs.inventory] = inventory;
    w.obs[this.obs.bank] = bank;
  }
}
