import type { BuildContext } from "../../model/buildContext.js";
import { DelayLine } from "../../model/delayLine.js";
import type { World } from "../../model/world.js";

/**
 * Domestic accelerators between packaging and deployment. A good package
 * spends packaging.assemblyTime in assembly and test, then
 * market.deliveryTime in server integration and shipment (one DelayLine per
 * design, for the sum), and is then offered to the market; what the market
 * cannot deploy waits as finished inventory and is offered again the next
 * quarter. The lines start with what designs launched before 2024 had in
 * transit: 2024Q1's packages, times the share of the transit time before
 * 2024 that came after the design's launch, times its volume ramp in the
 * middle of that time against 2024Q1's (written out rather than through
 * shippingWeight, which a per-run call V8 does not inline would box).
 */
export class Deliveries {
  private readonly domestic: Uint8Array;
  private readonly lines: DelayLine[];
  /** Finished units of each design delivered and not deployed, offered again next quarter. */
  readonly waiting: Float64Array;
  /** What each design had in transit at the start, in quarters of 2024Q1's packages, this run. */
  private readonly before: Float64Array;
  private readonly p: { launch: Int32Array; ramp: Int32Array; assembly: number; delivery: number };
  private delay = 0;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    this.domestic = Uint8Array.from(ctx.domestic, (dom) => (dom ? 1 : 0));
    this.lines = ctx.designIds.map(() => new DelayLine(ctx.quarters));
    this.waiting = new Float64Array(ctx.designIds.length);
    this.before = new Float64Array(ctx.designIds.length);
    this.p = {
      launch: Int32Array.from(ctx.designIds, (_id, d) => t.optionalIndex(ctx.domesticDesign(d)?.launch)),
      ramp: Int32Array.from(ctx.designIds, (_id, d) => t.optionalIndex(ctx.domesticDesign(d)?.rampTime)),
      assembly: t.index(tree.packaging.assemblyTime),
      delivery: t.index(tree.market.deliveryTime),
    };
  }

  reset(w: World): void {
    const delay = w.p(this.p.assembly) + w.p(this.p.delivery);
    this.delay = delay;
    const { launch, ramp } = this.p;
    for (let d = 0; d < this.lines.length; d++) {
      (this.lines[d] as DelayLine).reset();
      this.waiting[d] = 0;
      this.before[d] = 0;
      if (!this.domestic[d] || !(delay > 0)) continue;
      const start = w.p(launch[d] as number);
      if (!(start < 0)) continue;
      // The transit time before 2024, [-delay, 0), from the launch on; and the ramp in its middle and in 2024Q1.
      const from = start > -delay ? start : -delay;
      const rampTime = w.p(ramp[d] as number);
      let then = 1;
      let now = 1;
      if (rampTime > 0) {
        then = (from / 2 - start) / rampTime;
        now = (0.5 - start) / rampTime;
        if (then > 1) then = 1;
        if (now > 1) now = 1;
      }
      this.before[d] = ((0 - from) / delay) * (then / now);
    }
  }

  /** Sends this quarter's good packages into transit; `offered` gets what arrives plus what waits. */
  offer(q: number, packaged: Float64Array, offered: Float64Array): void {
    const { lines, waiting, domestic, delay } = this;
    for (let d = 0; d < lines.length; d++) {
      if (!domestic[d]) continue;
      const line = lines[d] as DelayLine;
      const units = packaged[d] as number;
      // In 2024Q1 the line is filled as DelayLine.prime would, through the call every quarter
      // makes: V8 inlines it there, where a rare call would box the numbers passed.
      for (let at = q === 0 ? -Math.ceil(delay) - 1 : q; at <= q; at++) line.put(at, at < q ? units * (this.before[d] as number) : units, delay);
      offered[d] = line.take(q) + (waiting[d] as number);
    }
  }

  /**
   * What was offered and not deployed waits for the next quarter; writes
   * the good packages in assembly, test and delivery, and the finished
   * ones waiting, into the observables at `inTransit` and `waiting`.
   */
  afterDeployment(offered: Float64Array, deployed: Float64Array, obs: Float64Array, inTransit: number, waiting: number): void {
    let transit = 0;
    let waitingTotal = 0;
    for (let d = 0; d < this.lines.length; d++) {
      if (!this.domestic[d]) continue;
      const left = (offered[d] as number) - (deployed[d] as number);
      this.waiting[d] = left > 0 ? left : 0;
      waitingTotal += this.waiting[d] as number;
      transit += (this.lines[d] as DelayLine).pending;
    }
    obs[inTransit] = transit;
    obs[waiting] = waitingTotal;
  }
}
