import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import { capacityBought, FundedCapacity } from "../../model/capacity/fundedCapacity.js";
import { fundingAt } from "../../model/capacity/fundingAt.js";
import { perQuarter, wafersPerQuarter } from "../../model/capacity/rates.js";
import type { World } from "../../model/world.js";
import { labelled, perYear } from "../../metrics/labels.js";

/**
 * Packaging: advanced (2.5D, CoWoS-like) interposer capacity for AI
 * accelerators: the capacity at 2024Q1 plus planned and package-funded
 * additions, each ramping from tool-in. Packaging slots do not carry over
 * between quarters. Touches: world.interposerWafers.
 */
export class PackagingAgent implements Agent {
  readonly name = "packaging";
  private readonly capacity: FundedCapacity;
  private readonly i: ReturnType<typeof packagingIndices>;
  private readonly obs: number;

  constructor(ctx: BuildContext) {
    this.i = packagingIndices(ctx);
    this.capacity = new FundedCapacity(ctx.quarters);
    this.obs = ctx.observables.register("packaging.interposerWafers", "flow", "wafer", "2.5D interposer wafers available for AI accelerators.", labelled("Interposer wafers for AI accelerators", perYear("wafers")));
  }

  reset(w: World): void {
    this.capacity.reset(w.p(this.i.atStart));
  }

  step(w: World): void {
    const i = this.i;
    const funded = capacityBought(fundingAt(w.subsidyFunding, w.q - w.p(i.lag)), w.p(i.fundingShare), w.p(i.costPerWpm));
    w.interposerWafers = wafersPerQuarter(this.capacity.advance(w.q, perQuarter(w.p(i.additions)), funded, w.p(i.ramp)));
    w.obs[this.obs] = w.interposerWafers;
  }
}

function packagingIndices(ctx: BuildContext) {
  const { packaging, subsidies } = ctx.scenario.tree;
  const t = ctx.table;
  return {
    atStart: t.index(packaging.interposerWpmAtStart),
    additions: t.index(packaging.plannedAdditionsPerYear),
    ramp: t.index(packaging.rampTime),
    fundingShare: t.index(subsidies.packagingShare),
    costPerWpm: t.index(subsidies.costPerInterposerWpm),
    lag: t.index(subsidies.lag),
  };
}
