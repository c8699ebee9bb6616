import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { exp, log1p } from "../../math/fdlibm.js";
import { labelled, perYear, yearEnd } from "../../metrics/labels.js";
import { GridConnections } from "./gridConnections.js";

/**
 * Power: the data-centre capacity for AI accelerators that is connected to
 * the grid (gridConnections.ts: what was there in 2024, planned
 * connections, and projects started for shortfalls that connect after the
 * grid-connection time), less what the installed accelerators draw, is
 * what new accelerators can use. One unit of a design draws TDP x PUE x
 * server overhead at the facility (CALIBRATION.md R10). Touches:
 * world.spareGW, world.unitPowerGW; reads world.installedPowerGW and
 * world.powerShortfallGW, which the market writes.
 */
export class PowerAgent implements Agent {
  readonly name = "power";
  private readonly tdp: Int32Array;
  private readonly i: { available: number; connections: number; growth: number; connectionTime: number; pue: number; overhead: number };
  private readonly obs: { available: number; spare: number; connected: number; building: number };
  private readonly grid: GridConnections;

  constructor(ctx: BuildContext) {
    const { power, designs } = ctx.scenario.tree;
    const t = ctx.table;
    this.tdp = Int32Array.from(ctx.designIds, (id) => {
      const design = designs[id];
      if (!design) throw new Error(`design ${id} missing`);
      return t.index(design.tdp);
    });
    this.i = {
      available: t.index(power.availableAtStart),
      connections: t.index(power.connectionsPerYear),
      growth: t.index(power.connectionsGrowth),
      connectionTime: t.index(power.gridConnectionTime),
      pue: t.index(power.pue),
      overhead: t.index(power.systemOverhead),
    };
    this.grid = new GridConnections(ctx.quarters);
    const o = ctx.observables;
    this.obs = {
      available: o.register("power.availableGW", "stock", "GW", "Data-centre capacity for AI accelerators connected to the grid in China (facility level).", labelled("Data-centre power connected for AI", yearEnd("GW"))),
      spare: o.register("power.spareGW", "stock", "GW", "Connected power left for new accelerators after the installed base.", labelled("Power left for new accelerators", yearEnd("GW"))),
      connected: o.register("power.connectedGW", "flow", "GW", "Data-centre capacity for AI accelerators newly connected to the grid: planned projects and those started for shortfalls.", labelled("Data-centre power newly connected for AI", perYear("GW"))),
      building: o.register("power.buildingGW", "stock", "GW", "Data-centre capacity started for accelerators that found no power, not yet connected.", labelled("Data-centre power being built for shortfalls", yearEnd("GW"))),
    };
  }

  reset(w: World): void {
    const perWatt = (w.p(this.i.pue) * w.p(this.i.overhead)) / 1e9;
    for (let d = 0; d < this.tdp.length; d++) w.unitPowerGW[d] = w.p(this.tdp[d] as number) * perWatt;
    // (1 + g)^(1/4) as exp(ln(1 + g) / 4): Math.pow costs several times more.
    const quarterly = exp(log1p(w.p(this.i.growth)) / 4);
    const grid = this.grid.state;
    this.grid.reset();
    grid[0] = w.p(this.i.available);
    grid[3] = w.p(this.i.connections) / 4;
    grid[5] = quarterly;
    grid[6] = w.p(this.i.connectionTime);
  }

  step(w: World): void {
    const grid = this.grid;
    const s = grid.state;
    s[1] = w.powerShortfallGW;
    grid.step(w.q);
    const available = s[0] as number;
    const spare = available - w.installedPowerGW;
    w.spareGW = spare > 0 ? spare : 0;
    const o = this.obs;
    w.obs[o.available] = available;
    w.obs[o.spare] = w.spareGW;
    w.obs[o.connected] = s[4] as number;
    w.obs[o.building] = s[2] as number;
  }
}
