import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import type { World } from "../../model/world.js";
import { shippingWeight } from "../designs/shipping.js";
import { harvestCoefficients, harvestedYield, MAX_SPARE_CORES } from "./coreHarvesting.js";
import { learnedDefectDensity, multiPatterningFactor } from "./defectYield.js";
import { diesPerWafer } from "./diesPerWafer.js";

interface DieDesign {
  readonly design: number;
  readonly node: number;
  readonly coefficients: Float64Array;
  readonly i: {
    area: number;
    cores: number;
    required: number;
    coreFraction: number;
    share: number;
    launch: number;
    end: number;
    ramp: number;
  };
  dpw: number;
}

/**
 * Yield: turns each node's AI wafers into good dies. Wafers are split among
 * the designs shipping on the node by their wafer shares; each wafer holds
 * dies-per-wafer candidates (R1); a candidate is good with the harvested
 * negative-binomial yield at the node's learned defect density (R2, R4),
 * times the multi-patterning penalty for wafers patterned without EUV (R3)
 * and the parametric yield. Defect density learns from the node's
 * cumulative wafers. Touches: world.goodDies.
 */
export class YieldAgent implements Agent {
  readonly name = "yield";
  private readonly designs: DieDesign[];
  private readonly weights: Float64Array;
  private readonly nodeWeight: Float64Array;
  private readonly cumulativeWafers: Float64Array;
  private readonly nodeIdx: { d0: number; floor: number; learning: number; extra: number; parametric: number }[];
  private readonly alpha: number;
  private readonly perLayer: number;
  private readonly diameter: number;
  private readonly edge: number;
  private readonly obsDies: Int32Array;
  private readonly obsCandidates: Int32Array;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    this.designs = [];
    ctx.designIds.forEach((_id, design) => {
      const d = ctx.domesticDesign(design);
      if (!d) return;
      this.designs.push({
        design,
        node: ctx.nodeIndex(d.node),
        coefficients: new Float64Array(MAX_SPARE_CORES + 1),
        i: {
          area: t.index(d.dieArea),
          cores: t.index(d.cores),
          required: t.index(d.coresRequired),
          coreFraction: t.index(d.coreAreaFraction),
          share: t.index(d.waferShare),
          launch: t.index(d.launch),
          end: t.optionalIndex(d.endOfLife),
          ramp: t.index(d.rampTime),
        },
        dpw: 0,
      });
    });
    this.weights = new Float64Array(this.designs.length);
    this.nodeWeight = new Float64Array(ctx.nodeIds.length);
    this.cumulativeWafers = new Float64Array(ctx.nodeIds.length);
    this.nodeIdx = ctx.nodeIds.map((id) => {
      const node = tree.nodes[id];
      if (!node) throw new Error(`node ${id} missing`);
      return {
        d0: t.index(node.d0AtStart),
        floor: t.index(node.d0Floor),
        learning: t.index(node.learningWafers),
        extra: t.index(node.extraCriticalLayers),
        parametric: t.index(node.parametricYield),
      };
    });
    this.alpha = t.index(tree.yield.clustering);
    this.perLayer = t.index(tree.yield.perLayerYield);
    this.diameter = t.index(tree.yield.waferDiameter);
    this.edge = t.index(tree.yield.edgeExclusion);
    const o = ctx.observables;
    this.obsDies = Int32Array.from(this.designs, (d) =>
      o.register(`dies.${ctx.designIds[d.design]}`, "flow", "die", `Good compute dies of ${ctx.designIds[d.design]} made in China.`),
    );
    this.obsCandidates = Int32Array.from(this.designs, (d) =>
      o.register(`candidates.${ctx.designIds[d.design]}`, "flow", "die", `Candidate dies of ${ctx.designIds[d.design]} on the wafers it was given.`),
    );
  }

  reset(w: World): void {
    this.cumulativeWafers.fill(0);
    w.goodDies.fill(0);
    for (const d of this.designs) {
      harvestCoefficients(w.p(d.i.cores), w.p(d.i.required), d.coefficients);
      d.dpw = diesPerWafer(w.p(d.i.area), w.p(this.diameter), w.p(this.edge));
    }
  }

  step(w: World): void {
    const q = w.q;
    this.nodeWeight.fill(0);
    for (let k = 0; k < this.designs.length; k++) {
      const d = this.designs[k] as DieDesign;
      const end = d.i.end < 0 ? Infinity : w.p(d.i.end);
      const weight = w.p(d.i.share) * shippingWeight(q, w.p(d.i.launch), end, w.p(d.i.ramp));
      this.weights[k] = weight;
      this.nodeWeight[d.node] = (this.nodeWeight[d.node] as number) + weight;
    }
    const alpha = w.p(this.alpha);
    for (let k = 0; k < this.designs.length; k++) {
      const d = this.designs[k] as DieDesign;
      const n = d.node;
      const nodeWeight = this.nodeWeight[n] as number;
      const wafers = nodeWeight > 0 ? ((w.nodeAiWafers[n] as number) * (this.weights[k] as number)) / nodeWeight : 0;
      const candidates = wafers * d.dpw;
      let good = 0;
      if (candidates > 0) {
        const ni = this.nodeIdx[n] as (typeof this.nodeIdx)[number];
        const d0 = learnedDefectDensity(w.p(ni.d0), w.p(ni.floor), this.cumulativeWafers[n] as number, w.p(ni.learning));
        const areaCm2 = w.p(d.i.area) / 100;
        const random = harvestedYield(d.coefficients, w.p(d.i.cores), w.p(d.i.required), areaCm2, w.p(d.i.coreFraction), d0, alpha);
        const patterning = multiPatterningFactor(w.p(this.perLayer), w.p(ni.extra), w.nodeEuvFraction[n] as number);
        good = candidates * random * patterning * w.p(ni.parametric);
      }
      w.goodDies[d.design] = good;
      w.obs[this.obsDies[k] as number] = good;
      w.obs[this.obsCandidates[k] as number] = candidates;
    }
    // Learning counts the wafers of the quarter just made, for the next one.
    for (let n = 0; n < this.cumulativeWafers.length; n++) {
      this.cumulativeWafers[n] = (this.cumulativeWafers[n] as number) + (w.nodeWafers[n] as number);
    }
  }
}
