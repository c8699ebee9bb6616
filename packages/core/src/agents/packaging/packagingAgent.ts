import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import { CapacityPipeline } from "../../model/capacityPipeline.js";
import type { World } from "../../model/world.js";
import { fundingAt } from "../fabs/funding.js";
import { labelled, perYear } from "../../metrics/labels.js";

/**
 * Packaging: advanced (2.5D, CoWoS-like) interposer capacity for AI
 * accelerators: the capacity at 2024Q1 plus planned and package-funded
 * additions, each ramping from tool-in. Packaging slots do not carry over
 * between quarters. Touches: world.interposerWafers.
 */
export class PackagingAgent implements Agent {
  readonly name = "packaging";
  private readonly pipeline: CapacityPipeline;
  private readonly i: ReturnType<typeof packagingIndices>;
  private readonly obs: number;

  constructor(ctx: BuildContext) {
    this.i = packagingIndices(ctx);
    this.pipeline = new CapacityPipeline(ctx.quarters);
    this.obs = ctx.observables.register("packaging.interposerWafers", "flow", "wafer", "2.5D interposer wafers available for AI accelerators.", labelled("Interposer wafers for AI accelerators", perYear("wafers")));
  }

  reset(w: World): void {
    this.pipeline.reset(w.p(this.i.atStart));
  }

  step(w: World): void {
    const i = this.i;
    const funded = (fundingAt(w.subsidyFunding, w.q - w.p(i.lag)) * w.p(i.fundingShare)) / w.p(i.costPerWpm);
    this.pipeline.order(w.q, w.p(i.additions) / 4 + funded, 0, w.p(i.ramp));
    w.interposerWafers = this.pipeline.advance(w.q) * 3;
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
