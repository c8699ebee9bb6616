import { describe, expect, it } from "vitest";
import { diesPerWafer } from "../../model/diesPerWafer.js";
import { DomesticHbm, type DomesticHbmSetup } from "./domesticHbm.js";
import { stackYieldAt, stacksPerWafer } from "./hbmYield.js";

/**
 * Domestic HBM from DRAM wafers, driven directly: the parameters are a
 * plain array, the fabs' wafers are given per node, and every expected
 * value is worked out beside it.
 */
interface GenerationSpec {
  readonly rank: number;
  readonly node: number;
  readonly start: number;
  readonly yieldStart?: number;
  readonly yieldMature?: number;
  readonly gain?: number;
}

interface Spec {
  readonly nodes: readonly number[];
  readonly generations: readonly GenerationSpec[];
  readonly delay?: number;
  readonly d0?: number;
  readonly d0Floor?: number;
  readonly learningWafers?: number;
  readonly perLayer?: number;
  readonly extraLayers?: number;
}

/** Core dies of 100 mm2 (640.2 per 300 mm wafer), alpha 2, 8-high stacks, a stack yield of 0.8 unless given. */
function build(spec: Spec): DomesticHbm {
  const values: number[] = [];
  const at = (v: number) => values.push(v) - 1;
  const d0 = spec.d0 ?? 0.5;
  const setup: DomesticHbmSetup = {
    quarters: 12,
    nodes: spec.nodes.map((node) => ({
      node,
      pD0: at(d0),
      pFloor: at(spec.d0Floor ?? d0),
      pLearning: at(spec.learningWafers ?? 1),
      pExtra: at(spec.extraLayers ?? 0),
      pParametric: at(1),
    })),
    generations: spec.generations.map((g, pool) => ({
      pool,
      rank: g.rank,
      node: g.node,
      pStart: at(g.start),
      pArea: at(100),
      pHeight: at(8),
      pYieldStart: at(g.yieldStart ?? 0.8),
      pYieldMature: at(g.yieldMature ?? 0.8),
      pGain: at(g.gain ?? 0),
    })),
    pDelay: at(spec.delay ?? 0),
    pTransition: at(0),
    pAlpha: at(2),
    pPerLayer: at(spec.perLayer ?? 1),
    pDiameter: at(300),
    pEdge: at(0),
  };
  const hbm = new DomesticHbm(setup);
  hbm.reset(Float64Array.from(values));
  return hbm;
}

/** DPW of a 100 mm2 die on a 300 mm wafer (R1): pi 300^2 / 400 - pi 300 / sqrt(200) = 706.858 - 66.643. */
const DPW = 640.215102985328;
/** Negative-binomial yield of a 1 cm2 die at 0.5 defects/cm2, alpha 2: (1 + 0.25)^-2. */
const DIE_YIELD = 0.64;
/** Good 8-high stacks per wafer at that die yield and a stack yield of 0.8: 640.215 x 0.64 x 0.8 / 8 = 40.974. */
const PER_WAFER = (DPW * DIE_YIELD * 0.8) / 8;

/** Steps quarters `from`..`to`, each with the wafers `wafersOf(q)` gives per node, and returns what each pool received. */
function run(hbm: DomesticHbm, pools: number, nodes: number, from: number, to: number, wafersOf: (q: number) => number[], euv = 0): number[][] {
  const received: number[][] = [];
  for (let q = from; q <= to; q++) {
    const wafers = Float64Array.from(wafersOf(q));
    const pool = new Float64Array(pools);
    hbm.step(q, wafers, wafers, new Float64Array(nodes).fill(euv), pool);
    received.push(Array.from(pool));
  }
  return received;
}

describe("HBM stacks per DRAM wafer (R8)", () => {
  it("is gross core dies x die yield x stack yield / dies per stack, and matches row 117", () => {
    expect(diesPerWafer(100, 300, 0)).toBeCloseTo(DPW, 9);
    expect(stacksPerWafer(DPW, DIE_YIELD, 0.8, 8)).toBeCloseTo(40.9738, 4);
    // CALIBRATION.md row 117, CXMT 8-high, central: row 113's 640 dies of 100 mm2, row 114's 55% die
    // yield and a 75% stack yield: 640.215 x 0.55 x 0.75 / 8 = 33.01 (the row says 33).
    expect(stacksPerWafer(diesPerWafer(100, 300, 0), 0.55, 0.75, 8)).toBeCloseTo(33.01, 2);
    // Low end: 528 dies of 120 mm2 x 0.45 x 0.60 / 8 = 17.8 (row 117: 16); twelve-high halves it again and more.
    expect(stacksPerWafer(diesPerWafer(120, 300, 0), 0.45, 0.6, 8)).toBeCloseTo(17.83, 2);
    expect(stacksPerWafer(DPW, 0.55, 0.75, 12)).toBeCloseTo(22.01, 2);
  });

  it("turns the quarter's wafers into stacks and counts the core dies they used", () => {
    const hbm = build({ nodes: [0], generations: [{ rank: 0, node: 0, start: -10 }] });
    const [received] = run(hbm, 1, 1, 0, 0, () => [1000]);
    expect(received?.[0]).toBeCloseTo(1000 * PER_WAFER, 6);
    expect(hbm.wafers).toBe(1000);
    expect(hbm.stacks / hbm.wafers).toBeCloseTo(PER_WAFER, 10);
    expect(hbm.candidates[0]).toBeCloseTo(1000 * DPW, 6);
    // HBM yield = die yield x stack yield = 0.64 x 0.8.
    expect((hbm.goodDies[0] as number) / (hbm.candidates[0] as number)).toBeCloseTo(0.512, 12);
  });

  it("learns die yield from the node's cumulative wafers and loses the multi-patterning penalty where EUV prints", () => {
    // D0 1.0 falling to 0.2 over 1,000 wafers; 5 extra patterning layers at 0.99 each.
    const spec = { nodes: [0], generations: [{ rank: 0, node: 0, start: -10, yieldStart: 1, yieldMature: 1 }], d0: 1, d0Floor: 0.2, learningWafers: 1000, perLayer: 0.99, extraLayers: 5 };
    const hbm = build(spec);
    const yieldOf = () => (hbm.goodDies[0] as number) / (hbm.candidates[0] as number);
    run(hbm, 1, 1, 0, 0, () => [1000]);
    // Quarter 0: D0 = 1.0: (1 + 0.5)^-2 = 0.44444, times 0.99^5 = 0.95099.
    expect(yieldOf()).toBeCloseTo(0.444444444 * 0.95099005, 8);
    run(hbm, 1, 1, 1, 1, () => [1000]);
    // Quarter 1, after 1,000 wafers: D0 = 0.2 + 0.8 e^-1 = 0.4943036; (1 + 0.2471518)^-2 = 0.6429266.
    expect(yieldOf()).toBeCloseTo(0.6429266 * 0.95099005, 7);
    // The same wafers with EUV on every wafer's critical layers: no penalty.
    const withEuv = build(spec);
    run(withEuv, 1, 1, 0, 0, () => [1000], 1);
    expect((withEuv.goodDies[0] as number) / (withEuv.candidates[0] as number)).toBeCloseTo(0.444444444, 8);
  });
});

describe("stack yield learning", () => {
  it("rises by its points a year from the generation's start to its mature value", () => {
    expect(stackYieldAt(0, 0.4, 0.85, 0.2)).toBe(0.4);
    expect(stackYieldAt(1.5, 0.4, 0.85, 0.2)).toBeCloseTo(0.7, 12);
    expect(stackYieldAt(3, 0.4, 0.85, 0.2)).toBe(0.85);
    expect(stackYieldAt(-1, 0.4, 0.85, 0.2)).toBe(0.4);
    // Starting above its mature value, it stays where it starts.
    expect(stackYieldAt(2, 0.9, 0.85, 0.2)).toBe(0.9);
  });

  it("learns per generation: a new generation starts low again while the old one has matured", () => {
    // hbm2 from -10 (0.6 rising 0.2 a year to 0.9); hbm3 from quarter 4 (0.4 rising 0.2 a year to 0.85).
    const hbm = build({
      nodes: [0],
      generations: [
        { rank: 0, node: 0, start: -10, yieldStart: 0.6, yieldMature: 0.9, gain: 0.2 },
        { rank: 2, node: 0, start: 4, yieldStart: 0.4, yieldMature: 0.85, gain: 0.2 },
      ],
    });
    const stackYield = (g: number) => (hbm.goodDies[g] as number) / (hbm.candidates[g] as number) / DIE_YIELD;
    run(hbm, 2, 1, 0, 3, () => [1000]);
    // Quarter 3 (mid 3.5): hbm2 is 13.5 quarters = 3.375 years old: 0.6 + 0.675, capped at 0.9; hbm3 makes nothing yet.
    expect(stackYield(0)).toBeCloseTo(0.9, 12);
    expect(hbm.candidates[1]).toBe(0);
    run(hbm, 2, 1, 4, 4, () => [1000]);
    // Quarter 4 (mid 4.5): hbm3 takes the wafers, an eighth of a year old: 0.4 + 0.025.
    expect(hbm.candidates[0]).toBe(0);
    expect(stackYield(1)).toBeCloseTo(0.425, 12);
    run(hbm, 2, 1, 5, 8, () => [1000]);
    // Quarter 8 (mid 8.5): 1.125 years: 0.4 + 0.225.
    expect(stackYield(1)).toBeCloseTo(0.625, 12);
  });
});

describe("HBM generations and their DRAM nodes", () => {
  // Node 0: the 16nm-class node HBM3 needs; node 1: the 1-beta-class node HBM3E needs.
  const generations = (hbm3eStart: number) => [
    { rank: 2, node: 0, start: -10 },
    { rank: 3, node: 1, start: hbm3eStart },
  ];

  it("makes a generation only once its node has wafers, however early its start date", () => {
    const hbm = build({ nodes: [0, 1], generations: generations(0) });
    // Node 1 has no wafers in quarters 0-1 and 500 a quarter from quarter 2; node 0 has 1,000 throughout.
    const received = run(hbm, 2, 2, 0, 3, (q) => [1000, q < 2 ? 0 : 500]);
    expect(received.map((r) => r[1])).toEqual([0, 0, expect.closeTo(500 * PER_WAFER, 6), expect.closeTo(500 * PER_WAFER, 6)]);
    // The older node never makes HBM3E: its wafers all go to HBM3.
    for (const r of received) expect(r[0]).toBeCloseTo(1000 * PER_WAFER, 6);
  });

  it("lets a newer node make the older generation until its own one starts", () => {
    // HBM3E starts in quarter 10: node 1's wafers make HBM3 meanwhile.
    const hbm = build({ nodes: [0, 1], generations: generations(10) });
    const received = run(hbm, 2, 2, 2, 2, () => [1000, 500]);
    expect(received[0]?.[0]).toBeCloseTo(1500 * PER_WAFER, 6);
    expect(received[0]?.[1]).toBe(0);
  });
});

describe("DRAM wafer start to stack", () => {
  it("delivers stacks the wafer-to-stack time after the wafers start, starting full at the 2024Q1 rate", () => {
    // 1.5 quarters; 1,000 wafers a quarter, then 2,000 from quarter 2. S = stacks of 1,000 wafers.
    const hbm = build({ nodes: [0], generations: [{ rank: 0, node: 0, start: -10 }], delay: 1.5 });
    const out = run(hbm, 1, 1, 0, 4, (q) => [q < 2 ? 1000 : 2000]).map((r) => (r[0] as number) / (1000 * PER_WAFER));
    // Primed with quarter 0's rate, so S leaves in quarters 0 and 1 (half from each of the two quarters before);
    // quarter 2: halves of quarters 0 and 1 (S); quarter 3: half of quarter 1 and half of quarter 2's 2S (1.5 S);
    // quarter 4: halves of quarters 2 and 3 (2 S).
    expect(out.map((x) => Number(x.toFixed(12)))).toEqual([1, 1, 1, 1.5, 2]);
  });

  it("has nothing to prime with when no generation makes anything in 2024Q1", () => {
    // HBM2 starts at quarter 1: the first stacks leave 1.5 quarters after it, half in quarter 2.
    const hbm = build({ nodes: [0], generations: [{ rank: 0, node: 0, start: 1 }], delay: 1.5 });
    const out = run(hbm, 1, 1, 0, 3, () => [1000]).map((r) => (r[0] as number) / (1000 * PER_WAFER));
    expect(out.map((x) => Number(x.toFixed(12)))).toEqual([0, 0, 0.5, 1]);
  });
});
