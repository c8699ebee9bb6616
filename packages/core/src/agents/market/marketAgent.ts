import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import { perQuarter } from "../../model/capacity/rates.js";
import { INACTIVE } from "../../model/constraints.js";
import type { World } from "../../model/world.js";
import { domesticBinding, importBinding } from "./bindingConstraint.js";
import { Deliveries } from "./deliveries.js";
import { InstalledBase } from "./installedBase.js";
import { exp } from "../../math/fdlibm.js";
import { designName, labelled, perYear, yearEnd } from "../../metrics/labels.js";

/**
 * Market: Chinese demand for new AI compute meets domestic supply and
 * imports. Domestic supply is what has come through assembly and delivery
 * plus what waited unsold (deliveries.ts). Imports are taken first, as far
 * as export policy, buyers' acceptance (less what cn-import-rejection turns
 * away) and the share of demand outside the domestic mandate allow;
 * domestic supply fills the rest of demand; spare power then caps
 * everything in proportion. Each design's deployment is the least of its
 * allowances; its binding constraint is demand or power where they cut
 * it, else the supply constraint that bound its packaging this quarter.
 * Installed compute and its power draw retire after the service life.
 * Touches: world.offeredUnits, deployedUnits, binding, installedPowerGW,
 * supplyMetDemandQuarter.
 */
export class MarketAgent implements Agent {
  readonly name = "market";
  private readonly domestic: Uint8Array;
  private readonly node: Int32Array;
  private readonly h100e: Float64Array;
  private readonly pTflops: Int32Array;
  private readonly pEfficiency: Int32Array;
  private readonly pPrice: Int32Array;
  // This run's per-design values, set in reset.
  private readonly tflops: Float64Array;
  /** An import's price (0 for domestic designs, never read). */
  private readonly price: Float64Array;
  private readonly policyUnits: Float64Array;
  private readonly compute: InstalledBase;
  private readonly flops: InstalledBase;
  private readonly powerDraw: InstalledBase;
  private readonly deliveries: Deliveries;
  private demandRate = 0;
  // This run's scalars, set in reset.
  private demandGrowth = 0;
  /** -ln 2 / half-life: the growth rate decays as exp(decay * t). */
  private growthDecay = 0;
  private mandateCoverage = 0;
  private acceptance = 0;
  private revenueShare = 0;
  private readonly i: ReturnType<typeof marketIndices>;
  private readonly lever: { mandate: number; rejection: number };
  private readonly obsUnits: Int32Array;
  private readonly obs: ReturnType<typeof registerMarketObservables>;

  constructor(ctx: BuildContext) {
    const { designs } = ctx.scenario.tree;
    const t = ctx.table;
    this.domestic = Uint8Array.from(ctx.domestic, (dom) => (dom ? 1 : 0));
    this.node = Int32Array.from(ctx.designIds, (_id, d) => {
      const dom = ctx.domesticDesign(d);
      return dom ? ctx.nodeIndex(dom.node) : -1;
    });
    const design = (id: string) => {
      const found = designs[id];
      if (!found) throw new Error(`design ${id} missing`);
      return found;
    };
    this.pTflops = Int32Array.from(ctx.designIds, (id) => t.index(design(id).tflops));
    this.pEfficiency = Int32Array.from(ctx.designIds, (id) => t.index(design(id).softwareEfficiency));
    this.pPrice = Int32Array.from(ctx.designIds, (_id, d) => {
      const imp = ctx.importDesign(d);
      return imp ? t.index(imp.price) : -1;
    });
    const n = ctx.designIds.length;
    this.tflops = new Float64Array(n);
    this.price = new Float64Array(n);
    this.h100e = new Float64Array(n);
    this.policyUnits = new Float64Array(n);
    this.compute = new InstalledBase(ctx.quarters);
    this.flops = new InstalledBase(ctx.quarters);
    this.powerDraw = new InstalledBase(ctx.quarters);
    this.deliveries = new Deliveries(ctx);
    this.i = marketIndices(ctx);
    this.lever = { mandate: ctx.leverIndex("cn-domestic-mandate"), rejection: ctx.leverIndex("cn-import-rejection") };
    const o = ctx.observables;
    this.obsUnits = Int32Array.from(ctx.designIds, (id) =>
      o.register(`accelerators.${id}`, "flow", "accelerator", `Accelerators of ${id} deployed in China.`, labelled(`${designName(id, ctx.scenario.tree.designs[id]?.designer ?? "")} accelerators deployed`, perYear("units"))),
    );
    this.obs = registerMarketObservables(ctx);
  }

  reset(w: World): void {
    const i = this.i;
    const h100 = w.p(i.h100Tflops);
    for (let d = 0; d < this.h100e.length; d++) {
      const tflops = w.p(this.pTflops[d] as number);
      this.tflops[d] = tflops;
      this.h100e[d] = (tflops / h100) * w.p(this.pEfficiency[d] as number);
      const price = this.pPrice[d] as number;
      this.price[d] = price < 0 ? 0 : w.p(price);
    }
    this.demandGrowth = w.p(i.demandGrowth);
    this.growthDecay = -Math.LN2 / Math.max(w.p(i.growthHalfLife), 1e-9);
    this.mandateCoverage = w.p(i.mandateCoverage);
    this.acceptance = w.p(i.acceptance);
    this.revenueShare = w.p(i.revenueShare);
    const life = w.p(i.serviceLife);
    const installed = w.p(i.installedAtStart);
    this.compute.reset(installed, life);
    this.flops.reset(installed * h100 * 1e12, life);
    this.powerDraw.reset(w.p(i.installedPowerAtStart), life);
    this.demandRate = w.p(i.demandAtStart);
    w.installedPowerGW = w.p(i.installedPowerAtStart);
    this.deliveries.reset(w);
    w.offeredUnits.fill(0);
  }

  step(w: World): void {
    this.deliveries.offer(w.q, w.supplyUnits, w.offeredUnits);
    // Apart, so that V8 optimises the clearing as it did on its own.
    this.clear(w);
    this.deliveries.afterDeployment(w.offeredUnits, w.deployedUnits, w.obs, this.obs.inTransit, this.obs.waiting);
  }

  /** Demand, imports, domestic supply and power meet: what each design deploys. */
  private clear(w: World): void {
    const q = w.q;
    const n = this.h100e.length;
    if (q > 0) {
      // Annual growth halves every half-life; a quarter grows by its fourth root.
      // (exp and sqrt instead of Math.pow, which costs several times more.)
      const growth = this.demandGrowth * exp((q + 0.5) * this.growthDecay);
      this.demandRate *= Math.sqrt(Math.sqrt(1 + growth));
    }
    const demand = perQuarter(this.demandRate);

    // Every array in locals: V8 then checks each once per call, not once per access.
    const { domestic, h100e, policyUnits, obsUnits, node, price, tflops } = this;
    const { designActive: active, supplyUnits, offeredUnits: offered, unitPowerGW, deployedUnits, binding, obs, dieTerm, hbmTerm, packagingTerm, nodeLithoBound } = w;
    const mandate = (w.lever[this.lever.mandate] as number) * this.mandateCoverage;
    const acceptance = this.acceptance * (1 - (w.lever[this.lever.rejection] as number));
    let importOffer = 0;
    let domesticSupply = 0;
    for (let d = 0; d < n; d++) {
      if (domestic[d]) {
        domesticSupply += (offered[d] as number) * (h100e[d] as number);
      } else if (active[d]) {
        const units = (supplyUnits[d] as number) * acceptance;
        policyUnits[d] = units;
        importOffer += units * (h100e[d] as number);
      }
    }
    const importRoom = (1 - mandate) * demand;
    const importFactor = importOffer > importRoom ? importRoom / importOffer : 1;
    const domesticRoom = Math.max(0, demand - importOffer * importFactor);
    const domesticFactor = domesticSupply > domesticRoom ? domesticRoom / domesticSupply : 1;
    if (w.supplyMetDemandQuarter < 0 && domesticSupply >= demand) w.supplyMetDemandQuarter = q;

    let powerNeed = 0;
    for (let d = 0; d < n; d++) {
      if (!active[d] && !domestic[d]) continue;
      const units = domestic[d] ? (offered[d] as number) * domesticFactor : (policyUnits[d] as number) * importFactor;
      powerNeed += units * (unitPowerGW[d] as number);
    }
    const powerFactor = powerNeed > w.spareGW ? w.spareGW / powerNeed : 1;

    let domesticUnits = 0;
    let importedUnits = 0;
    let addedDomestic = 0;
    let added = 0;
    let addedFlops = 0;
    let addedPower = 0;
    let revenueShare = 0;
    for (let d = 0; d < n; d++) {
      // A domestic design past its end of life still deploys what was in transit, with no binding constraint.
      if (!active[d] && !(domestic[d] && (offered[d] as number) > 0)) {
        deployedUnits[d] = 0;
        binding[d] = INACTIVE;
        obs[obsUnits[d] as number] = 0;
        continue;
      }
      let deployed: number;
      if (domestic[d]) {
        const supply = offered[d] as number;
        const demandTerm = supply * domesticFactor;
        const powerTerm = demandTerm * powerFactor;
        deployed = powerTerm;
        binding[d] = active[d]
          ? domesticBinding(
              dieTerm[d] as number,
              hbmTerm[d] as number,
              packagingTerm[d] as number,
              supply,
              demandTerm,
              powerTerm,
              (nodeLithoBound[node[d] as number] as number) === 1,
            )
          : INACTIVE;
        domesticUnits += deployed;
        addedDomestic += deployed * (h100e[d] as number);
      } else {
        const policyTerm = policyUnits[d] as number;
        const demandTerm = policyTerm * importFactor;
        deployed = demandTerm * powerFactor;
        binding[d] = importBinding(policyTerm, demandTerm, deployed);
        importedUnits += deployed;
        revenueShare += deployed * (price[d] as number) * this.revenueShare;
      }
      deployedUnits[d] = deployed;
      obs[obsUnits[d] as number] = deployed;
      added += deployed * (h100e[d] as number);
      addedFlops += deployed * (tflops[d] as number) * 1e12;
      addedPower += deployed * (unitPowerGW[d] as number);
    }

    const o = this.obs;
    w.installedPowerGW = this.powerDraw.add(q, addedPower);
    w.obs[o.domestic] = domesticUnits;
    w.obs[o.imported] = importedUnits;
    w.obs[o.total] = domesticUnits + importedUnits;
    w.obs[o.added] = added;
    w.obs[o.addedDomestic] = addedDomestic;
    w.obs[o.installed] = this.compute.add(q, added);
    w.obs[o.installedFlops] = this.flops.add(q, addedFlops);
    w.obs[o.demand] = demand;
    w.obs[o.domesticSupply] = domesticSupply;
    w.obs[o.revenueShare] = revenueShare;
    w.obs[o.powerUsed] = w.installedPowerGW;
    w.obs[o.share] = ratio(domesticUnits, domesticUnits + importedUnits);
    w.obs[o.shareCompute] = ratio(addedDomestic, added);
  }
}

/** A share with nothing to share is 0, never NaN. */
function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function marketIndices(ctx: BuildContext) {
  const { market } = ctx.scenario.tree;
  const t = ctx.table;
  return {
    demandAtStart: t.index(market.demandAtStart),
    demandGrowth: t.index(market.demandGrowth),
    growthHalfLife: t.index(market.demandGrowthHalfLife),
    installedAtStart: t.index(market.installedAtStart),
    installedPowerAtStart: t.index(market.installedPowerAtStart),
    serviceLife: t.index(market.serviceLife),
    acceptance: t.index(market.importAcceptance),
    mandateCoverage: t.index(market.mandateCoverage),
    revenueShare: t.index(market.revenueShare),
    h100Tflops: t.index(market.h100Tflops),
  };
}

function registerMarketObservables(ctx: BuildContext) {
  const o = ctx.observables;
  return {
    domestic: o.register("accelerators.domestic", "flow", "accelerator", "Domestic AI accelerators deployed in China.", labelled("Domestic AI accelerators deployed", perYear("units"))),
    imported: o.register("accelerators.imported", "flow", "accelerator", "Imported AI accelerators deployed in China.", labelled("Imported AI accelerators deployed", perYear("units"))),
    total: o.register("accelerators.total", "flow", "accelerator", "All AI accelerators deployed in China.", labelled("AI accelerators deployed, all", perYear("units"))),
    added: o.register("compute.addedH100e", "flow", "H100e", "Compute added, in H100-equivalents (dense BF16 x software efficiency).", labelled("AI compute added", perYear("H100-equivalents"))),
    addedDomestic: o.register("compute.addedDomesticH100e", "flow", "H100e", "Compute added by domestic accelerators, in H100-equivalents.", labelled("AI compute added by domestic accelerators", perYear("H100-equivalents"))),
    installed: o.register("compute.installedH100e", "stock", "H100e", "Installed AI compute in China, in H100-equivalents, after retirements.", labelled("Installed AI compute", yearEnd("H100-equivalents"))),
    installedFlops: o.register("compute.installedFLOPS", "stock", "FLOPS", "Installed dense BF16 peak throughput in China.", labelled("Installed dense BF16 peak throughput", yearEnd("FLOPS"))),
    demand: o.register("demand.H100e", "flow", "H100e", "Demand for new AI compute in China.", labelled("Demand for new AI compute", perYear("H100-equivalents"))),
    domesticSupply: o.register("supply.domesticH100e", "flow", "H100e", "Domestic accelerators offered to the market (delivered this quarter or waiting) before demand and power limits, in H100-equivalents.", labelled("Domestic supply before demand and power limits", perYear("H100-equivalents"))),
    revenueShare: o.register("imports.revenueSharePaidUSD", "flow", "USD", "Revenue share paid to the US government on imports.", labelled("Revenue share paid to the US on imports", perYear("USD"))),
    powerUsed: o.register("power.usedGW", "stock", "GW", "Facility power drawn by installed AI accelerators.", labelled("Power drawn by installed AI accelerators", yearEnd("GW"))),
    share: o.register("share.domestic", "ratio", "1", "Domestic share of AI accelerators deployed in China (units).", labelled("Domestic share of AI accelerators deployed", "share of units in the quarter")),
    shareCompute: o.register("share.domesticCompute", "ratio", "1", "Domestic share of AI compute added in China (H100-equivalents).", labelled("Domestic share of AI compute added", "share of H100-equivalents in the quarter")),
    inTransit: o.register("packaged.inTransit", "stock", "accelerator", "Good domestic accelerators packaged and not yet delivered: in assembly and test, integration or shipment.", labelled("Domestic accelerators in assembly and delivery", yearEnd("units"))),
    waiting: o.register("packaged.waiting", "stock", "accelerator", "Finished domestic accelerators delivered but not deployed (cut by demand or power), offered again.", labelled("Finished domestic accelerators waiting", yearEnd("units"))),
  };
}
