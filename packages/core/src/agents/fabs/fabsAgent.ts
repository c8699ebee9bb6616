import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import { CapacityPipeline } from "../../model/capacityPipeline.js";
import type { World } from "../../model/world.js";
import { coverage } from "../../time/index.js";
import { lithoLimit, type LithoOutcome } from "./lithoLimit.js";
import { fundingAt } from "./funding.js";

interface Line {
  readonly node: number;
  readonly pipeline: CapacityPipeline;
  readonly online: number;
  readonly capacityAtStart: number;
  readonly additions: number;
  readonly plannedUntil: number;
  readonly ramp: number;
  readonly utilization: number;
  readonly aiShare: number;
  readonly subsidyShare: number;
}

/**
 * Fabs: advanced-node fab lines. Each line starts with its capacity, adds
 * planned capacity and capacity funded by the new package (after the
 * funding lag), each ramping from tool-in to full output, and requests
 * wafer starts; lithography capacity may then cut them. Touches:
 * world.nodeWafers, nodeAiWafers, nodeLithoBound, nodeEuvFraction.
 */
export class FabsAgent implements Agent {
  readonly name = "fabs";
  private readonly lines: Line[];
  private readonly requested: Float64Array;
  private readonly aiRequested: Float64Array;
  private readonly duvExposures: Float64Array;
  private readonly euvLayers: Float64Array;
  private readonly duvPerEuvLayer: Float64Array;
  private readonly nodeIdx: { duv: number; euv: number; perLayer: number }[];
  private readonly outcome: LithoOutcome = { euvFraction: 0, scale: 1 };
  private readonly fundingShare: number;
  private readonly costPerWpm: number;
  private readonly lag: number;
  private readonly obsNode: Int32Array;
  private readonly obsAdvanced: number;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    this.lines = Object.values(tree.fabs).map((fab) => ({
      node: ctx.nodeIndex(fab.node),
      pipeline: new CapacityPipeline(ctx.quarters),
      online: t.optionalIndex(fab.online),
      capacityAtStart: t.index(fab.capacityAtStart),
      additions: t.index(fab.plannedAdditionsPerYear),
      plannedUntil: t.index(fab.plannedUntil),
      ramp: t.index(fab.rampTime),
      utilization: t.index(fab.utilization),
      aiShare: t.index(fab.aiShare),
      subsidyShare: t.index(fab.subsidyShare),
    }));
    const n = ctx.nodeIds.length;
    this.requested = new Float64Array(n);
    this.aiRequested = new Float64Array(n);
    this.duvExposures = new Float64Array(n);
    this.euvLayers = new Float64Array(n);
    this.duvPerEuvLayer = new Float64Array(n);
    this.nodeIdx = ctx.nodeIds.map((id) => {
      const node = tree.nodes[id];
      if (!node) throw new Error(`node ${id} missing`);
      return { duv: t.index(node.duvExposures), euv: t.index(node.euvLayers), perLayer: t.index(node.duvExposuresPerEuvLayer) };
    });
    this.fundingShare = t.index(tree.subsidies.advancedLogicShare);
    this.costPerWpm = t.index(tree.subsidies.costPerLogicWpm);
    this.lag = t.index(tree.subsidies.lag);
    const o = ctx.observables;
    this.obsNode = Int32Array.from(ctx.nodeIds, (id) =>
      o.register(`wafers.${id}`, "flow", "wafer", `Wafer starts on node ${id} (${tree.nodes[id]?.label ?? id}).`),
    );
    this.obsAdvanced = o.register("wafers.advanced", "flow", "wafer", "Advanced-node wafer starts, all nodes.");
  }

  reset(w: World): void {
    for (const line of this.lines) line.pipeline.reset(w.p(line.capacityAtStart));
    this.nodeIdx.forEach((k, n) => {
      this.duvExposures[n] = w.p(k.duv);
      this.euvLayers[n] = w.p(k.euv);
      this.duvPerEuvLayer[n] = w.p(k.perLayer);
    });
  }

  step(w: World): void {
    const q = w.q;
    this.requested.fill(0);
    this.aiRequested.fill(0);
    const funding = fundingAt(w.subsidyFunding, q - w.p(this.lag)) * w.p(this.fundingShare);
    for (let k = 0; k < this.lines.length; k++) {
      const line = this.lines[k] as Line;
      const online = line.online < 0 ? -Infinity : w.p(line.online);
      const planned = (w.p(line.additions) / 4) * coverage(q, online, w.p(line.plannedUntil));
      const funded = coverage(q, online, Infinity) > 0 ? (funding * w.p(line.subsidyShare)) / w.p(this.costPerWpm) : 0;
      line.pipeline.order(q, planned + funded, 0, w.p(line.ramp));
      const capacity = line.pipeline.advance(q);
      const starts = capacity * w.p(line.utilization) * 3 * coverage(q, online, Infinity);
      this.requested[line.node] = (this.requested[line.node] as number) + starts;
      this.aiRequested[line.node] = (this.aiRequested[line.node] as number) + starts * w.p(line.aiShare);
    }
    const outcome = this.outcome;
    lithoLimit(
      { requested: this.requested, duvExposures: this.duvExposures, euvLayers: this.euvLayers, duvPerEuvLayer: this.duvPerEuvLayer },
      w.duvExposures,
      w.euvExposures,
      outcome,
    );
    let total = 0;
    for (let n = 0; n < this.requested.length; n++) {
      const wafers = (this.requested[n] as number) * outcome.scale;
      w.nodeWafers[n] = wafers;
      w.nodeAiWafers[n] = (this.aiRequested[n] as number) * outcome.scale;
      w.nodeLithoBound[n] = outcome.scale < 1 ? 1 : 0;
      w.nodeEuvFraction[n] = (this.euvLayers[n] as number) > 0 ? outcome.euvFraction : 0;
      w.obs[this.obsNode[n] as number] = wafers;
      total += wafers;
    }
    w.obs[this.obsAdvanced] = total;
  }
}
