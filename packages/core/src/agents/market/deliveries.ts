import type { BuildContext } from "../../model/buildContext.js";
import { DelayLine } from "../../model/delayLine.js";
import type { World } from "../../model/world.js";
import { shippingWeight } from "../designs/shipping.js";

/**
 * Domestic accelerators between packaging and deployment. A good package
 * spends packaging.assemblyTime in assembly and test, then
 * market.deliveryTime in server integration and shipment (one DelayLine per
 * design, for the sum), and is then offered to the market; what the market
 * cannot deploy waits as finished inventory and is offered again the next
 * quarter. The lines start with what designs launched before 2024 had in
 * transit: 2024Q1's packages, scaled by the design's volume ramp in 2023Q4
 * against 2024Q1.
 */
export class Deliveries {
  private readonly domestic: Uint8Array;
  private readonly lines: DelayLine[];
  private readonly waiting: Float64Array;
  /** 2023Q4's shipping weight over 2024Q1's, per design, this run. */
  private readonly before: Float64Array;
  private readonly p: { launch: Int32Array; end: Int32Array; ramp: Int32Array; assembly: number; delivery: number };
  private delay = 0;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    this.domestic = Uint8Array.from(ctx.domestic, (dom) => (dom ? 1 : 0));
    this.lines = ctx.designIds.map(() => new DelayLine(ctx.quarters));
    this.waiting = new Float64Array(ctx.designIds.length);
    this.before = new Float64Array(ctx.designIds.length);
    const design = (d: number) => ctx.domesticDesign(d);
    this.p = {
      launch: Int32Array.from(ctx.designIds, (_id, d) => t.optionalIndex(design(d)?.launch)),
      end: Int32Array.from(ctx.designIds, (_id, d) => t.optionalIndex(design(d)?.endOfLife)),
      ramp: Int32Array.from(ctx.designIds, (_id, d) => t.optionalIndex(design(d)?.rampTime)),
      assembly: t.index(tree.packaging.assemblyTime),
      delivery: t.index(tree.market.deliveryTime),
    };
  }

  reset(w: World): void {
    const { launch, end, ramp } = this.p;
    for (let d = 0; d < this.lines.length; d++) {
      (this.lines[d] as DelayLine).reset();
      this.waiting[d] = 0;
      this.before[d] = 0;
      if (!this.domestic[d]) continue;
      const l = w.p(launch[d] as number);
      const e = (end[d] as number) < 0 ? Infinity : w.p(end[d] as number);
      const r = w.p(ramp[d] as number);
      const now = shippingWeight(0, l, e, r);
      this.before[d] = now > 0 ? Math.min(1, shippingWeight(-1, l, e, r) / now) : 0;
    }
    this.delay = w.p(this.p.assembly) + w.p(this.p.delivery);
  }

  /** Sends this quarter's good packages into transit; `offered` gets what arrives plus what waits. */
  offer(q: number, packaged: Float64Array, offered: Float64Array): void {
    const { lines, waiting, domestic, delay } = this;
    for (let d = 0; d < lines.length; d++) {
      if (!domestic[d]) continue;
      const line = lines[d] as DelayLine;
      const units = packaged[d] as number;
      if (q === 0) line.prime(units * (this.before[d] as number), delay);
      line.put(q, units, delay);
      offered[d] = line.take(q) + (waiting[d] as number);
    }
  }

  /** What was offered to design d and not deployed waits for the next quarter. */
  deployed(d: number, offered: number, units: number): void {
    const left = offered - units;
    this.waiting[d] = left > 0 ? left : 0;
  }

  /** Good packages in assembly, test and delivery. */
  inTransit(): number {
    let total = 0;
    for (let d = 0; d < this.lines.length; d++) total += (this.lines[d] as DelayLine).pending;
    return total;
  }

  /** Finished accelerators offered and not yet deployed. */
  waitingTotal(): number {
    let total = 0;
    for (let d = 0; d < this.waiting.length; d++) total += this.waiting[d] as number;
    return total;
  }
}
