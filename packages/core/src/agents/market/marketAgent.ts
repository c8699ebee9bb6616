import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import { INACTIVE } from "../../model/constraints.js";
import type { World } from "../../model/world.js";
import { domesticBindingOf, importBindingOf, type BindingTerms } from "./bindingConstraint.js";
import { Deliveries } from "./deliveries.js";
import { Fleet } from "./fleet.js";
import { growthFactors, marketIndices } from "./marketParameters.js";
import { QUARTERS_PER_YEAR } from "../../time/quarter.js";
import { Buyers } from "./buyers.js";
import { registerDesignObservables, registerMarketObservables } from "./marketObservables.js";

/**
 * Market: Chinese buyers' money meets domestic supply and imports.
 * Domestic supply is what has come through assembly and delivery plus what
 * waited unsold (deliveries.ts); imports are what export policy lets the
 * exporter ship times buyers' acceptance (less what cn-import-rejection
 * turns away). Buyers spend the quarter's budget on them by
 * price-performance, the state-funded share on domestic designs only
 * (buyers.ts); spare power then caps what was bought, in proportion. Money
 * left when every offer sold out partly goes to higher prices (up to
 * market.scarcityPremiumMax of what was paid); the rest of what is left,
 * and what power kept from being deployed, carries to the next quarter at
 * market.budgetCarryOver. Each design's deployment is the least of its
 * allowances; its binding constraint is demand or power where they cut
 * it, else the supply constraint that bound its packaging this quarter.
 * Each quarter's deployments join the fleet by design (fleet.ts), drawing
 * their own power and retiring after the service life; power the
 * purchases needed beyond what was spare is the shortfall the power agent
 * builds for. Touches: world.offeredUnits, deployedUnits, unsoldUnits,
 * binding, installedPowerGW, powerShortfallGW, supplyMetDemandQuarter.
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
  /** What a unit costs the buyer (USD). */
  private readonly price: Float64Array;
  private readonly buyers: Buyers;
  private readonly policyUnits: Float64Array;
  private readonly fleet: Fleet;
  private readonly deliveries: Deliveries;
  /**
   * [0] money carried from the last quarter, [1] buyers' spending rate (USD
   * a year). In an array, not fields: a field first holding 0 changes
   * representation at its first fraction, which V8 may meet only mid-job
   * and then deoptimises for.
   */
  private readonly carried = new Float64Array(2);
  /** Each quarter's growth factor of the spending rate this run (growthFactors), and its inputs. */
  private readonly growth: Float64Array;
  private readonly growthInputs = new Float64Array(2);
  // This run's scalars, set in reset.
  private carryOver = 0;
  private premiumMax = 0;
  private mandateCoverage = 0;
  private acceptance = 0;
  private revenueShare = 0;
  private readonly i: ReturnType<typeof marketIndices>;
  private readonly lever: { mandate: number; rejection: number };
  private readonly perDesign: ReturnType<typeof registerDesignObservables>;
  /** Each design's allowances, by design, for the binding rules (set at the first step). */
  private terms: BindingTerms | undefined;
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
    this.pPrice = Int32Array.from(ctx.designIds, (id) => t.index(design(id).price));
    const n = ctx.designIds.length;
    this.tflops = new Float64Array(n);
    this.price = new Float64Array(n);
    this.h100e = new Float64Array(n);
    this.policyUnits = new Float64Array(n);
    this.buyers = new Buyers(this.domestic);
    this.growth = new Float64Array(ctx.quarters);
    this.fleet = new Fleet(n, ctx.quarters);
    this.deliveries = new Deliveries(ctx);
    this.i = marketIndices(ctx);
    this.lever = { mandate: ctx.leverIndex("cn-domestic-mandate"), rejection: ctx.leverIndex("cn-import-rejection") };
    this.perDesign = registerDesignObservables(ctx);
    this.obs = registerMarketObservables(ctx);
  }

  reset(w: World): void {
    const i = this.i;
    const h100 = w.p(i.h100Tflops);
    for (let d = 0; d < this.h100e.length; d++) {
      const tflops = w.p(this.pTflops[d] as number);
      this.tflops[d] = tflops;
      this.h100e[d] = (tflops / h100) * w.p(this.pEfficiency[d] as number);
      this.price[d] = w.p(this.pPrice[d] as number);
    }
    this.buyers.reset(this.h100e, this.price, w.params, i.priceSensitivity);
    this.carryOver = w.p(i.carryOver);
    this.premiumMax = w.p(i.premiumMax);
    const inputs = this.growthInputs;
    inputs[0] = w.p(i.spendGrowth);
    inputs[1] = -Math.LN2 / Math.max(w.p(i.growthHalfLife), 1e-9);
    growthFactors(inputs, this.growth);
    this.mandateCoverage = w.p(i.mandateCoverage);
    this.acceptance = w.p(i.acceptance);
    this.revenueShare = w.p(i.revenueShare);
    const fleet = this.fleet.state;
    this.fleet.reset();
    fleet[0] = w.p(i.serviceLife);
    fleet[1] = w.p(i.installedAtStart);
    fleet[2] = w.p(i.installedPowerAtStart);
    fleet[3] = h100;
    this.carried[1] = w.p(i.spendAtStart);
    this.carried[0] = 0;
    w.installedPowerGW = w.p(i.installedPowerAtStart);
    this.deliveries.reset(w);
    w.offeredUnits.fill(0);
    w.unsoldUnits.fill(0);
  }

  step(w: World): void {
    this.deliveries.offer(w.q, w.supplyUnits, w.offeredUnits);
    // Apart, so that V8 optimises the clearing as it did on its own.
    this.clear(w);
    this.deliveries.afterDeployment(w.offeredUnits, w.deployedUnits, w.obs, this.obs.inTransit, this.obs.waiting);
    w.unsoldUnits.set(this.deliveries.waiting);
  }

  /** Money, imports, domestic supply and power meet: what each design deploys. */
  private clear(w: World): void {
    const q = w.q;
    const n = this.h100e.length;
    // Annual growth halves every half-life; a quarter grows by its fourth root (growthFactors).
    const money = this.carried;
    if (q > 0) money[1] = (money[1] as number) * (this.growth[q] as number);
    const fresh = (money[1] as number) / QUARTERS_PER_YEAR;
    const budget = fresh + (this.carried[0] as number);

    // Every array in locals: V8 then checks each once per call, not once per access.
    const { domestic, h100e, policyUnits, price, tflops, buyers } = this;
    const obsUnits = this.perDesign.units;
    const { designActive: active, supplyUnits, offeredUnits: offered, unitPowerGW, deployedUnits, obs } = w;
    const acceptance = this.acceptance * (1 - (w.lever[this.lever.rejection] as number));
    let domesticSupply = 0;
    let domesticValue = 0;
    let offeredH100e = 0;
    let offeredValue = 0;
    for (let d = 0; d < n; d++) {
      let units = 0;
      if (domestic[d]) {
        units = offered[d] as number;
        domesticSupply += units * (h100e[d] as number);
        domesticValue += units * (price[d] as number);
      } else if (active[d]) {
        units = (supplyUnits[d] as number) * acceptance;
      }
      policyUnits[d] = units;
      offeredH100e += units * (h100e[d] as number);
      offeredValue += units * (price[d] as number);
    }
    if (w.supplyMetDemandQuarter < 0 && domesticValue > 0 && domesticValue >= budget) w.supplyMetDemandQuarter = q;

    const io = buyers.io;
    io[0] = budget;
    io[1] = (w.lever[this.lever.mandate] as number) * this.mandateCoverage;
    buyers.choose(policyUnits, price);
    const bought = buyers.bought;

    let powerNeed = 0;
    for (let d = 0; d < n; d++) powerNeed += (bought[d] as number) * (unitPowerGW[d] as number);
    const powerFactor = powerNeed > w.spareGW ? w.spareGW / powerNeed : 1;
    const short = powerNeed - w.spareGW;
    w.powerShortfallGW = short > 0 ? short : 0;

    let domesticUnits = 0;
    let importedUnits = 0;
    let addedDomestic = 0;
    let added = 0;
    let revenueShare = 0;
    let paid = 0;
    for (let d = 0; d < n; d++) {
      // A domestic design past its end of life still deploys what was in transit, with no binding constraint.
      if (!active[d] && !(domestic[d] && (offered[d] as number) > 0)) {
        deployedUnits[d] = 0;
        obs[obsUnits[d] as number] = 0;
        continue;
      }
      const deployed = (bought[d] as number) * powerFactor;
      if (domestic[d]) {
        domesticUnits += deployed;
        addedDomestic += deployed * (h100e[d] as number);
      } else {
        importedUnits += deployed;
        revenueShare += deployed * (price[d] as number) * this.revenueShare;
      }
      paid += deployed * (price[d] as number);
      deployedUnits[d] = deployed;
      obs[obsUnits[d] as number] = deployed;
      added += deployed * (h100e[d] as number);
    }
    this.writeBindings(w);
    // Money left after every offer it could buy sold out: sellers raise prices by up to premiumMax of what was paid.
    const scarce = io[3] as number;
    const premiumCap = paid * this.premiumMax;
    const premium = scarce < premiumCap ? scarce : premiumCap;
    const left = budget - paid - premium;
    // Computed on both sides of the test: an operation a branch reaches only in rare runs leaves V8 without type feedback, and it deoptimises the whole step when one comes.
    const kept = left * this.carryOver;
    this.carried[0] = kept > 0 ? kept : 0;
    // Each seller's takings: its units at list price, plus the premium in proportion (no test on paid: premium is 0 with it).
    const markUp = 1 + premium / (paid > 0 ? paid : 1);
    const { h100e: obsH100e, revenue: obsRevenue } = this.perDesign;
    for (let d = 0; d < n; d++) {
      const deployed = deployedUnits[d] as number;
      obs[obsH100e[d] as number] = deployed * (h100e[d] as number);
      obs[obsRevenue[d] as number] = deployed * (price[d] as number) * markUp;
    }

    const o = this.obs;
    const { fleet } = this;
    fleet.add(q, deployedUnits, h100e, tflops, unitPowerGW);
    const obsInstalled = this.perDesign.installed;
    for (let d = 0; d < n; d++) obs[obsInstalled[d] as number] = fleet.installed[d] as number;
    w.installedPowerGW = fleet.state[6] as number;
    w.obs[o.installed] = fleet.state[4] as number;
    w.obs[o.installedFlops] = (fleet.state[5] as number) * 1e12;
    w.obs[o.domestic] = domesticUnits;
    w.obs[o.imported] = importedUnits;
    w.obs[o.total] = domesticUnits + importedUnits;
    w.obs[o.added] = added;
    w.obs[o.addedDomestic] = addedDomestic;
    // What the budget would buy at the average price per H100e of what was offered.
    w.obs[o.demand] = offeredValue > 0 ? (budget * offeredH100e) / offeredValue : 0;
    w.obs[o.domesticSupply] = domesticSupply;
    w.obs[o.revenueShare] = revenueShare;
    w.obs[o.budget] = fresh;
    w.obs[o.spent] = paid + premium;
    w.obs[o.premium] = premium;
    w.obs[o.carried] = this.carried[0] as number;
    w.obs[o.powerUsed] = w.installedPowerGW;
    w.obs[o.powerShortfall] = w.powerShortfallGW;
    w.obs[o.share] = ratio(domesticUnits, domesticUnits + importedUnits);
    w.obs[o.shareCompute] = ratio(addedDomestic, added);
  }

  /**
   * Each design's binding constraint this quarter, from what was offered,
   * bought and deployed: the rules take the design's index, never a
   * number that V8 would box if it did not inline them.
   */
  private writeBindings(w: World): void {
    const { domestic, node } = this;
    let terms = this.terms;
    // The world's arrays are the same in every run: the terms are assembled once.
    if (terms === undefined || terms.die !== w.dieTerm) {
      terms = { die: w.dieTerm, hbm: w.hbmTerm, packaging: w.packagingTerm, offered: w.offeredUnits, demand: this.buyers.bought, power: w.deployedUnits, policy: this.policyUnits };
      this.terms = terms;
    }
    const { designActive: active, binding, nodeLithoBound } = w;
    for (let d = 0; d < binding.length; d++) {
      // Inactive designs have none, a domestic one deploying what was in transit after its end of life too.
      if (!active[d]) binding[d] = INACTIVE;
      else if (domestic[d]) binding[d] = domesticBindingOf(terms, d, (nodeLithoBound[node[d] as number] as number) === 1);
      else binding[d] = importBindingOf(terms, d);
    }
  }

}

/** A share with nothing to share is 0, never NaN. */
function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
