import { compileModel, runMonteCarlo, type AgentName, type CompiledModel, type LeverId, type Override } from "@chipsim/core";
import { beforeEach, describe, expect, it } from "vitest";
import { resolve } from "../helpers/scenario.js";
import { childScenario, tempDir } from "../helpers/tempScenarios.js";

/**
 * The flow from wafer start to deployment, one agent at a time, with hand
 * values: the baseline's agents on a world whose inputs and parameters the
 * test sets (dates and durations in quarters from 2024Q1). Every design
 * but the ones a test names launches far past the horizon, so it takes no
 * share of anything.
 */
let model: CompiledModel;
const w = () => model.world;
const agent = (name: AgentName) => {
  const found = model.agents.find((a) => a.name === name);
  if (!found) throw new Error(`no agent ${name}`);
  return found;
};
const set = (path: string, value: number) => {
  const i = model.table.indexOfPath(path);
  if (i === undefined) throw new Error(`no parameter ${path}`);
  w().params[i] = value;
};
const design = (id: string) => model.context.designIds.indexOf(id);
const pool = (id: string) => model.context.hbmPools.findIndex((p) => p.id === id);
const observable = (id: string) => w().obs[model.observables.indexOf(id) as number] as number;

/** Only these designs ship: launched long ago, at full volume, with no end of life. */
function onlyDesigns(...ids: string[]): void {
  for (const id of model.context.designIds) {
    set(`designs.${id}.launch`, ids.includes(id) ? -10 : 1000);
    if (model.table.indexOfPath(`designs.${id}.endOfLife`) !== undefined) set(`designs.${id}.endOfLife`, 1000);
    if (model.table.indexOfPath(`designs.${id}.rampTime`) !== undefined) set(`designs.${id}.rampTime`, 0);
  }
}

/** 910B and 910C as the tests want them: 1 and 2 dies, 4 and 8 stacks, 30 and 15 packages a wafer, priority and bank allotment 1:2, every package good. */
function ascends(): void {
  onlyDesigns("ascend-910b", "ascend-910c");
  set("designs.ascend-910b.waferShare", 1);
  set("designs.ascend-910c.waferShare", 2);
  set("dieBanks.tsmc-ascend.allotment.ascend-910b", 1);
  set("dieBanks.tsmc-ascend.allotment.ascend-910c", 2);
  set("designs.ascend-910c.hbmStacks", 8);
  set("designs.ascend-910b.packagesPerInterposerWafer", 30);
  set("designs.ascend-910c.packagesPerInterposerWafer", 15);
  set("designs.ascend-910c.packageYield", 1);
  set("packaging.yield", 1);
  set("planning.dieWriteOffPerYear", 0);
  set("dieBanks.tsmc-ascend.inflowPerYearWithoutBan", 0);
}

function quarter(q: number, ...names: AgentName[]): void {
  w().beginQuarter(q);
  for (const name of names) agent(name).step(w());
}

function build(overrides: Override[] = []): void {
  model = compileModel(resolve("baseline", overrides));
  // One run leaves every parameter with a drawn value; the tests then set the ones they read.
  runMonteCarlo(model, { runs: 1, seed: 1 });
  // The world as the run left it, cleared where the tests read it.
  for (const a of [w().lever, w().hbmPool, w().goodDies, w().dieStock, w().bankPart, w().bankDies, w().diesInFab, w().goodDiesPerWafer, w().nodeWafers, w().nodeEuvFraction]) a.fill(0);
}

beforeEach(() => build());

describe("designs: the die bank, priorities and obsolescence", () => {
  it("splits a die bank between the 910B and the 910C by allotment, and books dies and stacks at packaging", () => {
    ascends();
    set("dieBanks.tsmc-ascend.dies", 3000);
    agent("designs").reset(w());
    w().hbmPool[pool("foreign-hbm2e")] = 100_000;
    w().interposerWafers = 1e6;
    quarter(0, "designs");
    // Parts 1:2 of 3,000 dies: 1,000 for the 910B (1,000 packages) and 2,000 for the 910C (1,000 packages).
    const b = design("ascend-910b");
    const c = design("ascend-910c");
    expect(w().supplyUnits[b]).toBeCloseTo(1000, 9);
    expect(w().supplyUnits[c]).toBeCloseTo(1000, 9);
    expect(w().bankDies[0]).toBeCloseTo(0, 9);
    expect(observable("dies.packaged")).toBeCloseTo(3000, 9);
    // Stacks booked when packaged: 1,000 x 4 and 1,000 x 8 from the foreign pool.
    const pools = w().hbmPool.length;
    expect(w().hbmAllocation[b * pools + pool("foreign-hbm2e")]).toBeCloseTo(4000, 9);
    expect(w().hbmAllocation[c * pools + pool("foreign-hbm2e")]).toBeCloseTo(8000, 9);
  });

  it("holds the part of a design not launched yet, and splits arrivals by allotment", () => {
    ascends();
    set("dieBanks.tsmc-ascend.dies", 3000);
    set("dieBanks.tsmc-ascend.allotment.ascend-910b", 0.5);
    // The 910C launches in 2024Q3, at full volume at once; 400 dies a year (100 a quarter) would arrive without the ban.
    set("designs.ascend-910c.launch", 2);
    set("dieBanks.tsmc-ascend.inflowPerYearWithoutBan", 400);
    agent("designs").reset(w());
    const b = design("ascend-910b");
    const c = design("ascend-910c");
    // Allotment 0.5:2: the 910B's part is 600 of the 3,000, the 910C's 2,400.
    expect(w().bankPart[b]).toBeCloseTo(600, 9);
    expect(w().bankPart[c]).toBeCloseTo(2400, 9);
    w().hbmPool[pool("foreign-hbm2e")] = 1e6;
    w().interposerWafers = 1e6;
    // 2024Q1: the 100 arriving split 20:80. The 910B packages its 620; the 910C's 2,480 wait for it.
    quarter(0, "designs");
    expect(w().supplyUnits[b]).toBeCloseTo(620, 9);
    expect(w().supplyUnits[c]).toBe(0);
    expect(w().bankPart[b]).toBeCloseTo(0, 9);
    expect(w().bankDies[0]).toBeCloseTo(2480, 9);
    expect(observable("dies.bankArrivals")).toBeCloseTo(100, 9);
    // 2024Q3: the 910C ships: its 2,480 and two more quarters' 80 make 1,320 packages of two dies; the 910B packaged
    // 2024Q2's 20 then and has this quarter's 20.
    quarter(1, "designs");
    quarter(2, "designs");
    expect(w().supplyUnits[c]).toBeCloseTo(1320, 9);
    expect(w().supplyUnits[b]).toBeCloseTo(20, 9);
    expect(w().bankDies[0]).toBeCloseTo(0, 9);
  });

  it("hands stacks one design cannot use to the other, and names HBM as what binds the one it cut", () => {
    ascends();
    set("dieBanks.tsmc-ascend.dies", 0);
    agent("designs").reset(w());
    const b = design("ascend-910b");
    const c = design("ascend-910c");
    // The 910B holds 200 dies, the 910C 10,000; 4,000 stacks and slots to spare.
    w().goodDies[b] = 200;
    w().goodDies[c] = 10_000;
    w().hbmPool[pool("foreign-hbm2e")] = 4000;
    w().interposerWafers = 1e6;
    quarter(0, "designs");
    // Priority 1:2 offers 1,333 and 2,667 stacks; the 910B needs only 200 x 4 = 800, so the 910C gets 3,200 (400 packages).
    expect(w().supplyUnits[b]).toBeCloseTo(200, 9);
    expect(w().supplyUnits[c]).toBeCloseTo(400, 9);
    expect(w().dieTerm[b]).toBeCloseTo(200, 9);
    expect(w().hbmTerm[c]).toBeCloseTo(400, 9);
    expect(w().dieStock[c]).toBeCloseTo(10_000 - 800, 9);
  });

  it("writes off the dies of a design past its end of life, a bank whose designs are all past theirs, and the yearly share", () => {
    // The baseline's 910C has no end of life: give it one.
    build([{ path: "designs.ascend-910c.endOfLife", value: "2030Q1" }]);
    ascends();
    set("dieBanks.tsmc-ascend.dies", 1000);
    set("designs.ascend-910b.endOfLife", 2);
    set("designs.ascend-910c.endOfLife", 3);
    set("planning.dieWriteOffPerYear", 0.4);
    agent("designs").reset(w());
    const b = design("ascend-910b");
    // No stacks: nothing is packaged, and the dies wait. A tenth of what waited is lost each quarter
    // (0.4 a year, a quarter at a time): 100 of the bank's 1,000 in 2024Q1.
    w().interposerWafers = 1e6;
    w().goodDies[b] = 500;
    quarter(0, "designs");
    expect(w().dieStock[b]).toBe(500);
    expect(observable("dies.writtenOff")).toBeCloseTo(100, 9);
    // 2024Q2: 50 of the 910B's 500 and 90 of the bank's 900.
    w().goodDies[b] = 0;
    quarter(1, "designs");
    expect(observable("dies.writtenOff")).toBeCloseTo(140, 9);
    expect(w().dieStock[b]).toBeCloseTo(450, 9);
    // 2024Q3: the 910B is past its end of life: all its 450 go; the bank loses its tenth (81), and the 910B's part
    // (243 of 729) passes to the 910C, which still ships.
    quarter(2, "designs");
    expect(observable("dies.writtenOff")).toBeCloseTo(450 + 81, 9);
    expect(w().dieStock[b]).toBe(0);
    expect(w().bankDies[0]).toBeCloseTo(729, 9);
    expect(w().bankPart[b]).toBe(0);
    expect(w().bankPart[design("ascend-910c")]).toBeCloseTo(729, 9);
    // 2024Q4: no design may use the bank any more: all of it goes.
    quarter(3, "designs");
    expect(observable("dies.writtenOff")).toBeCloseTo(729, 9);
    expect(w().bankDies[0]).toBe(0);
  });
});

describe("planning: wafer starts ordered up to the expected use", () => {
  it("expects what HBM and slots allow without dies, and orders the shortfall of its die position", () => {
    onlyDesigns("ascend-910b");
    set("designs.ascend-910b.packagesPerInterposerWafer", 30);
    set("nodes.n7.cycleTime", 1.2);
    set("planning.inventoryCover", 0.6);
    agent("planning").reset(w());
    // Before the first plan the lines run on 2023's plans: their whole AI share.
    expect(w().nodeAiRequest[0]).toBe(Infinity);
    const b = design("ascend-910b");
    // 4,000 stacks (1,000 packages of 4) and 100 interposer wafers (3,000 packages): 1,000 dies a quarter.
    w().hbmPool[pool("foreign-hbm2e")] = 4000;
    w().interposerWafers = 100;
    w().dieStock[b] = 500;
    w().bankPart[b] = 0;
    w().diesInFab[b] = 1200;
    w().goodDiesPerWafer[b] = 25;
    quarter(0, "planning");
    // Target 1,000 x (1 + 1.2 + 0.6) = 2,800; 500 on hand and 1,200 in the fab: 1,100 dies, 44 wafers.
    expect(w().waferRequest[b]).toBeCloseTo(44, 9);
    expect(w().nodeAiRequest[0]).toBeCloseTo(44, 9);
    expect(observable("wafers.requested")).toBeCloseTo(44, 9);
    // The part of a die bank held for it counts as dies on hand.
    w().bankPart[b] = 2000;
    quarter(1, "planning");
    expect(w().waferRequest[b]).toBe(0);
  });

  it("starts wafers a cycle time ahead of launch and none for dies that would come out after the end of life", () => {
    onlyDesigns("ascend-910b");
    set("nodes.n7.cycleTime", 1);
    const b = design("ascend-910b");
    w().hbmPool[pool("foreign-hbm2e")] = 4000;
    w().interposerWafers = 100;
    w().goodDiesPerWafer[b] = 25;
    // Launch in 2024Q3 (2): at the end of 2024Q1 the plan is for 2024Q2's starts, out in 2024Q3.
    set("designs.ascend-910b.launch", 2);
    agent("planning").reset(w());
    quarter(0, "planning");
    expect(w().waferRequest[b]).toBeGreaterThan(0);
    // End of life in 2024Q3 (2): dies started in 2024Q2 would come out after it.
    set("designs.ascend-910b.launch", -10);
    set("designs.ascend-910b.endOfLife", 2);
    agent("planning").reset(w());
    quarter(0, "planning");
    expect(w().waferRequest[b]).toBe(0);
  });
});

describe("fabs: AI wafers as the plans ask", () => {
  it("starts at most what the plans ask on a node and releases the rest of its AI share", () => {
    w().duvExposures = 1e12;
    w().euvExposures = 0;
    agent("fabs").reset(w());
    quarter(0, "fabs");
    const capacity = w().nodeAiWafers[0] as number;
    expect(capacity).toBeGreaterThan(0);
    expect(observable("wafers.aiReleased")).toBe(0);
    agent("fabs").reset(w());
    w().nodeAiRequest[0] = capacity / 4;
    quarter(0, "fabs");
    expect(w().nodeAiWafers[0]).toBeCloseTo(capacity / 4, 9);
    expect(observable("wafers.aiReleased")).toBeCloseTo((capacity * 3) / 4, 6);
    expect(observable("wafers.ai")).toBeCloseTo(capacity / 4, 9);
  });
});

describe("yield: scarce wafers go by bid", () => {
  it("splits a node's wafers by priority x what a wafer's good dies sell for", () => {
    onlyDesigns("ascend-910b", "cambricon-590");
    set("nodes.n7.cycleTime", 0);
    set("designs.ascend-910b.waferShare", 1);
    set("designs.cambricon-590.waferShare", 0.5);
    set("designs.ascend-910b.price", 10_000);
    set("designs.cambricon-590.price", 20_000);
    agent("yield").reset(w());
    const b = design("ascend-910b");
    const c = design("cambricon-590");
    // Each asks for 1,000 wafers; the node has 900.
    w().waferRequest.fill(1000);
    w().nodeAiWafers.fill(900);
    quarter(0, "yield");
    const perWaferB = w().goodDiesPerWafer[b] as number;
    const perWaferC = w().goodDiesPerWafer[c] as number;
    const started = (d: number, perWafer: number) => (w().goodDies[d] as number) / perWafer;
    // Bids 1 x 10,000 x (910B good dies a wafer) and 0.5 x 20,000 x (590 good dies a wafer), one die a package each.
    const bidB = 1 * 10_000 * perWaferB;
    const bidC = 0.5 * 20_000 * perWaferC;
    expect(perWaferB).not.toBeCloseTo(perWaferC, 0);
    expect(started(b, perWaferB)).toBeCloseTo((900 * bidB) / (bidB + bidC), 6);
    expect(started(c, perWaferC)).toBeCloseTo((900 * bidC) / (bidB + bidC), 6);
  });
});

describe("lags", () => {
  it("yield: dies come out a cycle time after their wafers start, the line primed with 2024Q1's starts", () => {
    onlyDesigns("ascend-910b");
    set("nodes.n7.cycleTime", 1.5);
    agent("yield").reset(w());
    const b = design("ascend-910b");
    const out: number[] = [];
    for (let q = 0; q < 4; q++) {
      // 1,000 wafers asked for and started in 2024Q1, none after.
      w().waferRequest.fill(q === 0 ? 1000 : 0);
      w().nodeAiWafers.fill(q === 0 ? 1000 : 0);
      quarter(q, "yield");
      out.push((w().goodDies[b] as number) / (w().goodDiesPerWafer[b] as number));
    }
    // A wafer started in quarter q comes out half in q + 1, half in q + 2; those of 2023 (primed) as 2024Q1's.
    expect(out.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([1000, 1000, 500, 0]);
  });

  it("market: packages arrive after assembly and delivery, and what cannot be deployed waits", () => {
    onlyDesigns("ascend-910b");
    set("packaging.assemblyTime", 0.5);
    set("market.deliveryTime", 1);
    // Money enough for everything offered.
    set("market.spendAtStart", 1e15);
    set("market.demandGrowth", 0);
    agent("market").reset(w());
    const b = design("ascend-910b");
    w().designActive.fill(0);
    w().designActive[b] = 1;
    w().spareGW = 1e9;
    const deployed: number[] = [];
    for (let q = 0; q < 4; q++) {
      w().supplyUnits.fill(0);
      w().supplyUnits[b] = q === 0 ? 1000 : 0;
      quarter(q, "market");
      deployed.push(w().deployedUnits[b] as number);
    }
    // Packaged in quarter q, out half in q + 1 and half in q + 2; 2023's packages (primed) as 2024Q1's.
    expect(deployed.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([1000, 1000, 500, 0]);

    // Power for 300 units a quarter only: the rest of what arrives waits and is offered again.
    agent("market").reset(w());
    const perUnit = w().unitPowerGW[b] as number;
    const waiting: number[] = [];
    for (let q = 0; q < 3; q++) {
      w().supplyUnits[b] = q === 0 ? 1000 : 0;
      w().spareGW = 300 * perUnit;
      quarter(q, "market");
      expect(w().deployedUnits[b]).toBeCloseTo(300, 6);
      waiting.push(Math.round(observable("packaged.waiting")));
    }
    // Offered 1,000, then 1,000 + 700 waiting, then 500 + 1,400.
    expect(waiting).toEqual([700, 1400, 1600]);
  });

  it("market: money beyond what is offered pays a premium up to its cap, and the rest carries; each seller's takings", () => {
    onlyDesigns("ascend-910b");
    set("packaging.assemblyTime", 0);
    set("market.deliveryTime", 0);
    set("designs.ascend-910b.price", 10_000);
    // 4e7 a year is 1e7 a quarter, against 500 units x 10,000 = 5e6 offered.
    set("market.spendAtStart", 4e7);
    set("market.demandGrowth", 0);
    set("market.scarcityPremiumMax", 0.3);
    set("market.budgetCarryOver", 0.5);
    set("market.mandateCoverage", 0);
    agent("market").reset(w());
    const b = design("ascend-910b");
    w().designActive.fill(0);
    w().designActive[b] = 1;
    w().spareGW = 1e9;
    w().supplyUnits.fill(0);
    w().supplyUnits[b] = 500;
    quarter(0, "market");
    expect(w().deployedUnits[b]).toBeCloseTo(500, 9);
    // Paid 5e6 at list; 5e6 left, of which the premium is capped at 0.3 x 5e6 = 1.5e6; half of the other 3.5e6 carries.
    expect(observable("spending.spentUSD")).toBeCloseTo(6.5e6, 3);
    expect(observable("spending.scarcityPremiumUSD")).toBeCloseTo(1.5e6, 3);
    expect(observable("spending.carriedUSD")).toBeCloseTo(1.75e6, 3);
    expect(observable("revenue.ascend-910b")).toBeCloseTo(6.5e6, 3);
    const param = (path: string) => w().params[model.table.indexOfPath(path) as number] as number;
    // H100-equivalents: units x (TFLOPS / the H100's 989) x software efficiency.
    expect(observable("h100e.ascend-910b")).toBeCloseTo((500 * param("designs.ascend-910b.tflops") * param("designs.ascend-910b.softwareEfficiency")) / 989, 3);
    // Next quarter: 1e7 new and 1.75e6 carried, nothing offered: nothing paid, and half of it all carries.
    w().supplyUnits[b] = 0;
    quarter(1, "market");
    expect(observable("spending.spentUSD")).toBe(0);
    expect(observable("spending.carriedUSD")).toBeCloseTo(0.5 * 11.75e6, 3);
  });
});

describe("memory: the foreign stockpile after the ban", () => {
  it("lets the designs draw the stock at the ban / cover each quarter and keeps the rest", () => {
    set("memory.foreign.stockAtStart", 8000);
    set("memory.foreign.flowBeforeBan", 0);
    set("memory.foreign.preBanRush", 0);
    set("memory.foreign.banCover", 4);
    set("levers.us-hbm-ban.start", 0);
    agent("memory").reset(w());
    const foreign = pool("foreign-hbm2e");
    w().lever[model.context.leverIndex("us-hbm-ban")] = 1;
    w().hbmAllocation.fill(0);
    quarter(0, "memory");
    expect(w().hbmPool[foreign]).toBe(2000);
    // A design draws 1,500 of the 2,000; the 6,000 held back return to the pool.
    const b = design("ascend-910b");
    w().hbmAllocation[b * w().hbmPool.length + foreign] = 1500;
    agent("memory").settle?.(w());
    expect(w().hbmPool[foreign]).toBe(6500);
    expect(observable("hbm.foreignDrawn")).toBe(1500);
    expect(observable("hbm.foreignStock")).toBe(6500);
    w().hbmAllocation.fill(0);
    quarter(1, "memory");
    expect(w().hbmPool[foreign]).toBe(2000);
  });
});

describe("power: connected capacity, the installed draw and a shortfall built for", () => {
  it("spare power is what is connected less what the fleet draws; what the purchases lack is built, and connects a grid-connection time later", () => {
    onlyDesigns("ascend-910b");
    set("packaging.assemblyTime", 0);
    set("market.deliveryTime", 0);
    set("market.spendAtStart", 1e15);
    set("market.demandGrowth", 0);
    set("market.installedAtStart", 0);
    set("market.installedPowerAtStart", 0);
    set("market.serviceLife", 20);
    set("power.availableAtStart", 1);
    set("power.connectionsPerYear", 0);
    set("power.gridConnectionTime", 1);
    agent("power").reset(w());
    agent("market").reset(w());
    const b = design("ascend-910b");
    w().designActive.fill(0);
    w().designActive[b] = 1;
    const perUnit = w().unitPowerGW[b] as number;
    // 1 GW connected; buyers take 1.5 GW of accelerators in quarter 0 and none after.
    const units = 1.5 / perUnit;
    const rows: number[][] = [];
    for (let q = 0; q < 4; q++) {
      w().supplyUnits.fill(0);
      w().supplyUnits[b] = q === 0 ? units : 0;
      quarter(q, "power", "market");
      rows.push([observable("power.availableGW"), observable("power.spareGW"), w().deployedUnits[b] as number, observable("power.shortfallGW"), observable("power.usedGW")]);
    }
    // Quarter 0: 1 GW spare deploys two thirds; 0.5 GW short, and a third of the units wait.
    expect(rows[0]?.[1]).toBeCloseTo(1, 12);
    expect(rows[0]?.[2]).toBeCloseTo(units * (2 / 3), 6);
    expect(rows[0]?.[3]).toBeCloseTo(0.5, 12);
    // Quarter 1: the 0.5 GW is started; the waiting third is still short of it, and nothing more is started for it.
    expect(rows[1]?.[0]).toBeCloseTo(1, 12);
    expect(rows[1]?.[2]).toBeCloseTo(0, 6);
    expect(rows[1]?.[3]).toBeCloseTo(0.5, 12);
    // Quarter 2, one quarter later: connected, and the waiting third deploys.
    expect(rows[2]?.[0]).toBeCloseTo(1.5, 12);
    expect(rows[2]?.[1]).toBeCloseTo(0.5, 12);
    expect(rows[2]?.[2]).toBeCloseTo(units / 3, 6);
    expect(rows[2]?.[3]).toBeCloseTo(0, 12);
    expect(rows[2]?.[4]).toBeCloseTo(1.5, 12);
    // Nothing more was built.
    expect(rows[3]?.[0]).toBeCloseTo(1.5, 12);
  });
});

describe("imports: the exporter's volume by quarter and the licences by generation", () => {
  it("steps the volume within the quarter a step starts, and lets through what the channel and the generation's own licence allow", () => {
    onlyDesigns("nvidia-h20", "nvidia-b30a");
    // The H20: 1M a year, 3M a year from the middle of 2025Q1 (quarter 4); the B30A 2M a year.
    set("designs.nvidia-h20.supplyPerYear", 1e6);
    set("designs.nvidia-h20.supplySteps.0.from", 4.5);
    set("designs.nvidia-h20.supplySteps.0.perYear", 3e6);
    set("designs.nvidia-b30a.supplyPerYear", 2e6);
    agent("designs").reset(w());
    const h20 = design("nvidia-h20");
    const b30a = design("nvidia-b30a");
    const lever = (id: LeverId) => model.context.leverIndex(id);
    const offers = (q: number, channel: number, nextGeneration: number) => {
      w().lever.fill(0);
      w().lever[lever("us-ai-chip-exports")] = channel;
      w().lever[lever("us-next-generation-exports")] = nextGeneration;
      quarter(q, "designs");
      return [w().supplyUnits[h20] as number, w().supplyUnits[b30a] as number];
    };
    // 2024Q4 (quarter 3): 250k; 2025Q1: half at 250k and half at 750k a quarter; 2025Q2: 750k.
    expect(offers(3, 0, 0)[0]).toBeCloseTo(250e3, 6);
    expect(offers(4, 0, 0)[0]).toBeCloseTo(500e3, 6);
    expect(offers(5, 0, 0)[0]).toBeCloseTo(750e3, 6);
    // The channel at 0.6 lets 40% of both through; the next generation's own lever at 0.75 a further quarter of the B30A's.
    const [h, b] = offers(5, 0.6, 0.75);
    expect(h).toBeCloseTo(0.4 * 750e3, 6);
    expect(b).toBeCloseTo(0.4 * 0.25 * 500e3, 6);
    // The H20 names no licence lever: the next generation's leaves it alone.
    expect(offers(5, 0, 1)).toEqual([expect.closeTo(750e3, 6), 0]);
  });
  it("applies supply steps in the order of their dates, whatever order the file lists them in", () => {
    // A halt in 2026Q1 listed before the rush of 2025Q1: listed order would let the rush overwrite the halt.
    const file = childScenario(
      tempDir(),
      "steps-out-of-order.yaml",
      [
        "designs:",
        "  nvidia-h20:",
        "    supplyPerYear: {value: 1e6 accelerator/year, assumption: test}",
        "    supplySteps:",
        "      - {from: {value: 2026Q1, assumption: test}, perYear: {value: 0 accelerator/year, assumption: test}}",
        "      - {from: {value: 2025Q1, assumption: test}, perYear: {value: 3e6 accelerator/year, assumption: test}}",
        "",
      ].join("\n"),
    );
    model = compileModel(resolve(file));
    runMonteCarlo(model, { runs: 1, seed: 1 });
    onlyDesigns("nvidia-h20");
    agent("designs").reset(w());
    const h20 = design("nvidia-h20");
    const offered = (q: number) => {
      w().lever.fill(0);
      quarter(q, "designs");
      return w().supplyUnits[h20] as number;
    };
    // 2024Q4: the base 250k a quarter; 2025Q4 (quarter 7): the rush, 750k; 2026Q1 on: the halt.
    expect(offered(3)).toBeCloseTo(250e3, 6);
    expect(offered(7)).toBeCloseTo(750e3, 6);
    expect(offered(8)).toBe(0);
    expect(offered(12)).toBe(0);
  });
});
