import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { generationRank } from "../../schema/hbmGenerations.js";
import { allocateHbm, type HbmRequest } from "./hbmAllocation.js";
import { perQuarter } from "../../model/capacity/rates.js";
import { shippingWeight } from "../../model/shipping.js";
import { designName, labelled, perYear, yearEnd } from "../../metrics/labels.js";

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
  private readonly domestic: Uint8Array;
  // Parameter indices per design (-1 where a design has none: imports have no
  // ramp, share, dies, stacks or interposer figure, domestic designs no supply).
  private readonly pLaunch: Int32Array;
  private readonly pEnd: Int32Array;
  private readonly pRamp: Int32Array;
  private readonly pShare: Int32Array;
  private readonly pDiesPerPackage: Int32Array;
  private readonly pStacks: Int32Array;
  private readonly pPackagesPerWafer: Int32Array;
  private readonly pSupplyPerYear: Int32Array;
  /** This design's package yield, or -1 to use packaging.yield. */
  private readonly pPackageYield: Int32Array;
  // This run's values per design, set in reset: the step reads no parameter.
  private readonly launch: Float64Array;
  /** End of life, Infinity when the design has none. */
  private readonly end: Float64Array;
  /** Ramp time, 0 for imports (they ship at full volume from launch). */
  private readonly ramp: Float64Array;
  private readonly share: Float64Array;
  private readonly diesPerPackage: Float64Array;
  private readonly stacks: Float64Array;
  private readonly packagesPerWafer: Float64Array;
  /** An import's exporter volume per quarter. */
  private readonly supplyPerQuarter: Float64Array;
  /** Package yield, the design's own or packaging.yield. */
  private readonly packageYield: Float64Array;
  private readonly minRank: Int32Array;
  private readonly poolRanks: Int32Array;
  private readonly bankOf: Int32Array;
  private readonly pBankDies: Int32Array;
  private readonly pBankInflow: Int32Array;
  /** Each bank's inflow per quarter without the ban, this run. */
  private readonly bankInflow: Float64Array;
  private readonly dieStock: Float64Array;
  private readonly bank: Float64Array;
  private readonly bankClaim: Float64Array;
  private readonly weight: Float64Array;
  private readonly dieUnits: Float64Array;
  private readonly request: HbmRequest;
  private readonly bankWeight: Float64Array;
  private readonly pCommonYield: number;
  private readonly exportLever: number;
  private readonly foundryLever: number;
  private readonly obs: { inventory: number; bank: number };
  private readonly obsDiesDeployed: Int32Array;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    const n = ctx.designIds.length;
    this.domestic = Uint8Array.from(ctx.domestic, (dom) => (dom ? 1 : 0));
    const designs = ctx.designIds.map((_id, d) => {
      const dom = ctx.domesticDesign(d);
      const imp = ctx.importDesign(d);
      const common = dom ?? imp;
      if (!common) throw new Error(`design ${d} missing`);
      return { dom, imp, common };
    });
    this.pLaunch = Int32Array.from(designs, (x) => t.index(x.common.launch));
    this.pEnd = Int32Array.from(designs, (x) => t.optionalIndex(x.common.endOfLife));
    this.pRamp = Int32Array.from(designs, (x) => (x.dom ? t.index(x.dom.rampTime) : -1));
    this.pShare = Int32Array.from(designs, (x) => (x.dom ? t.index(x.dom.waferShare) : -1));
    this.pDiesPerPackage = Int32Array.from(designs, (x) => (x.dom ? t.index(x.dom.diesPerPackage) : -1));
    this.pStacks = Int32Array.from(designs, (x) => (x.dom ? t.index(x.dom.hbmStacks) : -1));
    this.pPackagesPerWafer = Int32Array.from(designs, (x) => (x.dom ? t.index(x.dom.packagesPerInterposerWafer) : -1));
    this.pSupplyPerYear = Int32Array.from(designs, (x) => (x.imp ? t.index(x.imp.supplyPerYear) : -1));
    this.pPackageYield = Int32Array.from(designs, (x) => (x.dom ? t.optionalIndex(x.dom.packageYield) : -1));
    this.launch = new Float64Array(n);
    this.end = new Float64Array(n);
    this.ramp = new Float64Array(n);
    this.share = new Float64Array(n);
    this.diesPerPackage = new Float64Array(n);
    this.stacks = new Float64Array(n);
    this.packagesPerWafer = new Float64Array(n);
    this.supplyPerQuarter = new Float64Array(n);
    this.packageYield = new Float64Array(n);
    this.minRank = Int32Array.from(ctx.designIds, (_id, d) => {
      const dom = ctx.domesticDesign(d);
      // Imports and designs without HBM take nothing from the pools.
      return dom ? generationRank(dom.hbmGeneration) : 1 << 30;
    });
    this.poolRanks = Int32Array.from(ctx.hbmPools, (p) => p.rank);
    this.bankOf = Int32Array.from(ctx.designIds, (id) => ctx.dieBankIds.findIndex((b) => tree.dieBanks[b]?.designs.includes(id)));
    const banks = ctx.dieBankIds.map((b) => {
      const bank = tree.dieBanks[b];
      if (!bank) throw new Error(`die bank ${b} missing`);
      return bank;
    });
    this.pBankDies = Int32Array.from(banks, (bank) => t.index(bank.dies));
    this.pBankInflow = Int32Array.from(banks, (bank) => t.index(bank.inflowPerYearWithoutBan));
    this.bankInflow = new Float64Array(banks.length);
    this.dieStock = new Float64Array(n);
    this.bank = new Float64Array(ctx.dieBankIds.length);
    this.bankWeight = new Float64Array(ctx.dieBankIds.length);
    this.bankClaim = new Float64Array(n);
    this.weight = new Float64Array(n);
    this.dieUnits = new Float64Array(n);
    this.request = { remaining: new Float64Array(n), minRank: this.minRank };
    this.pCommonYield = t.index(tree.packaging.yield);
    this.exportLever = ctx.leverIndex("us-ai-chip-exports");
    this.foundryLever = ctx.leverIndex("us-foundry-ban");
    const o = ctx.observables;
    this.obs = {
      inventory: o.register("dies.inventory", "stock", "die", "Good domestic dies made but not yet packaged.", labelled("Domestic dies waiting to be packaged", yearEnd("dies"))),
      bank: o.register("dies.bankRemaining", "stock", "die", "Dies left in the banks made abroad before the foundry ban.", labelled("Dies left in the foreign-made die banks", yearEnd("dies"))),
    };
    this.obsDiesDeployed = Int32Array.from(ctx.designIds, (id) =>
      o.register(`diesDeployed.${id}`, "flow", "die", `Compute dies in the deployed accelerators of ${id}.`, labelled(`${designName(id, tree.designs[id]?.designer ?? "")} dies deployed`, perYear("dies"))),
    );
  }

  reset(w: World): void {
    const p = w.params;
    this.dieStock.fill(0);
    for (let b = 0; b < this.bank.length; b++) {
      this.bank[b] = p[this.pBankDies[b] as number] as number;
      this.bankInflow[b] = perQuarter(p[this.pBankInflow[b] as number] as number);
    }
    const commonYield = p[this.pCommonYield] as number;
    for (let d = 0; d < this.launch.length; d++) {
      this.launch[d] = p[this.pLaunch[d] as number] as number;
      const end = this.pEnd[d] as number;
      this.end[d] = end < 0 ? Infinity : (p[end] as number);
      this.ramp[d] = valueOr0(p, this.pRamp[d] as number);
      this.share[d] = valueOr0(p, this.pShare[d] as number);
      this.diesPerPackage[d] = valueOr0(p, this.pDiesPerPackage[d] as number);
      this.stacks[d] = valueOr0(p, this.pStacks[d] as number);
      this.packagesPerWafer[d] = valueOr0(p, this.pPackagesPerWafer[d] as number);
      this.supplyPerQuarter[d] = perQuarter(valueOr0(p, this.pSupplyPerYear[d] as number));
      const ownYield = this.pPackageYield[d] as number;
      this.packageYield[d] = ownYield < 0 ? commonYield : (p[ownYield] as number);
    }
  }

  step(w: World): void {
    const q = w.q;
    // Every array in locals: V8 then checks each once per call, not once per access.
    const { domestic, launch, end, ramp, share, bankOf, bank, bankWeight, weight, dieStock, dieUnits, bankClaim } = this;
    const { diesPerPackage, packagesPerWafer, stacks, packageYield, supplyPerQuarter } = this;
    const { designActive: active, goodDies, packagingTerm, dieTerm, hbmTerm, supplyUnits, hbmAllocation } = w;
    const n = launch.length;
    const leak = 1 - (w.lever[this.foundryLever] as number);
    for (let b = 0; b < bank.length; b++) bank[b] = (bank[b] as number) + (this.bankInflow[b] as number) * leak;
    // A few banks: a loop beats a fill() call.
    for (let b = 0; b < bankWeight.length; b++) bankWeight[b] = 0;
    for (let d = 0; d < n; d++) {
      const ship = shippingWeight(q, launch[d] as number, end[d] as number, ramp[d] as number);
      active[d] = ship > 0 ? 1 : 0;
      const wd = domestic[d] ? (share[d] as number) * ship : ship;
      weight[d] = wd;
      const b = bankOf[d] as number;
      if (b >= 0 && ship > 0) bankWeight[b] = (bankWeight[b] as number) + wd;
    }

    let slotsWanted = 0;
    for (let d = 0; d < n; d++) {
      dieUnits[d] = 0;
      bankClaim[d] = 0;
      if (!domestic[d]) continue;
      dieStock[d] = (dieStock[d] as number) + (goodDies[d] as number);
      if (!active[d]) continue;
      const b = bankOf[d] as number;
      const bw = b >= 0 ? (bankWeight[b] as number) : 0;
      const claim = bw > 0 ? ((bank[b] as number) * (weight[d] as number)) / bw : 0;
      bankClaim[d] = claim;
      const units = ((dieStock[d] as number) + claim) / (diesPerPackage[d] as number);
      dieUnits[d] = units;
      slotsWanted += units / (packagesPerWafer[d] as number);
    }

    const slotShare = slotsWanted > w.interposerWafers ? w.interposerWafers / slotsWanted : 1;
    const remaining = this.request.remaining;
    for (let d = 0; d < n; d++) {
      remaining[d] = 0;
      if (!domestic[d] || !active[d]) continue;
      const packaging = (dieUnits[d] as number) * slotShare;
      packagingTerm[d] = packaging;
      remaining[d] = Math.min(dieUnits[d] as number, packaging) * (stacks[d] as number);
    }
    allocateHbm(w.hbmPool, this.poolRanks, this.request, hbmAllocation);

    const exportShare = 1 - (w.lever[this.exportLever] as number);
    const pools = this.poolRanks.length;
    for (let d = 0; d < n; d++) {
      if (!active[d]) {
        dieTerm[d] = 0;
        hbmTerm[d] = 0;
        packagingTerm[d] = 0;
        supplyUnits[d] = 0;
        continue;
      }
      if (!domestic[d]) {
        const offer = (supplyPerQuarter[d] as number) * (weight[d] as number) * exportShare;
        dieTerm[d] = offer;
        hbmTerm[d] = Infinity;
        packagingTerm[d] = Infinity;
        supplyUnits[d] = offer;
        continue;
      }
      const stacksPer = stacks[d] as number;
      const yieldD = packageYield[d] as number;
      let given = 0;
      for (let p = 0; p < pools; p++) given += hbmAllocation[d * pools + p] as number;
      const dieT = (dieUnits[d] as number) * yieldD;
      const hbmT = stacksPer > 0 ? (given / stacksPer) * yieldD : Infinity;
      const packagingT = (packagingTerm[d] as number) * yieldD;
      dieTerm[d] = dieT;
      hbmTerm[d] = hbmT;
      packagingTerm[d] = packagingT;
      supplyUnits[d] = Math.min(dieT, hbmT, packagingT);
    }
  }

  /** Books the dies and stacks that the deployed units used (runs before memory settles). */
  settle(w: World): void {
    const { domestic, dieStock, bank, bankOf, diesPerPackage, packageYield, stacks, obsDiesDeployed } = this;
    const { designActive: active, deployedUnits, hbmAllocation: allocation, obs } = w;
    const n = domestic.length;
    const pools = this.poolRanks.length;
    for (let d = 0; d < n; d++) {
      const deployed = deployedUnits[d] as number;
      if (!domestic[d] || !active[d]) {
        for (let p = 0; p < pools; p++) allocation[d * pools + p] = 0;
        // Imported parts (H20, H200) carry one compute die each.
        if (!domestic[d]) obs[obsDiesDeployed[d] as number] = deployed;
        continue;
      }
      const perPackage = diesPerPackage[d] as number;
      obs[obsDiesDeployed[d] as number] = deployed * perPackage;
      const yieldD = packageYield[d] as number;
      const attempted = yieldD > 0 ? deployed / yieldD : 0;
      const diesUsed = attempted * perPackage;
      const fromStock = Math.min(dieStock[d] as number, diesUsed);
      dieStock[d] = (dieStock[d] as number) - fromStock;
      const b = bankOf[d] as number;
      if (b >= 0) bank[b] = Math.max(0, (bank[b] as number) - (diesUsed - fromStock));
      const stacksUsed = attempted * (stacks[d] as number);
      let given = 0;
      for (let p = 0; p < pools; p++) given += allocation[d * pools + p] as number;
      const scale = given > 0 ? Math.min(1, stacksUsed / given) : 0;
      for (let p = 0; p < pools; p++) allocation[d * pools + p] = (allocation[d * pools + p] as number) * scale;
    }
    let inventory = 0;
    for (let d = 0; d < n; d++) inventory += dieStock[d] as number;
    let banked = 0;
    for (let b = 0; b < bank.length; b++) banked += bank[b] as number;
    obs[this.obs.inventory] = inventory;
    obs[this.obs.bank] = banked;
  }
}

/** A parameter's value, or 0 for index -1 (a figure the design does not have, never used). */
function valueOr0(params: Float64Array, index: number): number {
  return index < 0 ? 0 : (params[index] as number);
}
