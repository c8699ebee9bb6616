import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import { CapacityPipeline } from "../../model/capacityPipeline.js";
import type { World } from "../../model/world.js";
import { fundingAt } from "../fabs/funding.js";
import { ramp } from "../lithography/euvSource.js";
import { exp } from "../../math/fdlibm.js";
import { labelled, perYear, yearEnd } from "../../metrics/labels.js";
import { ForeignRation } from "./foreignRation.js";

interface DomesticPool {
  readonly pool: number;
  readonly start: number;
  /** Start-date parameter of the next newer domestic generation, or -1. */
  nextStart: number;
}

/**
 * Memory: HBM stacks by pool. The foreign pool starts with the stock China
 * held at 2024Q1 and receives foreign stacks until us-hbm-ban closes the
 * flow (leakage passes its unenforced share), plus the rush bought just
 * before the ban starts; once the ban is in force the designs may draw
 * only a ration of it (foreignRation.ts). Domestic output is DRAM
 * wafers for HBM (planned plus package-funded capacity, ramping) times good
 * stacks per wafer (learning toward maturity), split among generations as
 * each newer one takes over production. Unused stacks carry over.
 * Touches: world.hbmPool (stock), drawn down in `settle` by what the
 * designs agent booked as used.
 */
export class MemoryAgent implements Agent {
  readonly name = "memory";
  private readonly foreignPool: number;
  private readonly domestic: DomesticPool[];
  private readonly pipeline: CapacityPipeline;
  private plannedOrdered = 0;
  private readonly i: ReturnType<typeof memoryIndices>;
  private readonly banLever: number;
  private readonly designs: number;
  private readonly obs: { output: number; foreign: number; used: number; stock: number; foreignDrawn: number };
  private readonly ration: ForeignRation;

  constructor(ctx: BuildContext) {
    this.i = memoryIndices(ctx);
    const { generations } = ctx.scenario.tree.memory.domestic;
    this.foreignPool = ctx.hbmPools.findIndex((p) => p.foreign);
    this.domestic = ctx.hbmPools.flatMap((p, pool) => {
      if (p.foreign) return [];
      const generation = generations[p.generation];
      if (!generation) throw new Error(`generation ${p.generation} missing`);
      return [{ pool, start: ctx.table.index(generation.start), nextStart: -1 }];
    });
    const byRank = [...this.domestic].sort((a, b) => (ctx.hbmPools[a.pool]?.rank ?? 0) - (ctx.hbmPools[b.pool]?.rank ?? 0));
    byRank.forEach((d, k) => (d.nextStart = byRank[k + 1]?.start ?? -1));
    this.pipeline = new CapacityPipeline(ctx.quarters);
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
    };
  }

  reset(w: World): void {
    w.hbmPool.fill(0);
    w.hbmPool[this.foreignPool] = w.p(this.i.foreignStock);
    this.pipeline.reset(w.p(this.i.wafersAtStart));
    this.plannedOrdered = 0;
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
    const mid = q + 0.5;
    let inflow = w.p(i.foreignFlow) * (1 - (w.lever[this.banLever] as number));
    // Buyers rushed to stock up between the ban's announcement and its start.
    const banStart = w.p(i.banStart);
    // Read every quarter, not only in the one it applies: a read V8 sees once a run is not inlined, and boxes its number.
    const rush = w.p(i.rush);
    if (banStart >= q && banStart < q + 1) inflow += rush;
    w.hbmPool[this.foreignPool] = (w.hbmPool[this.foreignPool] as number) + inflow;

    const room = Math.max(0, w.p(i.maxWafers) - w.p(i.wafersAtStart) - this.plannedOrdered);
    const planned = Math.min(w.p(i.additions) / 4, room);
    this.plannedOrdered += planned;
    const funded = (fundingAt(w.subsidyFunding, q - w.p(i.lag)) * w.p(i.fundingShare)) / w.p(i.costPerWpm);
    this.pipeline.order(q, planned + funded, 0, w.p(i.ramp));
    const wafers = this.pipeline.advance(q) * 3;
    const mature = w.p(i.stacksMature);
    const perWafer = mature - (mature - w.p(i.stacksStart)) * exp(-mid / Math.max(w.p(i.learningTime), 1e-9));
    const output = wafers * perWafer;

    // Output moves to each newer generation as it ramps in; before the
    // first generation starts, the lines make nothing usable.
    const transition = w.p(i.transitionTime);
    let made = 0;
    for (let k = 0; k < this.domestic.length; k++) {
      const d = this.domestic[k] as DomesticPool;
      const share = ramp(mid, w.p(d.start), transition);
      const newer = d.nextStart < 0 ? 0 : ramp(mid, w.p(d.nextStart), transition);
      const part = share > newer ? (share - newer) * output : 0;
      w.hbmPool[d.pool] = (w.hbmPool[d.pool] as number) + part;
      made += part;
    }
    w.obs[this.obs.output] = made;
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
  const { foreign, domestic } = ctx.scenario.tree.memory;
  const { subsidies } = ctx.scenario.tree;
  const t = ctx.table;
  return {
    foreignStock: t.index(foreign.stockAtStart),
    foreignFlow: t.index(foreign.flowBeforeBan),
    rush: t.index(foreign.preBanRush),
    banStart: t.index(ctx.scenario.tree.levers["us-hbm-ban"].start),
    banCover: t.index(foreign.banCover),
    wafersAtStart: t.index(domestic.wafersAtStart),
    additions: t.index(domestic.plannedAdditionsPerYear),
    maxWafers: t.index(domestic.maxWafers),
    ramp: t.index(domestic.rampTime),
    stacksStart: t.index(domestic.stacksPerWaferAtStart),
    stacksMature: t.index(domestic.stacksPerWaferMature),
    learningTime: t.index(domestic.learningTime),
    transitionTime: t.index(domestic.transitionTime),
    fundingShare: t.index(subsidies.hbmShare),
    costPerWpm: t.index(subsidies.costPerHbmWpm),
    lag: t.index(subsidies.lag),
  };
}
