import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { generationRank } from "../../schema/hbmGenerations.js";
import { perQuarter } from "../../model/capacity/rates.js";
import { DesignFigures, valueOr0 } from "../../model/designFigures.js";
import { PackagingShare } from "../../model/packagingShare.js";
import { shippingWeights } from "../../model/shipping.js";
import { designName, labelled, perYear, yearEnd } from "../../metrics/labels.js";
import { DieBankParts } from "./dieBankParts.js";
import { ImportSupply } from "./importSupply.js";

/**
 * Designs: how many accelerators of each design are packaged this quarter
 * (CALIBRATION.md R6). A domestic design's dies are its own stock (good
 * dies out of the fab and not yet packaged) plus the part of a die bank
 * held for it (dieBankParts.ts), as far as its shipping weight. Its
 * priority is waferShare x shipping weight: packaging slots and then HBM
 * pools go to designs by water-filling on it, each capped at what it can
 * use (packagingShare.ts). Packaging uses the dies (bank first, the oldest)
 * and stacks at once; the good packages go to assembly and delivery (the
 * market's lag). Dies of a design past its end of life, and of a bank
 * part no design is left for, are written off, as is
 * planning.dieWriteOffPerYear of what waits. Each constraint's allowance is
 * kept as a term so the market can name the binding one. An import's
 * supply is the exporter's volume less what US licences block
 * (importSupply.ts).
 * Touches: world.designActive, dieTerm, hbmTerm, packagingTerm,
 * supplyUnits, hbmAllocation, dieStock, bankPart, bankDies.
 */
export class DesignsAgent implements Agent {
  readonly name = "designs";
  private readonly domestic: Uint8Array;
  /** Launch, end of life, priority and what one package takes, this run (shared with planning). */
  private readonly figures: DesignFigures;
  // Parameter indices per design (-1 where a design has none).
  /** This design's package yield, or -1 to use packaging.yield. */
  private readonly pPackageYield: Int32Array;
  // This run's values per design, set in reset: the step reads no parameter.
  /** What the exporters offer of each import, after US licences. */
  private readonly imports: ImportSupply;
  /** Package yield, the design's own or packaging.yield. */
  private readonly packageYield: Float64Array;
  private readonly bankOf: Int32Array;
  private readonly pBankDies: Int32Array;
  private readonly pBankInflow: Int32Array;
  /** Each bank's inflow per quarter without the ban this run, its dies at the start, and this quarter's arrivals. */
  private readonly bankInflow: Float64Array;
  private readonly bankStart: Float64Array;
  private readonly bankArrivals: Float64Array;
  private readonly bankParts: DieBankParts;
  private readonly bankClaim: Float64Array;
  /** Each design's shipping weight this quarter, and the zero lead it is computed with. */
  private readonly ship: Float64Array;
  private readonly noLead: Float64Array;
  private readonly packaging: PackagingShare;
  private readonly pCommonYield: number;
  private readonly pWriteOff: number;
  /** Share of waiting dies written off per quarter, this run. */
  private writeOff = 0;
  private readonly foundryLever: number;
  private readonly obs: ReturnType<typeof registerDieObservables>;
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
    this.pPackageYield = Int32Array.from(designs, (x) => (x.dom ? t.optionalIndex(x.dom.packageYield) : -1));
    this.figures = new DesignFigures(ctx);
    this.imports = new ImportSupply(ctx);
    this.packageYield = new Float64Array(n);
    const minRank = Int32Array.from(ctx.designIds, (_id, d) => {
      const dom = ctx.domesticDesign(d);
      // Imports and designs without HBM take nothing from the pools.
      return dom ? generationRank(dom.hbmGeneration) : 1 << 30;
    });
    const poolRanks = Int32Array.from(ctx.hbmPools, (p) => p.rank);
    this.packaging = new PackagingShare(this.figures.stacks, this.figures.packagesPerWafer, minRank, poolRanks);
    this.bankOf = Int32Array.from(ctx.designIds, (id) => ctx.dieBankIds.findIndex((b) => tree.dieBanks[b]?.designs.includes(id)));
    const banks = ctx.dieBankIds.map((b) => {
      const bank = tree.dieBanks[b];
      if (!bank) throw new Error(`die bank ${b} missing`);
      return bank;
    });
    this.pBankDies = Int32Array.from(banks, (bank) => t.index(bank.dies));
    this.pBankInflow = Int32Array.from(banks, (bank) => t.index(bank.inflowPerYearWithoutBan));
    this.bankInflow = new Float64Array(banks.length);
    this.bankStart = new Float64Array(banks.length);
    this.bankArrivals = new Float64Array(banks.length);
    const pAllot = Int32Array.from(ctx.designIds, (id, d) => {
      const b = this.bankOf[d] as number;
      return b < 0 ? -1 : t.optionalIndex(banks[b]?.allotment?.[id]);
    });
    this.bankParts = new DieBankParts(this.bankOf, pAllot, banks.length);
    this.bankClaim = new Float64Array(n);
    this.ship = new Float64Array(n);
    this.noLead = new Float64Array(n);
    this.pCommonYield = t.index(tree.packaging.yield);
    this.pWriteOff = t.optionalIndex(tree.planning.dieWriteOffPerYear);
    this.foundryLever = ctx.leverIndex("us-foundry-ban");
    const o = ctx.observables;
    this.obs = registerDieObservables(ctx);
    this.obsDiesDeployed = Int32Array.from(ctx.designIds, (id) =>
      o.register(`diesDeployed.${id}`, "flow", "die", `Compute dies in the deployed accelerators of ${id}.`, labelled(`${designName(id, tree.designs[id]?.designer ?? "")} dies deployed`, perYear("dies"))),
    );
  }

  reset(w: World): void {
    const p = w.params;
    w.dieStock.fill(0);
    const commonYield = p[this.pCommonYield] as number;
    this.figures.reset(p);
    const { end } = this.figures;
    this.imports.reset(p);
    for (let d = 0; d < this.packageYield.length; d++) {
      const ownYield = this.pPackageYield[d] as number;
      this.packageYield[d] = ownYield < 0 ? commonYield : (p[ownYield] as number);
    }
    for (let b = 0; b < this.bankInflow.length; b++) {
      this.bankStart[b] = p[this.pBankDies[b] as number] as number;
      this.bankInflow[b] = perQuarter(p[this.pBankInflow[b] as number] as number);
    }
    this.bankParts.reset(w, this.figures.share, end, this.bankStart);
    this.writeOff = perQuarter(valueOr0(p, this.pWriteOff));
  }

  step(w: World): void {
    const q = w.q;
    // Every array in locals: V8 then checks each once per call, not once per access.
    const { domestic, bankClaim, bankArrivals, packageYield, packaging } = this;
    const { launch, end, ramp, share, diesPerPackage } = this.figures;
    const shipNow = this.ship;
    shippingWeights(q, 0, this.noLead, launch, end, ramp, shipNow);
    const { designActive: active, goodDies, packagingTerm, dieTerm, hbmTerm, supplyUnits, hbmAllocation, dieStock, bankPart, bankDies: bank, obs } = w;
    const { weight, dieUnits } = packaging;
    const n = launch.length;
    const writeOff = this.writeOff;
    let writtenOff = 0;
    let arrivals = 0;
    const leak = 1 - (w.lever[this.foundryLever] as number);
    for (let b = 0; b < bank.length; b++) {
      const arriving = (this.bankInflow[b] as number) * leak;
      bankArrivals[b] = arriving;
      arrivals += arriving;
    }
    const parts = this.bankParts;
    parts.io[0] = writeOff;
    parts.age(w, q, end, bankArrivals);
    writtenOff += parts.io[1] as number;
    for (let d = 0; d < n; d++) {
      const ship = shipNow[d] as number;
      active[d] = ship > 0 ? 1 : 0;
      weight[d] = domestic[d] ? (share[d] as number) * ship : 0;
      // The part of a bank held for the design (0 for a design in none), as far as it ships.
      bankClaim[d] = (bankPart[d] as number) * ship;
      if (!domestic[d]) continue;
      // Dies that waited lose the write-off share; those of a design past its end of life are all lost.
      const lost = (dieStock[d] as number) * writeOff;
      let stock = (dieStock[d] as number) - lost + (goodDies[d] as number);
      writtenOff += lost;
      if (q >= (end[d] as number)) {
        writtenOff += stock;
        stock = 0;
      }
      dieStock[d] = stock;
    }
    for (let d = 0; d < n; d++) {
      dieUnits[d] = (weight[d] as number) > 0 ? ((dieStock[d] as number) + (bankClaim[d] as number)) / (diesPerPackage[d] as number) : 0;
    }
    packaging.interposerWafers[0] = w.interposerWafers;
    packaging.share(w.hbmPool);

    this.imports.offer(q, shipNow, w.lever, domestic);
    const importOffer = this.imports.offered;
    const pools = w.hbmPool.length;
    let diesPackaged = 0;
    let unitsPackaged = 0;
    for (let d = 0; d < n; d++) {
      for (let p = 0; p < pools; p++) hbmAllocation[d * pools + p] = packaging.allocation[d * pools + p] as number;
      if (!active[d]) {
        dieTerm[d] = 0;
        hbmTerm[d] = 0;
        packagingTerm[d] = 0;
        supplyUnits[d] = 0;
        continue;
      }
      if (!domestic[d]) {
        // An import's ramp time is 0 (designFigures.ts): it ships at full volume from launch.
        const offer = importOffer[d] as number;
        dieTerm[d] = offer;
        hbmTerm[d] = Infinity;
        packagingTerm[d] = Infinity;
        supplyUnits[d] = offer;
        continue;
      }
      const yieldD = packageYield[d] as number;
      const made = packaging.units[d] as number;
      dieTerm[d] = (dieUnits[d] as number) * yieldD;
      hbmTerm[d] = (packaging.hbmReach[d] as number) * yieldD;
      packagingTerm[d] = (packaging.slotReach[d] as number) * yieldD;
      supplyUnits[d] = made * yieldD;
      unitsPackaged += made * yieldD;
      // The stacks given are exactly what the packages use: HBM was asked only for min(dies, slots).
      const diesUsed = made * (diesPerPackage[d] as number);
      diesPackaged += diesUsed;
      const fromBank = Math.min(bankClaim[d] as number, diesUsed);
      bankPart[d] = Math.max(0, (bankPart[d] as number) - fromBank);
      dieStock[d] = Math.max(0, (dieStock[d] as number) - (diesUsed - fromBank));
    }
    let inventory = 0;
    for (let d = 0; d < n; d++) inventory += dieStock[d] as number;
    let banked = 0;
    parts.total(w);
    for (let b = 0; b < bank.length; b++) banked += bank[b] as number;
    const o = this.obs;
    obs[o.inventory] = inventory;
    obs[o.bank] = banked;
    obs[o.bankArrivals] = arrivals;
    obs[o.writtenOff] = writtenOff;
    obs[o.packaged] = diesPackaged;
    obs[o.units] = unitsPackaged;
  }

  /** Counts the dies in what the market deployed. */
  settle(w: World): void {
    const { domestic, obsDiesDeployed } = this;
    const { diesPerPackage } = this.figures;
    for (let d = 0; d < domestic.length; d++) {
      // Imported parts (H20, H200) carry one compute die each.
      const perPackage = domestic[d] ? (diesPerPackage[d] as number) : 1;
      w.obs[obsDiesDeployed[d] as number] = (w.deployedUnits[d] as number) * perPackage;
    }
  }
}

function registerDieObservables(ctx: BuildContext) {
  const o = ctx.observables;
  return {
    inventory: o.register("dies.inventory", "stock", "die", "Good domestic dies out of the fab and not yet packaged.", labelled("Domestic dies waiting to be packaged", yearEnd("dies"))),
    bank: o.register("dies.bankRemaining", "stock", "die", "Dies left in the banks made abroad before the foundry ban.", labelled("Dies left in the foreign-made die banks", yearEnd("dies"))),
    bankArrivals: o.register("dies.bankArrivals", "flow", "die", "Dies foreign foundries added to the banks (the unenforced share of the foundry ban).", labelled("Dies added to the foreign-made die banks", perYear("dies"))),
    writtenOff: o.register("dies.writtenOff", "flow", "die", "Waiting dies written off: those of designs past their end of life, and the yearly write-off share.", labelled("Waiting dies written off", perYear("dies"))),
    packaged: o.register("dies.packaged", "flow", "die", "Compute dies built into packages, domestic and banked.", labelled("Compute dies packaged", perYear("dies"))),
    units: o.register("packaged.units", "flow", "accelerator", "Good domestic accelerators packaged (they reach the market after assembly and delivery).", labelled("Domestic accelerators packaged", perYear("units"))),
  };
}

