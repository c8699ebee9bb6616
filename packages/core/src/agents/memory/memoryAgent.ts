import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { labelled, perYear, yearEnd } from "../../metrics/labels.js";
import { DomesticHbm, type DomesticHbmSetup } from "./domesticHbm.js";
import { ForeignRation } from "./foreignRation.js";

/**
 * Memory: HBM stacks by pool. The foreign pool starts with the stock China
 * held at 2024Q1 and receives foreign stacks until us-hbm-ban closes the
 * flow (leakage passes its unenforced share), plus the rush bought just
 * before the ban starts. Domestic stacks are made from the HBM wafers the
 * fabs started on DRAM nodes this quarter, which drew on the same scanners
 * as logic (domesticHbm.ts), and reach their generation's pool after the
 * wafer-to-stack time. Once the ban is in force the designs may draw
 * only a ration of the foreign stock (foreignRation.ts). Unused stacks
 * carry over.
 * Touches: world.hbmPool (stock), drawn down in `settle` by what the
 * designs agent booked as used.
 */
export class MemoryAgent implements Agent {
  readonly name = "memory";
  private readonly foreignPool: number;
  private readonly domestic: DomesticHbm;
  private readonly i: ReturnType<typeof memoryIndices>;
  private readonly banLever: number;
  private readonly designs: number;
  private readonly obs: { output: number; foreign: number; used: number; stock: number; dramWafers: number; perWafer: number; foreignDrawn: number };
  private readonly ration: ForeignRation;
  private readonly obsYield: Int32Array;

  constructor(ctx: BuildContext) {
    this.i = memoryIndices(ctx);
    this.foreignPool = ctx.hbmPools.findIndex((p) => p.foreign);
    const setup = domesticSetup(ctx);
    this.domestic = new DomesticHbm(setup);
    this.banLever = ctx.leverIndex("us-hbm-ban");
    this.ration = new ForeignRation({
      pool: this.foreignPool,
      lever: this.banLever,
      banStart: this.i.banStart,
      flowBeforeBan: this.i.foreignFlow,
      cover: this.i.banCover,
    });
    this.designs = ctx.designIds.length;
    const o = ctx.observables;
    this.obs = {
      output: o.register("hbm.domesticOutput", "flow", "stack", "Good HBM stacks made in China.", labelled("Domestic HBM output", perYear("stacks"))),
      foreign: o.register("hbm.foreignStock", "stock", "stack", "Foreign HBM stacks left in China's stockpile.", labelled("Foreign HBM stockpile", yearEnd("stacks"))),
      used: o.register("hbm.stacksUsed", "flow", "stack", "HBM stacks built into accelerators.", labelled("HBM stacks built into accelerators", perYear("stacks"))),
      stock: o.register("hbm.stock", "stock", "stack", "Unused HBM stacks of all origins and generations.", labelled("Unused HBM stacks", yearEnd("stacks"))),
      foreignDrawn: o.register("hbm.foreignDrawn", "flow", "stack", "Foreign HBM stacks built into accelerators.", labelled("Foreign HBM stacks drawn", perYear("stacks"))),
      dramWafers: o.register("hbm.dramWafers", "flow", "wafer", "DRAM wafers started for HBM core dies in China, all DRAM nodes.", labelled("DRAM wafer starts for HBM", perYear("wafers"))),
      perWafer: o.register(
        "hbm.stacksPerWafer",
        "stock",
        "stack/wafer",
        "Good HBM stacks per DRAM wafer started in the quarter, all generations (0 when none started).",
        labelled("HBM stacks per DRAM wafer", yearEnd("stacks per wafer")),
      ),
    };
    this.obsYield = Int32Array.from(setup.generations, (g) => {
      const generation = ctx.hbmPools[g.pool]?.generation ?? "";
      const name = generation.toUpperCase();
      return o.register(
        `hbm.yield.${generation}`,
        "stock",
        "1",
        `Yield of domestic ${name}: good dies in good stacks per core die on the wafers started in the quarter (DRAM die yield x stack yield; 0 when none started).`,
        labelled(`Domestic ${name} yield (die x stack)`, yearEnd("share of core dies")),
      );
    });
  }

  reset(w: World): void {
    w.hbmPool.fill(0);
    w.hbmPool[this.foreignPool] = w.p(this.i.foreignStock);
    this.domestic.reset(w.params);
    this.ration.reset(w);
  }

  step(w: World): void {
    this.produce(w);
    // Apart, so that V8 optimises the production as it did on its own.
    this.ration.apply(w);
  }

  /** Foreign inflow and domestic output, added to the pools. */
  private produce(w: World): void {
    const i = this.i;
    const q = w.q;
    let inflow = w.p(i.foreignFlow) * (1 - (w.lever[this.banLever] as number));
    // Buyers rushed to stock up between the ban's announcement and its start.
    const banStart = w.p(i.banStart);
    // Read every quarter, not only in the one it applies: a read V8 sees once a run is not inlined, and boxes its number.
    const rush = w.p(i.rush);
    if (banStart >= q && banStart < q + 1) inflow += rush;
    w.hbmPool[this.foreignPool] = (w.hbmPool[this.foreignPool] as number) + inflow;

    const domestic = this.domestic;
    domestic.step(q, w.nodeWafers, w.nodeAiWafers, w.nodeEuvFraction, w.hbmPool);
    const { finished, candidates, goodDies } = domestic;
    let made = 0;
    for (let g = 0; g < finished.length; g++) {
      made += finished[g] as number;
      const dies = candidates[g] as number;
      w.obs[this.obsYield[g] as number] = dies > 0 ? (goodDies[g] as number) / dies : 0;
    }
    w.obs[this.obs.output] = made;
    w.obs[this.obs.dramWafers] = domestic.wafers;
    w.obs[this.obs.perWafer] = domestic.wafers > 0 ? domestic.stacks / domestic.wafers : 0;
  }

  /** Designs booked the stacks they packaged in world.hbmAllocation; the foreign stacks held back return to the pool. */
  settle(w: World): void {
    // Arrays in locals: V8 then checks each once per call, not once per access.
    const { hbmPool: pool, hbmAllocation: allocation } = w;
    const pools = pool.length;
    const designs = this.designs;
    let used = 0;
    for (let p = 0; p < pools; p++) {
      let take = 0;
      for (let d = 0; d < designs; d++) take += allocation[d * pools + p] as number;
      const left = (pool[p] as number) - take;
      pool[p] = left > 0 ? left : 0;
      used += take;
      if (p === this.foreignPool) w.obs[this.obs.foreignDrawn] = take;
    }
    pool[this.foreignPool] = (pool[this.foreignPool] as number) + this.ration.held;
    let stock = 0;
    for (let p = 0; p < pools; p++) stock += pool[p] as number;
    w.obs[this.obs.used] = used;
    w.obs[this.obs.foreign] = w.hbmPool[this.foreignPool] as number;
    w.obs[this.obs.stock] = stock;
  }
}

function memoryIndices(ctx: BuildContext) {
  const { foreign } = ctx.scenario.tree.memory;
  const t = ctx.table;
  return {
    foreignStock: t.index(foreign.stockAtStart),
    foreignFlow: t.index(foreign.flowBeforeBan),
    rush: t.index(foreign.preBanRush),
    banStart: t.index(ctx.scenario.tree.levers["us-hbm-ban"].start),
    banCover: t.index(foreign.banCover),
  };
}

/** The domestic generations and the DRAM nodes they need, as parameter indices. */
function domesticSetup(ctx: BuildContext): DomesticHbmSetup {
  const { tree } = ctx.scenario;
  const t = ctx.table;
  const { domestic } = tree.memory;
  const generations = ctx.hbmPools.flatMap((p, pool) => {
    if (p.foreign) return [];
    const g = domestic.generations[p.generation];
    if (!g) throw new Error(`generation ${p.generation} missing`);
    return [
      {
        pool,
        rank: p.rank,
        node: ctx.nodeIndex(g.node),
        pStart: t.index(g.start),
        pArea: t.index(g.coreDieArea),
        pHeight: t.index(g.stackHeight),
        pYieldStart: t.index(g.stackYieldAtStart),
        pYieldMature: t.index(g.stackYieldMature),
        pGain: t.index(g.stackYieldGainPerYear),
      },
    ];
  });
  const needed = [...new Set(generations.map((g) => g.node))].sort((a, b) => a - b);
  const nodes = needed.map((n) => {
    const node = tree.nodes[ctx.nodeIds[n] as string];
    if (!node) throw new Error(`node ${ctx.nodeIds[n]} missing`);
    return { node: n, pD0: t.index(node.d0AtStart), pFloor: t.index(node.d0Floor), pLearning: t.index(node.learningWafers), pExtra: t.index(node.extraCriticalLayers), pParametric: t.index(node.parametricYield) };
  });
  return {
    quarters: ctx.quarters,
    nodes,
    generations,
    pDelay: t.index(domestic.waferToStack),
    pTransition: t.index(domestic.transitionTime),
    pAlpha: t.index(tree.yield.clustering),
    pPerLayer: t.index(tree.yield.perLayerYield),
    pDiameter: t.index(tree.yield.waferDiameter),
    pEdge: t.index(tree.yield.edgeExclusion),
  };
}
