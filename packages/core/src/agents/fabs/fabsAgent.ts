import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import { CapacityPipeline } from "../../model/capacityPipeline.js";
import type { World } from "../../model/world.js";
import { coverage } from "../../time/index.js";
import { lithoLimit, type LithoDemand, type LithoOutcome } from "./lithoLimit.js";
import { fundingAt } from "./funding.js";
import { labelled, nodeName, perYear } from "../../metrics/labels.js";

interface Line {
  readonly node: number;
  readonly pipeline: CapacityPipeline;
  // Parameter indices.
  readonly pOnline: number;
  readonly pCapacityAtStart: number;
  readonly pAdditions: number;
  readonly pPlannedUntil: number;
  readonly pRamp: number;
  readonly pUtilization: number;
  readonly pAiShare: number;
  readonly pSubsidyShare: number;
  // This run's values, set in reset.
  /** Online date, -Infinity when the line has none (it runs from the start). */
  online: number;
  /** Planned additions per quarter. */
  additions: number;
  plannedUntil: number;
  ramp: number;
  utilization: number;
  aiShare: number;
  /** Share of the subsidy money per wafer-per-month of capacity. */
  subsidyPerWpm: number;
}

/**
 * Fabs: advanced-node fab lines. Each line starts with its capacity, adds
 * planned capacity and capacity funded by the new package (after the
 * funding lag), each ramping from tool-in to full output, and requests
 * wafer starts; lithography capacity may then cut them. Of each line's
 * AI share, the node starts what the designers' plans ask for
 * (world.nodeAiRequest) and releases the rest to other products (phone
 * and other chips). Touches: world.nodeWafers, nodeAiWafers,
 * nodeLithoBound, nodeEuvFraction.
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
  private readonly demand: LithoDemand;
  private readonly outcome: LithoOutcome = { euvFraction: 0, scale: 1 };
  private readonly pFundingShare: number;
  private readonly pCostPerWpm: number;
  private readonly pLag: number;
  private fundingShare = 0;
  private costPerWpm = 1;
  private lag = 0;
  private readonly obsNode: Int32Array;
  private readonly obsAdvanced: number;
  private readonly obsAi: { started: number; released: number };

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    this.lines = Object.values(tree.fabs).map((fab) => ({
      node: ctx.nodeIndex(fab.node),
      pipeline: new CapacityPipeline(ctx.quarters),
      pOnline: t.optionalIndex(fab.online),
      pCapacityAtStart: t.index(fab.capacityAtStart),
      pAdditions: t.index(fab.plannedAdditionsPerYear),
      pPlannedUntil: t.index(fab.plannedUntil),
      pRamp: t.index(fab.rampTime),
      pUtilization: t.index(fab.utilization),
      pAiShare: t.index(fab.aiShare),
      pSubsidyShare: t.index(fab.subsidyShare),
      online: 0,
      additions: 0,
      plannedUntil: 0,
      ramp: 0,
      utilization: 0,
      aiShare: 0,
      subsidyPerWpm: 0,
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
    this.demand = { requested: this.requested, duvExposures: this.duvExposures, euvLayers: this.euvLayers, duvPerEuvLayer: this.duvPerEuvLayer };
    this.pFundingShare = t.index(tree.subsidies.advancedLogicShare);
    this.pCostPerWpm = t.index(tree.subsidies.costPerLogicWpm);
    this.pLag = t.index(tree.subsidies.lag);
    const o = ctx.observables;
    this.obsNode = Int32Array.from(ctx.nodeIds, (id) =>
      o.register(`wafers.${id}`, "flow", "wafer", `Wafer starts on node ${id} (${tree.nodes[id]?.label ?? id}).`, labelled(`Wafer starts on ${nodeName(id, tree.nodes[id]?.label)}`, perYear("wafers"))),
    );
    this.obsAdvanced = o.register("wafers.advanced", "flow", "wafer", "Advanced-node wafer starts, all nodes.", labelled("Advanced-node wafer starts", perYear("wafers")));
    this.obsAi = {
      started: o.register("wafers.ai", "flow", "wafer", "Advanced-node wafer starts for AI accelerators, all nodes.", labelled("AI accelerator wafer starts", perYear("wafers"))),
      released: o.register("wafers.aiReleased", "flow", "wafer", "Wafer starts of the lines' AI share that no designer's plan asked for, released to phone and other chips.", labelled("AI wafer capacity released to other chips", perYear("wafers"))),
    };
  }

  reset(w: World): void {
    for (const line of this.lines) {
      line.pipeline.reset(w.p(line.pCapacityAtStart));
      line.online = line.pOnline < 0 ? -Infinity : w.p(line.pOnline);
      line.additions = w.p(line.pAdditions) / 4;
      line.plannedUntil = w.p(line.pPlannedUntil);
      line.ramp = w.p(line.pRamp);
      line.utilization = w.p(line.pUtilization);
      line.aiShare = w.p(line.pAiShare);
      line.subsidyPerWpm = w.p(line.pSubsidyShare);
    }
    this.nodeIdx.forEach((k, n) => {
      this.duvExposures[n] = w.p(k.duv);
      this.euvLayers[n] = w.p(k.euv);
      this.duvPerEuvLayer[n] = w.p(k.perLayer);
    });
    this.fundingShare = w.p(this.pFundingShare);
    this.costPerWpm = w.p(this.pCostPerWpm);
    this.lag = w.p(this.pLag);
  }

  step(w: World): void {
    const q = w.q;
    // Arrays in locals: V8 then checks each once per call, not once per access.
    const { requested, aiRequested, lines } = this;
    const nodes = requested.length;
    // Two or three nodes: a loop beats a fill() call.
    for (let n = 0; n < nodes; n++) {
      requested[n] = 0;
      aiRequested[n] = 0;
    }
    const funding = fundingAt(w.subsidyFunding, q - this.lag) * this.fundingShare;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k] as Line;
      const online = line.online;
      const planned = line.additions * coverage(q, online, line.plannedUntil);
      const running = coverage(q, online, Infinity);
      const funded = running > 0 ? (funding * line.subsidyPerWpm) / this.costPerWpm : 0;
      line.pipeline.order(q, planned + funded, 0, line.ramp);
      const capacity = line.pipeline.advance(q);
      const starts = capacity * line.utilization * 3 * running;
      requested[line.node] = (requested[line.node] as number) + starts;
      aiRequested[line.node] = (aiRequested[line.node] as number) + starts * line.aiShare;
    }
    const outcome = this.outcome;
    lithoLimit(this.demand, w.duvExposures, w.euvExposures, outcome);
    let total = 0;
    let ai = 0;
    let released = 0;
    const scale = outcome.scale;
    for (let n = 0; n < nodes; n++) {
      const wafers = (requested[n] as number) * scale;
      w.nodeWafers[n] = wafers;
      const aiCapacity = (aiRequested[n] as number) * scale;
      const aiWafers = Math.min(aiCapacity, w.nodeAiRequest[n] as number);
      w.nodeAiWafers[n] = aiWafers;
      ai += aiWafers;
      released += aiCapacity - aiWafers;
      w.nodeLithoBound[n] = scale < 1 ? 1 : 0;
      w.nodeEuvFraction[n] = (this.euvLayers[n] as number) > 0 ? outcome.euvFraction : 0;
      w.obs[this.obsNode[n] as number] = wafers;
      total += wafers;
    }
    w.obs[this.obsAdvanced] = total;
    w.obs[this.obsAi.started] = ai;
    w.obs[this.obsAi.released] = released;
  }
}
