import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import { capacityBought, FundedCapacity } from "../../model/capacity/fundedCapacity.js";
import { fundingAt } from "../../model/capacity/fundingAt.js";
import { perQuarter, wafersPerQuarter } from "../../model/capacity/rates.js";
import type { World } from "../../model/world.js";
import { coverage } from "../../time/index.js";
import { lithoLimit, type LithoDemand, type LithoOutcome } from "./lithoLimit.js";
import { labelled, nodeName, perYear } from "../../metrics/labels.js";

interface Line {
  readonly node: number;
  /** A line on a DRAM node: funded from the package's HBM money, not its advanced-logic money. */
  readonly dram: boolean;
  readonly capacity: FundedCapacity;
  // Parameter indices.
  readonly pOnline: number;
  readonly pCapacityAtStart: number;
  readonly pAdditions: number;
  readonly pPlannedUntil: number;
  readonly pMaxCapacity: number;
  readonly pRamp: number;
  readonly pUtilization: number;
  readonly pAiShare: number;
  readonly pSubsidyShare: number;
  // This run's values, set in reset.
  /** Online date, -Infinity when the line has none (it runs from the start). */
  online: number;
  capacityAtStart: number;
  /** Ceiling on capacity from the start and planned additions, Infinity when the line has none. */
  maxCapacity: number;
  /** Planned additions ordered so far in this run. */
  plannedOrdered: number;
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
 * Fabs: advanced-node fab lines, logic and DRAM (the DRAM that becomes
 * HBM). Each line starts with its capacity, adds planned capacity (up to
 * its ceiling, if any) and capacity funded by the new package (after the
 * funding lag; logic lines from its advanced-logic money, DRAM lines from
 * its HBM money), each ramping from tool-in to full output, and requests
 * wafer starts; the shared lithography capacity may then cut them, EUV
 * going first to the nodes that need it. Of a logic line's AI share, the
 * node starts only what the designers' plans ask for (world.nodeAiRequest,
 * set by the planning agent last quarter); the rest is not started, so its
 * scanner time serves the other lines (reported as wafers.aiReleased).
 * DRAM lines start their whole HBM share: HBM is what every plan is short
 * of. Touches: world.nodeWafers, nodeAiWafers, nodeLithoBound,
 * nodeEuvFraction.
 */
export class FabsAgent implements Agent {
  readonly name = "fabs";
  private readonly lines: Line[];
  private readonly requested: Float64Array;
  private readonly aiRequested: Float64Array;
  private readonly duvExposures: Float64Array;
  private readonly euvLayers: Float64Array;
  private readonly duvPerEuvLayer: Float64Array;
  private readonly needsEuv: Uint8Array;
  private readonly logicNode: Uint8Array;
  private readonly nodeIdx: { duv: number; euv: number; perLayer: number }[];
  private readonly demand: LithoDemand;
  private readonly outcome: LithoOutcome = { euvFraction: 0, euvCover: 1, euvForRequired: 0, scale: 1, otherScale: 1 };
  private readonly pFundingShare: number;
  private readonly pCostPerWpm: number;
  private readonly pHbmFundingShare: number;
  private readonly pCostPerHbmWpm: number;
  private readonly pLag: number;
  private fundingShare = 0;
  private costPerWpm = 1;
  private hbmFundingShare = 0;
  private costPerHbmWpm = 1;
  private lag = 0;
  private readonly obsNode: Int32Array;
  private readonly obsAdvanced: number;
  private readonly obsEuvForEuvNodes: number;
  private readonly obsDramCut: number;
  private readonly obsAi: { started: number; released: number };
  /** AI (or HBM) wafer starts per node that plans ask for, before lithography cuts them. */
  private readonly aiPlanned: Float64Array;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    this.lines = Object.values(tree.fabs).map((fab) => ({
      node: ctx.nodeIndex(fab.node),
      dram: tree.nodes[fab.node]?.kind === "dram",
      capacity: new FundedCapacity(ctx.quarters),
      pOnline: t.optionalIndex(fab.online),
      pCapacityAtStart: t.index(fab.capacityAtStart),
      pAdditions: t.index(fab.plannedAdditionsPerYear),
      pPlannedUntil: t.index(fab.plannedUntil),
      pMaxCapacity: t.optionalIndex(fab.maxCapacity),
      pRamp: t.index(fab.rampTime),
      pUtilization: t.index(fab.utilization),
      pAiShare: t.index(fab.aiShare),
      pSubsidyShare: t.index(fab.subsidyShare),
      online: 0,
      capacityAtStart: 0,
      maxCapacity: Infinity,
      plannedOrdered: 0,
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
    this.needsEuv = Uint8Array.from(ctx.nodeIds, (id) => (tree.nodes[id]?.needsEuv ? 1 : 0));
    this.logicNode = Uint8Array.from(ctx.nodeIds, (id) => (tree.nodes[id]?.kind === "dram" ? 0 : 1));
    this.nodeIdx = ctx.nodeIds.map((id) => {
      const node = tree.nodes[id];
      if (!node) throw new Error(`node ${id} missing`);
      return { duv: t.index(node.duvExposures), euv: t.index(node.euvLayers), perLayer: t.index(node.duvExposuresPerEuvLayer) };
    });
    this.aiPlanned = new Float64Array(ctx.nodeIds.length);
    this.demand = { requested: this.requested, duvExposures: this.duvExposures, euvLayers: this.euvLayers, duvPerEuvLayer: this.duvPerEuvLayer, needsEuv: this.needsEuv, priority: this.aiPlanned, exposures: new Float64Array(2) };
    this.pFundingShare = t.index(tree.subsidies.advancedLogicShare);
    this.pCostPerWpm = t.index(tree.subsidies.costPerLogicWpm);
    this.pHbmFundingShare = t.index(tree.subsidies.hbmShare);
    this.pCostPerHbmWpm = t.index(tree.subsidies.costPerHbmWpm);
    this.pLag = t.index(tree.subsidies.lag);
    const o = ctx.observables;
    this.obsNode = Int32Array.from(ctx.nodeIds, (id) =>
      o.register(`wafers.${id}`, "flow", "wafer", `Wafer starts on node ${id} (${tree.nodes[id]?.label ?? id}).`, labelled(`Wafer starts on ${nodeName(id, tree.nodes[id]?.label)}`, perYear("wafers"))),
    );
    this.obsAdvanced = o.register("wafers.advanced", "flow", "wafer", "Advanced-node wafer starts on logic nodes (DRAM nodes are counted by wafers.<node> and hbm.dramWafers).", labelled("Advanced-node wafer starts", perYear("wafers")));
    this.obsEuvForEuvNodes = o.register(
      "litho.euvForEuvNodes",
      "flow",
      "exposure",
      "EUV wafer exposures used by nodes that need EUV (served before the nodes that use it optionally).",
      labelled("EUV exposures used by nodes that need EUV", perYear("exposures")),
    );
    this.obsDramCut = o.register(
      "litho.dramWafersCut",
      "flow",
      "wafer",
      "DRAM wafer starts for HBM that the scanner pool could not serve (requested less started): HBM lost to lithography.",
      labelled("DRAM wafer starts for HBM lost to scanner shortage", perYear("wafers")),
    );
    this.obsAi = {
      started: o.register("wafers.ai", "flow", "wafer", "Logic wafer starts for AI accelerators, all logic nodes.", labelled("AI accelerator wafer starts", perYear("wafers"))),
      released: o.register(
        "wafers.aiReleased",
        "flow",
        "wafer",
        "Wafer starts of the logic lines' AI share that no designer's plan asked for: not started, so their scanner time serves the other lines.",
        labelled("AI wafer capacity no plan asked for", perYear("wafers")),
      ),
    };

  }

  reset(w: World): void {
    for (const line of this.lines) {
      line.capacityAtStart = w.p(line.pCapacityAtStart);
      line.capacity.reset(line.capacityAtStart);
      line.online = line.pOnline < 0 ? -Infinity : w.p(line.pOnline);
      line.maxCapacity = line.pMaxCapacity < 0 ? Infinity : w.p(line.pMaxCapacity);
      line.plannedOrdered = 0;
      line.additions = perQuarter(w.p(line.pAdditions));
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
    this.hbmFundingShare = w.p(this.pHbmFundingShare);
    this.costPerHbmWpm = w.p(this.pCostPerHbmWpm);
    this.lag = w.p(this.pLag);
  }

  step(w: World): void {
    // In two parts, so that V8 inlines what each calls: a double passed to or
    // returned from a call it does not inline is boxed on the heap.
    this.requestStarts(w);
    this.startWafers(w);
  }

  /** Each line's capacity this quarter, as wafer starts requested per node (all, and the AI share). */
  private requestStarts(w: World): void {
    const q = w.q;
    // Arrays in locals: V8 then checks each once per call, not once per access.
    const { requested, aiRequested, lines } = this;
    const nodes = requested.length;
    // Two or three nodes: a loop beats a fill() call.
    for (let n = 0; n < nodes; n++) {
      requested[n] = 0;
      aiRequested[n] = 0;
    }
    const spent = fundingAt(w.subsidyFunding, q - this.lag);
    const logicWpm = capacityBought(spent, this.fundingShare, this.costPerWpm);
    const dramWpm = capacityBought(spent, this.hbmFundingShare, this.costPerHbmWpm);
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k] as Line;
      const online = line.online;
      const wanted = line.additions * coverage(q, online, line.plannedUntil);
      const room = line.maxCapacity - line.capacityAtStart - line.plannedOrdered;
      const planned = wanted < room ? wanted : room > 0 ? room : 0;
      line.plannedOrdered += planned;
      const running = coverage(q, online, Infinity);
      const funded = running > 0 ? (line.dram ? dramWpm : logicWpm) * line.subsidyPerWpm : 0;
      const capacity = line.capacity.advance(q, planned, funded, line.ramp);
      const starts = wafersPerQuarter(capacity * line.utilization) * running;
      requested[line.node] = (requested[line.node] as number) + starts;
      aiRequested[line.node] = (aiRequested[line.node] as number) + starts * line.aiShare;
    }
  }

  /** The plans' share of the AI capacity, cut by the scanners, as this quarter's wafer starts. */
  private startWafers(w: World): void {
    const { requested, aiRequested } = this;
    const nodes = requested.length;
    const { needsEuv, logicNode, euvLayers, aiPlanned } = this;
    let released = 0;
    for (let n = 0; n < nodes; n++) {
      const capacity = aiRequested[n] as number;
      const asked = w.nodeAiRequest[n] as number;
      const planned = logicNode[n] === 1 && asked < capacity ? asked : capacity;
      aiPlanned[n] = planned;
      released += capacity - planned;
      requested[n] = (requested[n] as number) - (capacity - planned);
    }
    const outcome = this.outcome;
    const demand = this.demand;
    demand.exposures[0] = w.duvExposures;
    demand.exposures[1] = w.euvExposures;
    lithoLimit(demand, outcome);
    let total = 0;
    let ai = 0;
    let dramCut = 0;
    const { scale, otherScale, euvCover, euvFraction } = outcome;
    for (let n = 0; n < nodes; n++) {
      const needs = needsEuv[n] === 1;
      const cover = needs ? euvCover : 1;
      const first = aiPlanned[n] as number;
      const aiWafers = first * cover * scale;
      const wafers = aiWafers + ((requested[n] as number) - first) * cover * otherScale;
      w.nodeWafers[n] = wafers;
      w.nodeAiWafers[n] = aiWafers;
      w.nodeLithoBound[n] = cover * scale < 1 ? 1 : 0;
      w.nodeEuvFraction[n] = needs ? 1 : (euvLayers[n] as number) > 0 ? euvFraction : 0;
      w.obs[this.obsNode[n] as number] = wafers;
      if (logicNode[n] === 1) {
        total += wafers;
        ai += aiWafers;
      } else dramCut += (aiRequested[n] as number) - aiWafers;
    }
    w.obs[this.obsAdvanced] = total;
    w.obs[this.obsAi.started] = ai;
    w.obs[this.obsAi.released] = released;
    w.obs[this.obsEuvForEuvNodes] = outcome.euvForRequired;
    w.obs[this.obsDramCut] = dramCut;
  }
}
