import { DelayLine } from "../../model/delayLine.js";
import { ramp } from "../../model/capacity/ramp.js";
import { learnedDefectDensity, multiPatterningFactor, negativeBinomialYield } from "../../model/defectYield.js";
import { diesPerWafer } from "../../model/diesPerWafer.js";
import { stackYieldAt, stacksPerWafer } from "./hbmYield.js";

/** A DRAM node whose wafers make HBM: its index among the world's nodes and its parameters' indices. */
export interface DramNodeSetup {
  readonly node: number;
  readonly pD0: number;
  readonly pFloor: number;
  readonly pLearning: number;
  readonly pExtra: number;
  readonly pParametric: number;
}

/** A domestic generation: its pool, its rank among generations, the world index of the node it needs, and its parameters' indices. */
export interface GenerationSetup {
  readonly pool: number;
  readonly rank: number;
  readonly node: number;
  readonly pStart: number;
  readonly pArea: number;
  readonly pHeight: number;
  readonly pYieldStart: number;
  readonly pYieldMature: number;
  readonly pGain: number;
}

export interface DomesticHbmSetup {
  readonly quarters: number;
  readonly nodes: readonly DramNodeSetup[];
  readonly generations: readonly GenerationSetup[];
  readonly pDelay: number;
  readonly pTransition: number;
  readonly pAlpha: number;
  readonly pPerLayer: number;
  readonly pDiameter: number;
  readonly pEdge: number;
}

/**
 * Domestic HBM from DRAM wafers. Each DRAM node's HBM wafers go to the
 * newest generation that has started among those it can make: a
 * generation is made on the node it needs or on a DRAM node opened for a
 * newer generation, never on an older one (so HBM3E waits for the node it
 * needs to have wafers), and output moves to each newer generation as it
 * ramps in over the transition time. A wafer gives good stacks by R8: gross
 * core dies (R1) x die yield (negative binomial at the node's learned
 * defect density, R2 and R4, with the node's multi-patterning penalty and
 * parametric yield) x the generation's stack yield (learning from its
 * start) / dies per stack. Stacks leave the line the wafer-to-stack time
 * after the wafer started; the line starts full at the 2024Q1 rate.
 *
 * Parameters are read by index from the run's parameter values, so the
 * mechanism can be driven without a compiled model.
 */
export class DomesticHbm {
  private readonly setup: DomesticHbmSetup;
  // Pairs (node slot, generation) a node can make, by node then generation rank; 1 where the next pair is of the same node.
  private readonly pairSlot: Int32Array;
  private readonly pairGeneration: Int32Array;
  private readonly pairHasNewer: Uint8Array;
  /** Per pair, this quarter: the share of the node's wafers that has moved to the pair's generation or a newer one. */
  private readonly reach: Float64Array;
  /** World index of each node slot, and pool of each generation. */
  private readonly slotNode: Int32Array;
  private readonly generationPool: Int32Array;
  private readonly lines: DelayLine[];
  // Per node slot: this run's values and the wafers it has made so far (its learning).
  private readonly d0Start: Float64Array;
  private readonly d0Floor: Float64Array;
  private readonly learning: Float64Array;
  private readonly extra: Float64Array;
  private readonly parametric: Float64Array;
  private readonly cumulative: Float64Array;
  // Per generation: this run's values.
  private readonly start: Float64Array;
  private readonly areaCm2: Float64Array;
  private readonly dpw: Float64Array;
  private readonly height: Float64Array;
  private readonly yieldStart: Float64Array;
  private readonly yieldMature: Float64Array;
  private readonly gain: Float64Array;
  private alpha = 1;
  private perLayer = 1;
  private delay = 0;
  private transition = 0;
  /** This quarter, per generation: good stacks from the wafers started, candidate dies, good dies stacked well, stacks finished. */
  readonly started: Float64Array;
  readonly candidates: Float64Array;
  readonly goodDies: Float64Array;
  readonly finished: Float64Array;
  /** This quarter: DRAM wafers started for HBM, and the good stacks they will give. */
  wafers = 0;
  stacks = 0;

  constructor(setup: DomesticHbmSetup) {
    this.setup = setup;
    const slots = setup.nodes.length;
    const count = setup.generations.length;
    const slotOf = (node: number) => setup.nodes.findIndex((n) => n.node === node);
    if (setup.generations.some((g) => slotOf(g.node) < 0)) throw new Error("a generation needs a node not among the DRAM nodes");
    // A node's rank is the rank of the oldest generation that needs it; it can make generations of nodes ranked at or below it.
    // A node no generation needs makes none (rank Infinity; no generation ranks above it).
    const nodeRank = setup.nodes.map((n) => Math.min(Infinity, ...setup.generations.filter((g) => g.node === n.node).map((g) => g.rank)));
    const pairs: { slot: number; generation: number }[] = [];
    for (let s = 0; s < slots; s++) {
      const able = setup.generations
        .map((g, k) => ({ g, k }))
        .filter(({ g }) => (nodeRank[slotOf(g.node)] as number) <= (nodeRank[s] as number) && (nodeRank[s] as number) < Infinity)
        .sort((a, b) => a.g.rank - b.g.rank);
      for (const { k } of able) pairs.push({ slot: s, generation: k });
    }
    this.pairSlot = Int32Array.from(pairs, (p) => p.slot);
    this.pairGeneration = Int32Array.from(pairs, (p) => p.generation);
    this.pairHasNewer = Uint8Array.from(pairs, (p, k) => (pairs[k + 1]?.slot === p.slot ? 1 : 0));
    this.reach = new Float64Array(pairs.length);
    this.slotNode = Int32Array.from(setup.nodes, (n) => n.node);
    this.generationPool = Int32Array.from(setup.generations, (g) => g.pool);
    this.lines = setup.generations.map(() => new DelayLine(setup.quarters));
    this.d0Start = new Float64Array(slots);
    this.d0Floor = new Float64Array(slots);
    this.learning = new Float64Array(slots);
    this.extra = new Float64Array(slots);
    this.parametric = new Float64Array(slots);
    this.cumulative = new Float64Array(slots);
    this.start = new Float64Array(count);
    this.areaCm2 = new Float64Array(count);
    this.dpw = new Float64Array(count);
    this.height = new Float64Array(count);
    this.yieldStart = new Float64Array(count);
    this.yieldMature = new Float64Array(count);
    this.gain = new Float64Array(count);
    this.started = new Float64Array(count);
    this.candidates = new Float64Array(count);
    this.goodDies = new Float64Array(count);
    this.finished = new Float64Array(count);
  }

  reset(p: Float64Array): void {
    const s = this.setup;
    this.alpha = p[s.pAlpha] as number;
    this.perLayer = p[s.pPerLayer] as number;
    this.delay = p[s.pDelay] as number;
    this.transition = p[s.pTransition] as number;
    const diameter = p[s.pDiameter] as number;
    const edge = p[s.pEdge] as number;
    for (let k = 0; k < s.nodes.length; k++) {
      const n = s.nodes[k] as DramNodeSetup;
      this.d0Start[k] = p[n.pD0] as number;
      this.d0Floor[k] = p[n.pFloor] as number;
      this.learning[k] = p[n.pLearning] as number;
      this.extra[k] = p[n.pExtra] as number;
      this.parametric[k] = p[n.pParametric] as number;
    }
    this.cumulative.fill(0);
    for (let k = 0; k < s.generations.length; k++) {
      const g = s.generations[k] as GenerationSetup;
      const area = p[g.pArea] as number;
      this.start[k] = p[g.pStart] as number;
      this.areaCm2[k] = area / 100;
      this.dpw[k] = diesPerWafer(area, diameter, edge);
      this.height[k] = p[g.pHeight] as number;
      this.yieldStart[k] = p[g.pYieldStart] as number;
      this.yieldMature[k] = p[g.pYieldMature] as number;
      this.gain[k] = p[g.pGain] as number;
    }
    for (const line of this.lines) line.reset();
  }

  /**
   * Quarter q: starts this quarter's HBM wafers (`aiWafers` by world node)
   * into stacks, adds the stacks leaving the line to `pool`, and counts
   * the node's wafers (`wafers`) toward its learning for the next quarter.
   */
  step(q: number, wafers: Float64Array, aiWafers: Float64Array, euvFraction: Float64Array, pool: Float64Array): void {
    const { pairSlot, pairGeneration, pairHasNewer, reach, slotNode, generationPool, lines, start, started, candidates, goodDies, finished, cumulative } = this;
    const mid = q + 0.5;
    const transition = this.transition;
    for (let g = 0; g < started.length; g++) {
      started[g] = 0;
      candidates[g] = 0;
      goodDies[g] = 0;
    }
    let total = 0;
    let made = 0;
    for (let s = 0; s < slotNode.length; s++) total += aiWafers[slotNode[s] as number] as number;
    // What has moved to a generation or a newer one: a newer generation that starts early takes over from the older ones too.
    for (let k = pairSlot.length - 1; k >= 0; k--) {
      const moved = ramp(mid, start[pairGeneration[k] as number] as number, transition);
      const newer = pairHasNewer[k] === 1 ? (reach[k + 1] as number) : 0;
      reach[k] = moved > newer ? moved : newer;
    }
    for (let k = 0; k < pairSlot.length; k++) {
      const s = pairSlot[k] as number;
      const g = pairGeneration[k] as number;
      const share = (reach[k] as number) - (pairHasNewer[k] === 1 ? (reach[k + 1] as number) : 0);
      if (!(share > 0)) continue;
      const node = slotNode[s] as number;
      const given = (aiWafers[node] as number) * share;
      if (!(given > 0)) continue;
      const d0 = learnedDefectDensity(this.d0Start[s] as number, this.d0Floor[s] as number, cumulative[s] as number, this.learning[s] as number);
      const dieYield =
        negativeBinomialYield(this.areaCm2[g] as number, d0, this.alpha) *
        multiPatterningFactor(this.perLayer, this.extra[s] as number, euvFraction[node] as number) *
        (this.parametric[s] as number);
      const stackYield = stackYieldAt((mid - (start[g] as number)) / 4, this.yieldStart[g] as number, this.yieldMature[g] as number, this.gain[g] as number);
      const dies = given * (this.dpw[g] as number);
      const stacks = given * stacksPerWafer(this.dpw[g] as number, dieYield, stackYield, this.height[g] as number);
      started[g] = (started[g] as number) + stacks;
      candidates[g] = (candidates[g] as number) + dies;
      goodDies[g] = (goodDies[g] as number) + dies * dieYield * stackYield;
      made += stacks;
    }
    if (q === 0) this.prime();
    const delay = this.delay;
    for (let g = 0; g < started.length; g++) {
      const line = lines[g] as DelayLine;
      line.put(q, started[g] as number, delay);
      const out = line.take(q);
      finished[g] = out;
      const p = generationPool[g] as number;
      pool[p] = (pool[p] as number) + out;
    }
    for (let s = 0; s < slotNode.length; s++) cumulative[s] = (cumulative[s] as number) + (wafers[slotNode[s] as number] as number);
    this.wafers = total;
    this.stacks = made;
  }

  /**
   * Fills each generation's line as if 2024Q1's stacks had started in
   * every quarter before. A call of its own: a number handed to a call V8
   * does not inline is boxed, and in `step` that would happen every quarter.
   */
  private prime(): void {
    for (let g = 0; g < this.started.length; g++) (this.lines[g] as DelayLine).prime(this.started[g] as number, this.delay);
  }
}
