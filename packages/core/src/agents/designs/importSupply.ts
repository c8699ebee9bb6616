import type { BuildContext } from "../../model/buildContext.js";
import { QUARTERS_PER_YEAR } from "../../time/quarter.js";

/**
 * What the exporters offer of each imported design in a quarter: the
 * exporter's volume, supplyPerYear from launch and, from each of the
 * design's `supplySteps` on, the step's rate (a rush before a halt, a
 * run-down), blended over the quarter a step starts in; times the share of
 * the quarter the design ships in; times (1 - s) of us-ai-chip-exports, the
 * licensed channel as a whole; times (1 - s) of the design's own
 * `licenceLever` where it names one (a later generation the US licenses
 * separately). The volume is tabled per quarter at the start of a run, so
 * the step only multiplies.
 */
export class ImportSupply {
  private readonly pBase: Int32Array;
  /** Every design's steps, flattened in listed order: the design, and the indices of the date and the rate. */
  private readonly stepDesign: Int32Array;
  private readonly pStepFrom: Int32Array;
  private readonly pStepRate: Int32Array;
  /** The steps by date this run (insertion-sorted in place: there are a few). */
  private readonly stepOrder: Int32Array;
  /** Lever index of each design's own licence lever, or -1. */
  private readonly licence: Int32Array;
  private readonly channel: number;
  private readonly quarters: number;
  /** The exporter's volume per quarter, design-major, this run (0 for domestic designs). */
  private readonly volume: Float64Array;
  /** This quarter's offer per design. */
  readonly offered: Float64Array;

  constructor(ctx: BuildContext) {
    const t = ctx.table;
    const n = ctx.designIds.length;
    const imports = ctx.designIds.map((_id, d) => ctx.importDesign(d));
    this.pBase = Int32Array.from(imports, (imp) => (imp ? t.index(imp.supplyPerYear) : -1));
    const steps = imports.flatMap((imp, d) => (imp?.supplySteps ?? []).map((step) => ({ d, from: t.index(step.from), rate: t.index(step.perYear) })));
    this.stepDesign = Int32Array.from(steps, (s) => s.d);
    this.pStepFrom = Int32Array.from(steps, (s) => s.from);
    this.pStepRate = Int32Array.from(steps, (s) => s.rate);
    this.stepOrder = new Int32Array(steps.length);
    this.licence = Int32Array.from(imports, (imp) => (imp?.licenceLever === undefined ? -1 : ctx.leverIndex(imp.licenceLever)));
    this.channel = ctx.leverIndex("us-ai-chip-exports");
    this.quarters = ctx.quarters;
    this.volume = new Float64Array(n * ctx.quarters);
    this.offered = new Float64Array(n);
  }

  reset(p: Float64Array): void {
    const { volume, quarters, pBase } = this;
    volume.fill(0);
    for (let d = 0; d < pBase.length; d++) {
      const base = pBase[d] as number;
      if (base < 0) continue;
      // A loop rather than fill or perQuarter: a number passed to a call V8 does not inline is boxed, every run.
      const rate = (p[base] as number) / QUARTERS_PER_YEAR;
      for (let q = 0, at = d * quarters; q < quarters; q++, at++) volume[at] = rate;
    }
    // Steps apply in the order of their dates this run, whatever order they are listed in (dates may be drawn).
    const order = this.stepOrder;
    for (let k = 0; k < order.length; k++) {
      let at = k;
      const from = p[this.pStepFrom[k] as number] as number;
      while (at > 0 && (p[this.pStepFrom[order[at - 1] as number] as number] as number) > from) {
        order[at] = order[at - 1] as number;
        at--;
      }
      order[at] = k;
    }
    for (let i = 0; i < order.length; i++) {
      const k = order[i] as number;
      const row = (this.stepDesign[k] as number) * quarters;
      const from = p[this.pStepFrom[k] as number] as number;
      const rate = (p[this.pStepRate[k] as number] as number) / QUARTERS_PER_YEAR;
      for (let q = 0; q < quarters; q++) {
        // The share of quarter q from the step's date on.
        const after = q + 1 - from;
        const share = after >= 1 ? 1 : after > 0 ? after : 0;
        volume[row + q] = (volume[row + q] as number) * (1 - share) + rate * share;
      }
    }
  }

  /** Each import's offer in quarter q into `offered`, given its shipping weight and the levers' strengths. */
  offer(q: number, ship: Float64Array, lever: Float64Array, domestic: Uint8Array): void {
    const { offered, volume, quarters, licence } = this;
    const open = 1 - (lever[this.channel] as number);
    for (let d = 0; d < offered.length; d++) {
      if (domestic[d]) {
        offered[d] = 0;
        continue;
      }
      const own = licence[d] as number;
      const licensed = own < 0 ? 1 : 1 - (lever[own] as number);
      offered[d] = (volume[d * quarters + q] as number) * (ship[d] as number) * open * licensed;
    }
  }
}
