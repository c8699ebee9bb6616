import { exp, log } from "../../math/fdlibm.js";
import { waterFill } from "../../model/waterFill.js";

/**
 * Buyers with budgets: what Chinese buyers buy in a quarter with the money
 * they have for accelerators (CALIBRATION.md rows 151-166).
 *
 * Each offer (a domestic design's finished units, an import's accepted
 * units) is worth its units x its price. Buyers spend by price-performance:
 * money goes to offers in proportion to (H100-equivalents per dollar) ^
 * market.priceSensitivity, none beyond what it offers, and what a sold-out
 * offer cannot take goes to the others (water-filling, model/waterFill.ts).
 * Sensitivity 0 spreads money evenly over what is offered; a large one buys
 * the best value first.
 *
 * The state-funded share of the budget (market.mandateCoverage x the
 * strength of cn-domestic-mandate) buys domestic designs only, first;
 * what it cannot spend for want of domestic supply is not spent on
 * imports. The rest buys from every offer, domestic ones included, from
 * what the state-funded money left.
 *
 * All amounts pass through arrays (io, bought): V8 boxes numbers passed to
 * or returned from a call it does not inline.
 */
export class Buyers {
  /**
   * In: [0] this quarter's budget (USD), [1] the state-funded share of it.
   * Out: [2] money left unspent by the state-funded share, [3] by the rest.
   */
  readonly io = new Float64Array(4);
  /** Units bought this quarter per design. */
  readonly bought: Float64Array;
  /** Each design's weight this run: (H100e per dollar) ^ sensitivity, scaled so the largest is 1. */
  private readonly weight: Float64Array;
  /** Offer value (USD) still unsold per design, and each round's spend. */
  private readonly cap: Float64Array;
  private readonly spend: Float64Array;
  private readonly open: Uint8Array;
  private readonly all: Int32Array;
  private readonly domesticOnly: Int32Array;
  private readonly amount = new Float64Array(1);

  constructor(domestic: Uint8Array) {
    const n = domestic.length;
    this.bought = new Float64Array(n);
    this.weight = new Float64Array(n);
    this.cap = new Float64Array(n);
    this.spend = new Float64Array(n);
    this.open = new Uint8Array(n);
    this.all = Int32Array.from({ length: n }, (_x, d) => d);
    this.domesticOnly = Int32Array.from(this.all.filter((d) => domestic[d]));
  }

  /**
   * This run's weights, from each design's H100e per unit, price and the
   * sensitivity (read from the parameters at `pSensitivity`, not passed as
   * a number, which V8 would box once a run). fdlibm's exp and log give the
   * same bits on every machine.
   */
  reset(h100e: Float64Array, price: Float64Array, params: Float64Array, pSensitivity: number): void {
    const { weight } = this;
    const sensitivity = params[pSensitivity] as number;
    let top = -Infinity;
    for (let d = 0; d < weight.length; d++) {
      const value = (price[d] as number) > 0 ? (h100e[d] as number) / (price[d] as number) : 0;
      weight[d] = value > 0 ? sensitivity * log(value) : -Infinity;
      if ((weight[d] as number) > top) top = weight[d] as number;
    }
    // Scaled by the best value before exponentiating, so a large sensitivity cannot overflow.
    for (let d = 0; d < weight.length; d++) weight[d] = (weight[d] as number) === -Infinity ? 0 : exp((weight[d] as number) - top);
  }

  /**
   * Spends io[0] on the offers (units per design, and their prices): the
   * state-funded share on domestic designs, then the rest on any. Sets
   * `bought` and io[2], io[3].
   */
  choose(offered: Float64Array, price: Float64Array): void {
    const { io, bought, weight, cap, spend, open, amount } = this;
    const budget = io[0] as number;
    const state = budget * (io[1] as number);
    for (let d = 0; d < cap.length; d++) {
      cap[d] = (offered[d] as number) * (price[d] as number);
      bought[d] = 0;
    }
    amount[0] = state;
    waterFill(amount, 0, weight, cap, spend, open, this.domesticOnly, this.domesticOnly.length);
    let left = state;
    for (let k = 0; k < this.domesticOnly.length; k++) {
      const d = this.domesticOnly[k] as number;
      const s = spend[d] as number;
      left -= s;
      cap[d] = (cap[d] as number) - s;
      bought[d] = s;
    }
    io[2] = left > 0 ? left : 0;
    amount[0] = budget - state;
    waterFill(amount, 0, weight, cap, spend, open, this.all, this.all.length);
    left = budget - state;
    for (let d = 0; d < bought.length; d++) {
      const s = spend[d] as number;
      left -= s;
      const total = (bought[d] as number) + s;
      // A sold-out offer is bought whole, without the rounding of money back into units. (Prices are at
      // least 1 dollar; the division is done on both sides of the test, which V8 then never meets for the first time mid-job.)
      const units = total / (price[d] as number);
      bought[d] = (cap[d] as number) - s <= 0 ? (offered[d] as number) : units;
    }
    io[3] = left > 0 ? left : 0;
  }
}
