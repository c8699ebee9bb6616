import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { generationRank } from "../../schema/hbmGenerations.js";
import { DesignFigures, valueOr0 } from "../../model/designFigures.js";
import { PackagingShare } from "../../model/packagingShare.js";
import { shippingWeights } from "../../model/shipping.js";
import { labelled, perYear } from "../../metrics/labels.js";
import { waferOrder } from "./orderUpTo.js";

/**
 * Planning: at the end of each quarter every domestic designer plans the
 * next quarter's wafer starts against its bottleneck, not its fab
 * allocation. Its expected use is what this quarter's HBM stacks and
 * packaging slots would let it package with unlimited dies, shared by
 * priority as the designs agent shares them (packagingShare.ts), at its
 * priority when the dies would come out (waferShare x shipping weight one
 * quarter plus a cycle time ahead, so wafers start before launch and stop
 * before end of life). Dies on hand are its stock, the part of a die bank
 * held for it and the dies in its finished units that buyers did not take
 * (so unsold accelerators slow the wafer starts); the order follows the order-up-to rule
 * (orderUpTo.ts) with planning.inventoryCover. Touches: world.waferRequest,
 * nodeAiRequest (read by fabs and yield next quarter).
 */
export class PlanningAgent implements Agent {
  readonly name = "planning";
  private readonly domestic: Uint8Array;
  private readonly node: Int32Array;
  private readonly p: { cycle: Int32Array; cover: number };
  /** Launch, end of life, priority and what one package takes, this run (as the designs agent reads them). */
  private readonly figures: DesignFigures;
  /** Cycle time of each design's node (quarters). */
  private readonly cycle: Float64Array;
  /** Each design's shipping weight over the quarter its next wafer starts come out in. */
  private readonly shipAhead: Float64Array;
  private cover = 0;
  private readonly packaging: PackagingShare;
  private readonly obsRequested: number;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    const dom = (d: number) => ctx.domesticDesign(d);
    const each = (f: (d: number) => number) => Int32Array.from(ctx.designIds, (_id, d) => f(d));
    this.domestic = Uint8Array.from(ctx.domestic, (x) => (x ? 1 : 0));
    this.node = each((d) => {
      const x = dom(d);
      return x ? ctx.nodeIndex(x.node) : -1;
    });
    this.p = {
      cycle: Int32Array.from(ctx.nodeIds, (id) => t.optionalIndex(tree.nodes[id]?.cycleTime)),
      cover: t.index(tree.planning.inventoryCover),
    };
    this.figures = new DesignFigures(ctx);
    this.cycle = new Float64Array(ctx.designIds.length);
    this.shipAhead = new Float64Array(ctx.designIds.length);
    const minRank = Int32Array.from(ctx.designIds, (_id, d) => {
      const x = dom(d);
      return x ? generationRank(x.hbmGeneration) : 1 << 30;
    });
    this.packaging = new PackagingShare(this.figures.stacks, this.figures.packagesPerWafer, minRank, Int32Array.from(ctx.hbmPools, (p) => p.rank));
    this.obsRequested = ctx.observables.register(
      "wafers.requested",
      "flow",
      "wafer",
      "AI wafer starts the domestic designers' plans ask for the next quarter.",
      labelled("AI wafer starts planned", perYear("wafers")),
    );
  }

  reset(w: World): void {
    const { p } = this;
    this.figures.reset(w.params);
    for (let d = 0; d < this.cycle.length; d++) {
      const n = this.node[d] as number;
      this.cycle[d] = n < 0 ? 0 : valueOr0(w.params, p.cycle[n] as number);
    }
    this.cover = w.p(p.cover);
    // Until the first plan, the lines give AI chips their whole AI share.
    w.waferRequest.fill(Infinity);
    w.nodeAiRequest.fill(Infinity);
  }

  step(w: World): void {
    const q = w.q;
    // Every array in locals: V8 then checks each once per call, not once per access.
    const { domestic, node, cycle, packaging } = this;
    const { launch, end, ramp, share, diesPerPackage } = this.figures;
    const { weight, dieUnits, units } = packaging;
    const { waferRequest, nodeAiRequest, dieStock, bankPart, unsoldUnits, diesInFab, goodDiesPerWafer } = w;
    const n = launch.length;
    const shipAhead = this.shipAhead;
    shippingWeights(q, 1, cycle, launch, end, ramp, shipAhead);
    for (let d = 0; d < n; d++) {
      // The priority the design will have when dies started next quarter come out.
      const ahead = domestic[d] ? (share[d] as number) * (shipAhead[d] as number) : 0;
      weight[d] = ahead;
      dieUnits[d] = ahead > 0 ? Infinity : 0;
    }
    packaging.interposerWafers[0] = w.interposerWafers;
    packaging.share(w.hbmPool);
    for (let k = 0; k < nodeAiRequest.length; k++) nodeAiRequest[k] = 0;
    let total = 0;
    for (let d = 0; d < n; d++) {
      waferRequest[d] = 0;
      if (!domestic[d]) continue;
      // Bank dies held for the design count as on hand once it ships.
      const claim = (weight[d] as number) > 0 ? (bankPart[d] as number) : 0;
      const unsold = (unsoldUnits[d] as number) * (diesPerPackage[d] as number);
      const expectedUse = (units[d] as number) * (diesPerPackage[d] as number);
      const wafers = waferOrder(expectedUse, cycle[d] as number, this.cover, (dieStock[d] as number) + claim + unsold, diesInFab[d] as number, goodDiesPerWafer[d] as number);
      waferRequest[d] = wafers;
      const k = node[d] as number;
      nodeAiRequest[k] = (nodeAiRequest[k] as number) + wafers;
      total += wafers;
    }
    w.obs[this.obsRequested] = total;
  }
}

