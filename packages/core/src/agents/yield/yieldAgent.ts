import type { Agent } from "../../model/agent.js";
import type { BuildContext } from "../../model/buildContext.js";
import { DelayLine } from "../../model/delayLine.js";
import { waterFill } from "../../model/waterFill.js";
import type { World } from "../../model/world.js";
import { shippingWeights } from "../../model/shipping.js";
import { coreAreaOf, harvestAreas, harvestCoefficients, harvestedYieldOfTerms, harvestMoments, HARVEST_MOMENTS, MAX_SPARE_CORES } from "./coreHarvesting.js";
import { learnedDefectDensity, multiPatterningFactor } from "../../model/defectYield.js";
import { diesPerWafer } from "../../model/diesPerWafer.js";
import { registerYieldObservables } from "./yieldObservables.js";

/** Room for the C - K + 1 harvesting terms of one design. */
const TERMS = MAX_SPARE_CORES + 1;

/**
 * Yield: turns each node's AI wafers into good dies. The wafers go to the
 * designs whose plans asked for them (world.waferRequest), if short by
 * water-filling on each design's bid: waferShare (contract and state
 * backing) x what a wafer started now sells for x shipping weight; each wafer holds dies-per-wafer candidates (R1); a candidate
 * is good with the harvested negative-binomial yield at the node's learned
 * defect density (R2, R4), times the multi-patterning penalty for wafers
 * patterned without EUV (R3) and the parametric yield, all as they stand
 * when the wafer starts. Defect density learns from the node's cumulative
 * wafers. The dies come out of the fab one cycle time later (DelayLine);
 * the line is primed with 2024Q1's starts, since the fabs ran through
 * 2023. Touches: world.goodDies, diesInFab, goodDiesPerWafer.
 *
 * Steps every quarter of every run, so the parameters it reads are copied
 * into flat arrays in `reset`, together with everything that depends on
 * them alone (dies per wafer, harvesting coefficients, their moments and
 * areas); the defect density and patterning penalty are computed once per
 * node and quarter.
 */
export class YieldAgent implements Agent {
  readonly name = "yield";
  // Domestic designs k = 0 .. designs-1: their world index, node and parameter indices.
  private readonly designOf: Int32Array;
  private readonly nodeOf: Int32Array;
  private readonly pArea: Int32Array;
  private readonly pCores: Int32Array;
  private readonly pRequired: Int32Array;
  private readonly pCoreFraction: Int32Array;
  private readonly pShare: Int32Array;
  private readonly pPrice: Int32Array;
  private readonly pDiesPerPackage: Int32Array;
  private readonly pLaunch: Int32Array;
  private readonly pEnd: Int32Array;
  private readonly pRamp: Int32Array;
  // This run's values per design.
  private readonly share: Float64Array;
  /** What a good die sells for: the design's price over its dies per package. */
  private readonly valuePerDie: Float64Array;
  private readonly launch: Float64Array;
  private readonly end: Float64Array;
  private readonly ramp: Float64Array;
  private readonly dpw: Float64Array;
  private readonly terms: Int32Array;
  /** Harvesting coefficients and areas, TERMS per design; the coefficients' moments, HARVEST_MOMENTS per design; the area of a core. */
  private readonly coefficients: Float64Array;
  private readonly areas: Float64Array;
  private readonly moments: Float64Array;
  private readonly coreArea: Float64Array;
  private readonly coefficientScratch: Float64Array;
  /** The cores and required cores the coefficients were computed for (usually fixed across runs). */
  private readonly coefficientCores: Float64Array;
  private readonly coefficientRequired: Float64Array;
  private readonly areaScratch: Float64Array;
  // Per node: parameter indices, this run's values, this quarter's figures.
  private readonly pD0: Int32Array;
  private readonly pFloor: Int32Array;
  private readonly pLearning: Int32Array;
  private readonly pExtra: Int32Array;
  private readonly pParametric: Int32Array;
  private readonly d0Start: Float64Array;
  private readonly d0Floor: Float64Array;
  private readonly learning: Float64Array;
  private readonly extra: Float64Array;
  private readonly parametric: Float64Array;
  private readonly nodeD0: Float64Array;
  private readonly nodePatterning: Float64Array;
  private readonly weights: Float64Array;
  private readonly cumulativeWafers: Float64Array;
  /** Per node: its cycle-time parameter (-1: none) and this run's value; per design, its node's (how far ahead its wafers start). */
  private readonly pCycle: Int32Array;
  private readonly cycle: Float64Array;
  private readonly lead: Float64Array;
  /** Per design: good dies and candidates in the fab, this quarter's wafers, priority, request and scratch. */
  private readonly goodLine: DelayLine[];
  private readonly candidateLine: DelayLine[];
  private readonly wafers: Float64Array;
  private readonly cap: Float64Array;
  /** The designs made on each node: nodeMembers[n] holds nodeCount[n] of them. */
  private readonly nodeMembers: Int32Array[];
  private readonly nodeCount: Int32Array;
  private readonly open: Uint8Array;
  private readonly pAlpha: number;
  private readonly pPerLayer: number;
  private readonly pDiameter: number;
  private readonly pEdge: number;
  private alpha = 1;
  private perLayer = 1;
  private readonly outputs: ReturnType<typeof registerYieldObservables>;

  constructor(ctx: BuildContext) {
    const { tree } = ctx.scenario;
    const t = ctx.table;
    const domestic = ctx.designIds.flatMap((_id, design) => {
      const d = ctx.domesticDesign(design);
      return d ? [{ design, d }] : [];
    });
    const n = domestic.length;
    this.designOf = Int32Array.from(domestic, (x) => x.design);
    this.nodeOf = Int32Array.from(domestic, (x) => ctx.nodeIndex(x.d.node));
    this.pArea = Int32Array.from(domestic, (x) => t.index(x.d.dieArea));
    this.pCores = Int32Array.from(domestic, (x) => t.index(x.d.cores));
    this.pRequired = Int32Array.from(domestic, (x) => t.index(x.d.coresRequired));
    this.pCoreFraction = Int32Array.from(domestic, (x) => t.index(x.d.coreAreaFraction));
    this.pShare = Int32Array.from(domestic, (x) => t.index(x.d.waferShare));
    this.pPrice = Int32Array.from(domestic, (x) => t.index(x.d.price));
    this.pDiesPerPackage = Int32Array.from(domestic, (x) => t.index(x.d.diesPerPackage));
    this.pLaunch = Int32Array.from(domestic, (x) => t.index(x.d.launch));
    this.pEnd = Int32Array.from(domestic, (x) => t.optionalIndex(x.d.endOfLife));
    this.pRamp = Int32Array.from(domestic, (x) => t.index(x.d.rampTime));
    this.share = new Float64Array(n);
    this.valuePerDie = new Float64Array(n);
    this.launch = new Float64Array(n);
    this.end = new Float64Array(n);
    this.ramp = new Float64Array(n);
    this.dpw = new Float64Array(n);
    this.terms = new Int32Array(n);
    this.coefficients = new Float64Array(n * TERMS);
    this.areas = new Float64Array(n * TERMS);
    this.moments = new Float64Array(n * HARVEST_MOMENTS);
    this.coreArea = new Float64Array(n);
    this.coefficientScratch = new Float64Array(TERMS);
    this.coefficientCores = new Float64Array(n).fill(NaN);
    this.coefficientRequired = new Float64Array(n).fill(NaN);
    this.areaScratch = new Float64Array(TERMS);
    this.weights = new Float64Array(n);
    const nodes = ctx.nodeIds.map((id) => {
      const node = tree.nodes[id];
      if (!node) throw new Error(`node ${id} missing`);
      return node;
    });
    const nodeCount = nodes.length;
    this.pD0 = Int32Array.from(nodes, (node) => t.index(node.d0AtStart));
    this.pFloor = Int32Array.from(nodes, (node) => t.index(node.d0Floor));
    this.pLearning = Int32Array.from(nodes, (node) => t.index(node.learningWafers));
    this.pExtra = Int32Array.from(nodes, (node) => t.index(node.extraCriticalLayers));
    this.pParametric = Int32Array.from(nodes, (node) => t.index(node.parametricYield));
    this.d0Start = new Float64Array(nodeCount);
    this.d0Floor = new Float64Array(nodeCount);
    this.learning = new Float64Array(nodeCount);
    this.extra = new Float64Array(nodeCount);
    this.parametric = new Float64Array(nodeCount);
    this.nodeD0 = new Float64Array(nodeCount);
    this.nodePatterning = new Float64Array(nodeCount);
    this.cumulativeWafers = new Float64Array(nodeCount);
    this.nodeMembers = nodes.map((_node, m) => Int32Array.from(Array.from(this.nodeOf).flatMap((node, k) => (node === m ? [k] : []))));
    this.nodeCount = Int32Array.from(this.nodeMembers, (list) => list.length);
    this.pCycle = Int32Array.from(nodes, (node) => t.optionalIndex(node.cycleTime));
    this.cycle = new Float64Array(nodeCount);
    this.lead = new Float64Array(n);
    this.goodLine = domestic.map(() => new DelayLine(ctx.quarters));
    this.candidateLine = domestic.map(() => new DelayLine(ctx.quarters));
    this.wafers = new Float64Array(n);
    this.cap = new Float64Array(n);
    this.open = new Uint8Array(n);
    this.pAlpha = t.index(tree.yield.clustering);
    this.pPerLayer = t.index(tree.yield.perLayerYield);
    this.pDiameter = t.index(tree.yield.waferDiameter);
    this.pEdge = t.index(tree.yield.edgeExclusion);
    this.outputs = registerYieldObservables(ctx, this.designOf);
  }

  reset(w: World): void {
    const p = w.params;
    this.cumulativeWafers.fill(0);
    w.goodDies.fill(0);
    w.diesInFab.fill(0);
    w.goodDiesPerWafer.fill(0);
    for (let k = 0; k < this.goodLine.length; k++) {
      (this.goodLine[k] as DelayLine).reset();
      (this.candidateLine[k] as DelayLine).reset();
    }
    this.alpha = p[this.pAlpha] as number;
    this.perLayer = p[this.pPerLayer] as number;
    const diameter = p[this.pDiameter] as number;
    const edge = p[this.pEdge] as number;
    for (let k = 0; k < this.designOf.length; k++) {
      const area = p[this.pArea[k] as number] as number;
      const cores = p[this.pCores[k] as number] as number;
      const required = p[this.pRequired[k] as number] as number;
      this.share[k] = p[this.pShare[k] as number] as number;
      this.valuePerDie[k] = (p[this.pPrice[k] as number] as number) / (p[this.pDiesPerPackage[k] as number] as number);
      this.launch[k] = p[this.pLaunch[k] as number] as number;
      const end = this.pEnd[k] as number;
      this.end[k] = end < 0 ? Infinity : (p[end] as number);
      this.ramp[k] = p[this.pRamp[k] as number] as number;
      this.dpw[k] = diesPerWafer(area, diameter, edge);
      // The harvesting terms, with the area in cm^2.
      const terms = cores - required + 1;
      this.terms[k] = terms;
      // The coefficients depend on C and K alone: recomputed only when a run draws other values.
      if (cores !== this.coefficientCores[k] || required !== this.coefficientRequired[k]) {
        harvestCoefficients(cores, required, this.coefficientScratch);
        this.coefficients.set(this.coefficientScratch, k * TERMS);
        harvestMoments(this.coefficients, k * TERMS, terms, this.moments, k * HARVEST_MOMENTS);
        this.coefficientCores[k] = cores;
        this.coefficientRequired[k] = required;
      }
      const coreFraction = p[this.pCoreFraction[k] as number] as number;
      harvestAreas(cores, required, area / 100, coreFraction, this.areaScratch);
      this.coreArea[k] = coreAreaOf(area / 100, coreFraction, cores);
      this.areas.set(this.areaScratch, k * TERMS);
    }
    for (let n = 0; n < this.d0Start.length; n++) {
      this.d0Start[n] = p[this.pD0[n] as number] as number;
      this.d0Floor[n] = p[this.pFloor[n] as number] as number;
      this.learning[n] = p[this.pLearning[n] as number] as number;
      this.extra[n] = p[this.pExtra[n] as number] as number;
      this.parametric[n] = p[this.pParametric[n] as number] as number;
      const cycle = this.pCycle[n] as number;
      this.cycle[n] = cycle < 0 ? 0 : (p[cycle] as number);
    }
    for (let k = 0; k < this.lead.length; k++) this.lead[k] = this.cycle[this.nodeOf[k] as number] as number;
  }

  /*
   * In two parts, each too large for V8 to inline into the step, so each is
   * optimised on its own with room to inline the small functions it calls
   * (a number passed to or returned from a call not inlined is boxed).
   */
  step(w: World): void {
    this.yields(w);
    this.startWafers(w);
  }

  /** Each node's defect density and patterning factor, and the good dies a wafer started now gives each design (world.goodDiesPerWafer). */
  private yields(w: World): void {
    const { designOf, nodeOf, dpw, terms, coefficients, areas, moments, coreArea, nodeD0, nodePatterning, parametric, nodeCount, cumulativeWafers } = this;
    for (let n = 0; n < nodeCount.length; n++) {
      if (!nodeCount[n]) continue;
      nodeD0[n] = learnedDefectDensity(this.d0Start[n] as number, this.d0Floor[n] as number, cumulativeWafers[n] as number, this.learning[n] as number);
      nodePatterning[n] = multiPatterningFactor(this.perLayer, this.extra[n] as number, w.nodeEuvFraction[n] as number);
    }
    const perWafer = w.goodDiesPerWafer;
    const alpha = this.alpha;
    for (let k = 0; k < designOf.length; k++) {
      const n = nodeOf[k] as number;
      const random = harvestedYieldOfTerms(coefficients, moments, areas, k * TERMS, k * HARVEST_MOMENTS, terms[k] as number, coreArea[k] as number, nodeD0[n] as number, alpha);
      perWafer[designOf[k] as number] = (dpw[k] as number) * random * (nodePatterning[n] as number) * (parametric[n] as number);
    }
  }

  /** Each node's AI wafers to the designs that asked (by priority if short); what comes out a cycle time after its start. */
  private startWafers(w: World): void {
    const q = w.q;
    const { designOf, share, launch, end, ramp, weights, wafers, cap, open, nodeMembers, nodeCount } = this;
    const { dpw, goodLine, candidateLine, cumulativeWafers } = this;
    const { dies: obsDies, candidates: obsCandidates } = this.outputs;
    const { goodDies, obs, goodDiesPerWafer, diesInFab } = w;
    shippingWeights(q, 0, this.lead, launch, end, ramp, weights);
    for (let k = 0; k < designOf.length; k++) {
      // A design's bid: its priority x what a wafer started now sells for (good dies x price per die) x its shipping weight.
      weights[k] = (share[k] as number) * (goodDiesPerWafer[designOf[k] as number] as number) * (this.valuePerDie[k] as number) * (weights[k] as number);
      cap[k] = w.waferRequest[designOf[k] as number] as number;
    }
    for (let n = 0; n < nodeCount.length; n++) {
      if (!nodeCount[n]) continue;
      waterFill(w.nodeAiWafers, n, weights, cap, wafers, open, nodeMembers[n] as Int32Array, nodeCount[n] as number);
    }
    let inFab = 0;
    for (let k = 0; k < designOf.length; k++) {
      const d = designOf[k] as number;
      const started = wafers[k] as number;
      const delay = this.lead[k] as number;
      const good = goodLine[k] as DelayLine;
      const candidates = candidateLine[k] as DelayLine;
      // Wafers started in 2023 come out as 2024Q1's would: in 2024Q1 the line is filled as DelayLine.prime
      // would, through the call every quarter makes, which V8 inlines (a rare call would box the numbers).
      for (let at = q === 0 ? -Math.ceil(delay) - 1 : q; at <= q; at++) {
        good.put(at, started * (goodDiesPerWafer[d] as number), delay);
        candidates.put(at, started * (dpw[k] as number), delay);
      }
      goodDies[d] = good.take(q);
      diesInFab[d] = good.pending;
      obs[obsDies[k] as number] = goodDies[d] as number;
      obs[obsCandidates[k] as number] = candidates.take(q);
      inFab += diesInFab[d] as number;
    }
    obs[this.outputs.inFab] = inFab;
    // Learning counts the wafers of the quarter just made, for the next one.
    for (let n = 0; n < cumulativeWafers.length; n++) {
      cumulativeWafers[n] = (cumulativeWafers[n] as number) + (w.nodeWafers[n] as number);
    }
  }
}
