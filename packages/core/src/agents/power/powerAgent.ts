import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { exp, log1p } from "../../math/fdlibm.js";
import { labelled, yearEnd } from "../../metrics/labels.js";

/**
 * Power: data-centre power available to AI accelerators in China, growing
 * each year, less what the installed base already draws, is what new
 * accelerators can use. One unit of a design draws TDP x PUE x server
 * overhead at the facility (CALIBRATION.md R10). Touches: world.spareGW,
 * world.unitPowerGW.
 */
export class PowerAgent implements Agent {
  readonly name = "power";
  private readonly tdp: Int32Array;
  private readonly i: { available: number; growth: number; pue: number; overhead: number };
  private readonly obs: { available: number; spare: number };
  // This run's values, set in reset.
  private availableAtStart = 0;
  /** ln(1 + annual growth): available power grows as exp(years * this). */
  private logGrowth = 0;

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
      growth: t.index(power.growthPerYear),
      pue: t.index(power.pue),
      overhead: t.index(power.systemOverhead),
    };
    const o = ctx.observables;
    this.obs = {
      available: o.register("power.availableGW", "stock", "GW", "Data-centre power available to AI accelerators in China.", labelled("Data-centre power available to AI", yearEnd("GW"))),
      spare: o.register("power.spareGW", "stock", "GW", "Power left for new accelerators after the installed base.", labelled("Power left for new accelerators", yearEnd("GW"))),
    };
  }

  reset(w: World): void {
    const perWatt = (w.p(this.i.pue) * w.p(this.i.overhead)) / 1e9;
    for (let d = 0; d < this.tdp.length; d++) w.unitPowerGW[d] = w.p(this.tdp[d] as number) * perWatt;
    this.availableAtStart = w.p(this.i.available);
    this.logGrowth = log1p(w.p(this.i.growth));
  }

  step(w: World): void {
    const years = (w.q + 0.5) / 4;
    // (1 + g)^years as exp(years ln(1 + g)): Math.pow costs several times more.
    const available = this.availableAtStart * exp(years * this.logGrowth);
    const spare = available - w.installedPowerGW;
    w.spareGW = spare > 0 ? spare : 0;
    w.obs[this.obs.available] = available;
    w.obs[this.obs.spare] = w.spareGW;
  }
}
