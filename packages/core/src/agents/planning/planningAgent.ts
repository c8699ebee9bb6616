import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { generationRank } from "../../schema/hbmGenerations.js";
import { PackagingShare } from "../../model/packagingShare.js";
import { shippingWeight } from "../../model/shipping.js";
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
 * before end of life). Dies on hand are its stock plus its claim on a die
 * bank (at that priority); the order follows the order-up-to rule
 * (orderUpTo.ts) with planning.inventoryCover. Touches: world.waferRequest,
 * nodeAiRequest (read by fabs and yield next quarter).
 */
export class PlanningAgent implements Agent {
  readonly name = "planning";
  private readonly domestic: Uint8Array;
  private readonly node: Int32Array;
  private readonly bankOf: Int32Array;
  private readonly p: { launch: Int32Array; end: Int32Array; ramp: Int32Array; share: Int32Array; dies: Int32Array; stacks: Int32Array; ppw: Int32Array; cycle: Int32Array; cover: number };
  // This run's values.
  private readonly launch: Float64Array;
  private readonly end: Float64Array;
  private readonly ramp: Float64Array;
  private readonly share: Float64Array;
  private readonly diesPerPackage: Float64Array;
  private readonly stacks: Float64Array;
  private readonly packagesPerWafer: Float64Array;
  /** Cycle time of each design's node (quarters). */
  private readonly cycle: Float64Array;
  private cover = 0;
  private readonly bankWeight: Float64Array;
  private readonly packaging: PackagingShare;
  private readonly obsRequested: number;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    const dom = (d: number) => ctx.domesticDesign(d);
    const each = (f: (d: number) => number) => Int32Array.from(ctx.designIds, (_id, d) => f(d));
    const index = (d: number, pick: (x: NonNullable<ReturnType<typeof dom>>) => Parameters<typeof t.optionalIndex>[0]) => {
      const x = dom(d);
      return x ? t.optionalIndex(pick(x)) : -1;
    };
    this.domestic = Uint8Array.from(ctx.domestic, (x) => (x ? 1 : 0));
    this.node = each((d) => {
      const x = dom(d);
      return x ? ctx.nodeIndex(x.node) : -1;
    });
    this.p = {
      launch: each((d) => index(d, (x) => x.launch)),
      end: each((d) => index(d, (x) => x.endOfLife)),
      ramp: each((d) => index(d, (x) => x.rampTime)),
      share: each((d) => index(d, (x) => x.waferShare)),
      dies: each((d) => index(d, (x) => x.diesPerPackage)),
      stacks: each((d) => index(d, (x) => x.hbmStacks)),
      ppw: each((d) => index(d, (x) => x.packagesPerInterposerWafer)),
      cycle: Int32Array.from(ctx.nodeIds, (id) => t.optionalIndex(tree.nodes[id]?.cycleTime)),
      cover: t.index(tree.planning.inventoryCover),
    };
    const n = ctx.designIds.length;
    this.launch = new Float64Array(n);
    this.end = new Float64Array(n);
    this.ramp = new Float64Array(n);
    this.share = new Float64Array(n);
    this.diesPerPackage = new Float64Array(n);
    this.stacks = new Float64Array(n);
    this.packagesPerWafer = new Float64Array(n);
    this.cycle = new Float64Array(n);
    const minRank = Int32Array.from(ctx.designIds, (_id, d) => {
      const x = dom(d);
      return x ? generationRank(x.hbmGeneration) : 1 << 30;
    });
    this.packaging = new PackagingShare(this.stacks, this.packagesPerWafer, minRank, Int32Array.from(ctx.hbmPools, (p) => p.rank));
    this.bankOf = Int32Array.from(ctx.designIds, (id) => ctx.dieBankIds.findIndex((b) => tree.dieBanks[b]?.designs.includes(id)));
    this.bankWeight = new Float64Array(ctx.dieBankIds.length);
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
    for (let d = 0; d < this.launch.length; d++) {
      this.launch[d] = valueOr0(w, p.launch[d] as number);
      const end = p.end[d] as number;
      this.end[d] = end < 0 ? Infinity : w.p(end);
      this.ramp[d] = valueOr0(w, p.ramp[d] as number);
      this.share[d] = valueOr0(w, p.share[d] as number);
      this.diesPerPackage[d] = valueOr0(w, p.dies[d] as number);
      this.stacks[d] = valueOr0(w, p.stacks[d] as number);
      this.packagesPerWafer[d] = valueOr0(w, p.ppw[d] as number);
      const n = this.node[d] as number;
      this.cycle[d] = n < 0 ? 0 : valueOr0(w, p.cycle[n] as number);
    }
    this.cover = w.p(p.cover);
    // Until the first plan, the lines give AI chips their whole AI share.
    w.waferRequest.fill(Infinity);
    w.nodeAiRequest.fill(Infinity);
  }

  step(w: World): void {
    const q = w.q;
    // Every array in locals: V8 then checks each once per call, not once per access.
    const { domestic, node, bankOf, bankWeight, launch, end, ramp, share, diesPerPackage, cycle, packaging } = this;
    const { weight, dieUnits, units } = packaging;
    const { waferRequest, nodeAiRequest, dieStock, bankDies, diesInFab, goodDiesPerWafer } = w;
    const n = launch.length;
    for (let b = 0; b < bankWeight.length; b++) bankWeight[b] = 0;
    for (let d = 0; d < n; d++) {
      // The priority the design will have when dies started next quarter come out.
      const ahead = domestic[d] ? (share[d] as number) * shippingWeight(q + 1 + (cycle[d] as number), launch[d] as number, end[d] as number, ramp[d] as number) : 0;
      weight[d] = ahead;
      dieUnits[d] = ahead > 0 ? Infinity : 0;
      const b = bankOf[d] as number;
      if (b >= 0) bankWeight[b] = (bankWeight[b] as number) + ahead;
    }
    packaging.interposerWafers[0] = w.interposerWafers;
    packaging.share(w.hbmPool);
    for (let k = 0; k < nodeAiRequest.length; k++) nodeAiRequest[k] = 0;
    let total = 0;
    for (let d = 0; d < n; d++) {
      waferRequest[d] = 0;
      if (!domestic[d]) continue;
      const b = bankOf[d] as number;
      const bw = b >= 0 ? (bankWeight[b] as number) : 0;
      const claim = bw > 0 ? ((bankDies[b] as number) * (weight[d] as number)) / bw : 0;
      const expectedUse = (units[d] as number) * (diesPerPackage[d] as number);
      const wafers = waferOrder(expectedUse, cycle[d] as number, this.cover, (dieStock[d] as number) + claim, diesInFab[d] as number, goodDiesPerWafer[d] as number);
      waferRequest[d] = wafers;
      const k = node[d] as number;
      nodeAiRequest[k] = (nodeAiRequest[k] as number) + wafers;
      total += wafers;
    }
    w.obs[this.obsRequested] = total;
  }
}

/** A parameter's value, or 0 for index -1 (a figure the design or node does not have). */
function valueOr0(w: World, index: number): number {
  return index < 0 ? 0 : w.p(index);
}
