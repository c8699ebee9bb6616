import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { ramp } from "../../model/capacity/ramp.js";
import { perQuarter } from "../../model/capacity/rates.js";
import { euvSourcePower, euvSourceRate } from "./euvSource.js";
import { labelled, yearEnd } from "../../metrics/labels.js";

/** Production hours in a quarter. */
export const HOURS_PER_QUARTER = (365.25 * 24) / 4;

/**
 * Lithography: the scanners that can work on advanced nodes. DUV immersion
 * tools arrive from abroad (less what us-duv-controls blocks) and from
 * SMEE (counted at their advanced-node effectiveness); without foreign
 * servicing (us-duv-servicing) uptime falls and foreign tools wear out.
 * Domestic EUV tools are built once the source is production-worthy, with
 * throughput rising with source power; foreign EUV arrives only through
 * leakage of us-euv-ban. Output: wafer exposures available this quarter
 * (CALIBRATION.md R7). Touches: world.duvExposures, world.euvExposures.
 */
export class LithographyAgent implements Agent {
  readonly name = "lithography";
  private foreignDuv = 0;
  private smeeTools = 0;
  private domesticEuv = 0;
  private foreignEuv = 0;
  /** This run's growth rate of the domestic source power (depends on parameters only). */
  private euvRate = 0;
  private readonly i: LithographyIndices;
  private readonly lever: { duv: number; servicing: number; euv: number };
  private readonly obs: { duv: number; euv: number; power: number };

  constructor(ctx: BuildContext) {
    this.i = lithographyIndices(ctx);
    this.lever = {
      duv: ctx.leverIndex("us-duv-controls"),
      servicing: ctx.leverIndex("us-duv-servicing"),
      euv: ctx.leverIndex("us-euv-ban"),
    };
    const o = ctx.observables;
    this.obs = {
      duv: o.register("litho.duvScanners", "stock", "tool", "DUV immersion scanners at work on advanced nodes (domestic tools at their effectiveness).", labelled("DUV immersion scanners on advanced nodes", yearEnd("tools"))),
      euv: o.register("litho.euvTools", "stock", "tool", "Production EUV tools in China, domestic and foreign.", labelled("Production EUV tools in China", yearEnd("tools"))),
      power: o.register("litho.euvSourcePower", "stock", "W", "Source power of the domestic EUV tool.", labelled("Domestic EUV source power", yearEnd("W"))),
    };
  }

  reset(w: World): void {
    this.foreignDuv = w.p(this.i.scanners);
    this.smeeTools = 0;
    this.domesticEuv = 0;
    this.foreignEuv = 0;
    this.euvRate = euvSourceRate(w.p(this.i.euvReady), w.p(this.i.euvPrototype), w.p(this.i.euvRequired));
  }

  step(w: World): void {
    const i = this.i;
    const mid = w.q + 0.5;
    const controls = w.lever[this.lever.duv] as number;
    const servicing = w.lever[this.lever.servicing] as number;

    const attrition = perQuarter(w.p(i.attrition)) * servicing;
    this.foreignDuv += perQuarter(w.p(i.deliveries)) * (1 - controls) - this.foreignDuv * attrition;
    this.smeeTools += perQuarter(w.p(i.smeeRate)) * ramp(mid, w.p(i.smeeFirst), w.p(i.smeeRamp));
    const duvTools = this.foreignDuv + this.smeeTools * w.p(i.smeeEffectiveness);
    const uptime = w.p(i.uptime) * (1 - w.p(i.servicingLoss) * servicing);
    w.duvExposures = duvTools * w.p(i.wph) * HOURS_PER_QUARTER * uptime;

    const ready = w.p(i.euvReady);
    const power = euvSourcePower(mid, ready, w.p(i.euvPrototype), w.p(i.euvRequired), w.p(i.euvMax), this.euvRate);
    this.domesticEuv += perQuarter(w.p(i.euvRate)) * ramp(mid, ready, w.p(i.euvRamp));
    const domesticWph = Math.min(w.p(i.euvMaxWph), w.p(i.euvWphPerWatt) * power);
    this.foreignEuv += perQuarter(w.p(i.foreignEuvRate)) * (1 - (w.lever[this.lever.euv] as number));
    w.euvExposures =
      HOURS_PER_QUARTER * (this.domesticEuv * domesticWph * w.p(i.euvUptime) + this.foreignEuv * w.p(i.foreignEuvWph) * uptime);

    w.obs[this.obs.duv] = duvTools;
    w.obs[this.obs.euv] = this.domesticEuv + this.foreignEuv;
    w.obs[this.obs.power] = power;
  }
}

type LithographyIndices = ReturnType<typeof lithographyIndices>;

function lithographyIndices(ctx: BuildContext) {
  const { duv, smee, domesticEuv, foreignEuv } = ctx.scenario.tree.lithography;
  const t = ctx.table;
  return {
    scanners: t.index(duv.scannersAtStart),
    deliveries: t.index(duv.deliveriesPerYear),
    wph: t.index(duv.wafersPerHour),
    uptime: t.index(duv.uptime),
    servicingLoss: t.index(duv.servicingUptimeLoss),
    attrition: t.index(duv.servicingAttritionPerYear),
    smeeFirst: t.index(smee.firstTools),
    smeeRate: t.index(smee.toolsPerYear),
    smeeRamp: t.index(smee.rampTime),
    smeeEffectiveness: t.index(smee.advancedNodeEffectiveness),
    euvReady: t.index(domesticEuv.readyYear),
    euvPrototype: t.index(domesticEuv.prototypePower),
    euvRequired: t.index(domesticEuv.requiredPower),
    euvMax: t.index(domesticEuv.maxPower),
    euvWphPerWatt: t.index(domesticEuv.wafersPerHourPerWatt),
    euvMaxWph: t.index(domesticEuv.maxWafersPerHour),
    euvRate: t.index(domesticEuv.toolsPerYear),
    euvRamp: t.index(domesticEuv.rampTime),
    euvUptime: t.index(domesticEuv.uptime),
    foreignEuvRate: t.index(foreignEuv.deliveriesPerYear),
    foreignEuvWph: t.index(foreignEuv.wafersPerHour),
  };
}
