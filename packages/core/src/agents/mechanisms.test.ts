import { describe, expect, it } from "vitest";
import { ConstraintCode } from "../model/constraints.js";
import { allocateHbm, hbmScratch } from "../model/hbmAllocation.js";
import { PackagingShare } from "../model/packagingShare.js";
import { ForeignRation } from "./memory/foreignRation.js";
import { waferOrder } from "./planning/orderUpTo.js";
import { DelayLine } from "../model/delayLine.js";
import { World } from "../model/world.js";
import { lithoLimit } from "./fabs/lithoLimit.js";
import { euvSourcePower, PROTOTYPE_POSITION } from "./lithography/euvSource.js";
import { domesticBinding, importBinding, supplyBinding } from "./market/bindingConstraint.js";
import { Fleet } from "./market/fleet.js";
import { GridConnections } from "./power/gridConnections.js";

describe("lithography limit (R7)", () => {
  const outcome = () => ({ euvFraction: 0, euvCover: 1, euvForRequired: 0, scale: 1, otherScale: 1 });

  it("serves the priority wafers (planned AI dies, HBM DRAM) before phone and other chips", () => {
    // Two nodes, all DUV: 1,000 wafers of 30 exposures (400 of them priority) and 500 of 20 (all priority).
    // Priority needs 400 x 30 + 500 x 20 = 22,000 exposures; the other 600 wafers need 18,000.
    const demand = {
      requested: Float64Array.from([1000, 500]),
      priority: Float64Array.from([400, 500]),
      duvExposures: Float64Array.from([30, 20]),
      euvLayers: Float64Array.from([0, 0]),
      duvPerEuvLayer: Float64Array.from([0, 0]),
      needsEuv: Uint8Array.from([0, 0]),
    };
    const out = outcome();
    // 31,000 exposures: priority whole, the rest share 9,000 of 18,000.
    lithoLimit({ ...demand, exposures: Float64Array.from([31_000, 0]) }, out);
    expect(out).toMatchObject({ scale: 1, otherScale: 0.5 });
    // 11,000 exposures: half the priority wafers, none of the rest.
    lithoLimit({ ...demand, exposures: Float64Array.from([11_000, 0]) }, out);
    expect(out).toMatchObject({ scale: 0.5, otherScale: 0 });
    // 50,000 exposures: everything starts.
    lithoLimit({ ...demand, exposures: Float64Array.from([50_000, 0]) }, out);
    expect(out).toMatchObject({ scale: 1, otherScale: 1 });
  });

  it("cuts every node by the same factor when DUV exposures run short", () => {
    const out = outcome();
    const demand = {
      requested: Float64Array.from([1000, 500]),
      duvExposures: Float64Array.from([30, 50]),
      euvLayers: Float64Array.from([5, 10]),
      duvPerEuvLayer: Float64Array.from([4, 4]),
      needsEuv: Uint8Array.from([0, 0]),
    };
    // No EUV: DUV needed = 1000*30 + 500*50 = 55,000; capacity 44,000 -> scale 0.8.
    lithoLimit({ ...demand, exposures: Float64Array.from([44_000, 0]) }, out);
    expect(out).toEqual({ euvFraction: 0, euvCover: 1, euvForRequired: 0, scale: 0.8, otherScale: 0 });
    // EUV wanted = 1000*5 + 500*10 = 10,000 exposures; 5,000 available -> half the wafers get EUV,
    // saving 0.5*5*4 = 10 and 0.5*10*4 = 20 DUV exposures: 1000*20 + 500*30 = 35,000 <= 44,000.
    lithoLimit({ ...demand, exposures: Float64Array.from([44_000, 5_000]) }, out);
    expect(out).toEqual({ euvFraction: 0.5, euvCover: 1, euvForRequired: 0, scale: 1, otherScale: 1 });
  });

  it("shares DUV between logic and DRAM: more logic starts take scanner time from HBM's DRAM", () => {
    const out = outcome();
    // Node 0: 7nm logic, 30 DUV exposures a wafer; node 1: 16nm-class DRAM, 16. No EUV.
    const demand = {
      requested: Float64Array.from([1000, 3000]),
      duvExposures: Float64Array.from([30, 16]),
      euvLayers: Float64Array.from([5, 1]),
      duvPerEuvLayer: Float64Array.from([3.5, 3]),
      needsEuv: Uint8Array.from([0, 0]),
    };
    // 1000*30 + 3000*16 = 78,000 wanted, 39,000 available: both cut to half, 1,500 DRAM wafers.
    lithoLimit({ ...demand, exposures: Float64Array.from([39_000, 0]) }, out);
    expect(out.scale).toBe(0.5);
    expect(3000 * out.scale).toBe(1500);
    // Twice the logic: 60,000 + 48,000 = 108,000 wanted; DRAM gets 3000 * 39/108 = 1,083.3 wafers.
    demand.requested[0] = 2000;
    lithoLimit({ ...demand, exposures: Float64Array.from([39_000, 0]) }, out);
    expect(3000 * out.scale).toBeCloseTo((3000 * 39) / 108, 10);
  });

  it("gives EUV first to nodes that need it, caps their wafers by it, and shares the rest", () => {
    const out = outcome();
    // Node 0 needs EUV (10 layers, 20 DUV exposures beside them); node 1 logic and node 2 DRAM use it optionally.
    const demand = {
      requested: Float64Array.from([1000, 2000, 1500]),
      duvExposures: Float64Array.from([20, 30, 20]),
      euvLayers: Float64Array.from([10, 5, 4]),
      duvPerEuvLayer: Float64Array.from([3.5, 4, 3]),
      needsEuv: Uint8Array.from([1, 0, 0]),
    };
    // No EUV at all: the node that needs it starts nothing; the others need 2000*30 + 1500*20 = 90,000 DUV.
    lithoLimit({ ...demand, exposures: Float64Array.from([1e6, 0]) }, out);
    expect(out).toEqual({ euvFraction: 0, euvCover: 0, euvForRequired: 0, scale: 1, otherScale: 1 });
    // 6,000 EUV exposures against the 1000*10 = 10,000 node 0 needs: 60% of its wafers, none left for the others.
    // DUV: 600*20 + 2000*30 + 1500*20 = 102,000 <= 204,000.
    lithoLimit({ ...demand, exposures: Float64Array.from([204_000, 6_000]) }, out);
    expect(out).toEqual({ euvFraction: 0, euvCover: 0.6, euvForRequired: 6_000, scale: 1, otherScale: 1 });
    // 18,000: node 0 fully covered, 8,000 left for 2000*5 + 1500*4 = 16,000 wanted -> half of the other wafers.
    // DUV: 1000*20 + 2000*(30 - 0.5*5*4) + 1500*(20 - 0.5*4*3) = 20,000 + 40,000 + 21,000 = 81,000;
    // 40,500 available -> every node at half, and node 0 then uses 10,000 * 0.5 = 5,000 EUV exposures.
    lithoLimit({ ...demand, exposures: Float64Array.from([40_500, 18_000]) }, out);
    expect(out).toEqual({ euvFraction: 0.5, euvCover: 1, euvForRequired: 5_000, scale: 0.5, otherScale: 0 });
  });
});

describe("HBM sharing", () => {
  it("serves old pools first, water-fills each by priority capped at need, and respects generations", () => {
    // Pools: rank 0 (hbm2) with 100 stacks, rank 2 (hbm3) with 50.
    // Design 0 accepts hbm2+, priority 1, needs 120; design 1 needs hbm3+, priority 1, needs 40;
    // design 2 accepts hbm2+, priority 3, needs 30.
    const remaining = Float64Array.from([120, 40, 30]);
    const allocation = new Float64Array(6);
    const weight = Float64Array.from([1, 1, 3]);
    allocateHbm(Float64Array.from([100, 50]), Int32Array.from([0, 2]), { remaining, minRank: Int32Array.from([0, 2, 0]), weight }, allocation, hbmScratch(3), Int32Array.from([0, 1, 2]), 3);
    // hbm2 pool, designs 0 and 2 at 1:3: offers 25 and 75; design 2 needs only 30, so it takes 30
    // and design 0 the other 70.
    expect(allocation[0]).toBeCloseTo(70, 12);
    expect(allocation[4]).toBeCloseTo(30, 12);
    expect(allocation[2]).toBe(0);
    // hbm3 pool: 50 against design 0 (50 still needed, priority 1) and design 1 (40, priority 1): 25 each.
    expect(allocation[1]).toBeCloseTo(25, 12);
    expect(allocation[3]).toBeCloseTo(25, 12);
    expect(allocation[5]).toBe(0);
    expect(Array.from(remaining)).toEqual([25, 15, 0]);
  });
});

describe("packaging slots and HBM by priority", () => {
  // Two designs on one HBM2 pool of 1,200 stacks and 20 interposer wafers, priority 1:2.
  // Design 0: 4 stacks and 30 packages a wafer; design 1: 8 stacks and 15 a wafer.
  const share = () => {
    const s = new PackagingShare(Float64Array.from([4, 8]), Float64Array.from([30, 15]), Int32Array.from([0, 0]), Int32Array.from([0]));
    s.weight.set([1, 2]);
    return s;
  };

  it("water-fills slots, then stacks, each capped at what the design can use", () => {
    const s = share();
    s.dieUnits.set([100, 1000]);
    s.interposerWafers[0] = 20;
    s.share(Float64Array.from([1200]));
    // Slots: design 0 can use 100/30 = 3.33 wafers (its dies), design 1 min(1000, 1200/8)/15 = 10.
    // Offers 6.67 and 13.33 close both at their caps; 6.67 wafers are left.
    expect(s.slots[0]).toBeCloseTo(100 / 30, 12);
    expect(s.slots[1]).toBeCloseTo(10, 12);
    expect(Array.from(s.slotUnits).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([100, 150]);
    // Stacks: design 0 needs min(100, 100) x 4 = 400, design 1 min(1000, 150) x 8 = 1,200; offers 400 and
    // 800 close design 0 at 400 and leave design 1 the other 800 (100 packages).
    expect(s.allocation[0]).toBeCloseTo(400, 9);
    expect(s.allocation[1]).toBeCloseTo(800, 9);
    expect(s.units[0]).toBeCloseTo(100, 9);
    expect(s.units[1]).toBeCloseTo(100, 9);
    // With what the others left: the 6.67 spare wafers, and no spare stacks.
    expect(s.slotReach[0]).toBeCloseTo(300, 9);
    expect(s.slotReach[1]).toBeCloseTo(250, 9);
    expect(s.hbmReach[1]).toBeCloseTo(100, 9);
  });

  it("without the die constraint gives what slots and stacks alone allow (the plans' expected use)", () => {
    const s = share();
    s.dieUnits.set([Infinity, Infinity]);
    s.interposerWafers[0] = 20;
    s.share(Float64Array.from([1200]));
    // Slots: caps 300/30 = 10 and 150/15 = 10; offers 6.67 and 13.33 close design 1, then design 0 takes the other 10.
    expect(Array.from(s.slots).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([10, 10]);
    // Stacks: needs 1,200 each; 1,200 split 1:2 is 400 and 800.
    expect(s.allocation[0]).toBeCloseTo(400, 9);
    expect(s.allocation[1]).toBeCloseTo(800, 9);
    expect(Array.from(s.units).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([100, 100]);
  });

  it("gives a design no slots when no stacks of a generation it accepts exist", () => {
    const s = new PackagingShare(Float64Array.from([4, 8]), Float64Array.from([30, 15]), Int32Array.from([0, 2]), Int32Array.from([0]));
    s.weight.set([1, 2]);
    s.dieUnits.set([Infinity, Infinity]);
    s.interposerWafers[0] = 20;
    s.share(Float64Array.from([1200]));
    // Design 1 needs HBM3 (rank 2): no slots, no stacks; design 0 takes 10 wafers (its 300 packages of stacks).
    expect(s.slots[1]).toBe(0);
    expect(s.hbmReach[1]).toBe(0);
    expect(s.slots[0]).toBeCloseTo(10, 12);
    expect(s.units[0]).toBeCloseTo(300, 9);
  });
});

describe("order-up-to wafer plan", () => {
  it("orders the shortfall of the die position below use x (1 + cycle time + cover), in wafers", () => {
    // 1,000 dies a quarter, 1.2 quarters in the fab, 0.6 of cover: target 2,800; 500 on hand and 1,200 in
    // the fab leave 1,100 short, 44 wafers at 25 good dies a wafer.
    expect(waferOrder(1000, 1.2, 0.6, 500, 1200, 25)).toBeCloseTo(44, 12);
    expect(waferOrder(1000, 1.2, 0.6, 3000, 0, 25)).toBe(0);
    expect(waferOrder(1000, 1.2, 0.6, 0, 0, 0)).toBe(0);
    expect(waferOrder(0, 1.2, 0.6, 0, 0, 25)).toBe(0);
  });

  it("leaves use x cover on hand after packaging in a steady state", () => {
    // Each quarter: last quarter's order starts, dies come out a cycle time later, 1,000 are packaged,
    // then the next order is planned (one good die per wafer).
    const line = new DelayLine(40);
    line.prime(1000, 1.2);
    let stock = 0;
    let order = 1000;
    for (let q = 0; q < 20; q++) {
      line.put(q, order, 1.2);
      stock += line.take(q);
      stock -= Math.min(stock, 1000);
      order = waferOrder(1000, 1.2, 0.6, stock, line.pending, 1);
    }
    expect(stock).toBeCloseTo(600, 9);
    expect(order).toBeCloseTo(1000, 9);
    expect(line.pending).toBeCloseTo(1200, 9);
  });
});

describe("foreign HBM ration", () => {
  it("lets the whole stock be drawn before the ban, then, from the quarter the ban starts in, the stock then / cover a quarter plus leakage", () => {
    // Parameters: the ban's start (2024-12, 3.67), the flow it blocks (1,000 a quarter), the cover (4 quarters).
    const w = new World({ quarters: 12, params: 3, observables: 0, levers: 1, nodes: 0, designs: 0, hbmPools: 1, dieBanks: 0 });
    w.params.set([11 / 3, 1000, 4]);
    const r = new ForeignRation({ pool: 0, lever: 0, banStart: 0, flowBeforeBan: 1, cover: 2 });
    r.reset(w);
    const draw = (q: number, strength: number, stock: number) => {
      w.q = q;
      w.lever[0] = strength;
      w.hbmPool[0] = stock;
      r.apply(w);
      return [w.hbmPool[0], r.held];
    };
    // 2024Q3 is before the ban.
    expect(draw(2, 0, 8000)).toEqual([8000, 0]);
    // 2024Q4 holds the ban's start (and the rush bought before it): the 8,000 held then must last 4 quarters,
    // 2,000 a quarter, plus what leaks past the ban in force for part of the quarter (half of 1,000).
    expect(draw(3, 0.5, 8000)).toEqual([2500, 5500]);
    // 2025Q1: 5,500 left, nothing leaks: 2,000.
    expect(draw(4, 1, 5500)).toEqual([2000, 3500]);
    // 2025Q2: 3,500 left and 10% of 1,000 leaked in: 2,000 + 100.
    expect(draw(5, 0.9, 3600)).toEqual([2100, 1500]);
    // The tail: less than a ration left.
    expect(draw(7, 1, 1500)).toEqual([1500, 0]);
    // The lever off (lifted): no ration.
    expect(draw(8, 0, 9000)).toEqual([9000, 0]);
    // No cover: no ration either.
    w.params[2] = 0;
    r.reset(w);
    expect(draw(4, 1, 8000)).toEqual([8000, 0]);
  });
});

describe("binding constraint", () => {
  it("names demand or power where they cut what was offered, else the smallest supply allowance", () => {
    // (dies, HBM, packaging) this quarter, then offered, the demand and power terms.
    expect(domesticBinding(100, 50, 80, 50, 50, 50, false)).toBe(ConstraintCode.Hbm);
    expect(domesticBinding(40, 50, 80, 40, 40, 40, false)).toBe(ConstraintCode.Fab);
    expect(domesticBinding(40, 50, 80, 40, 40, 40, true)).toBe(ConstraintCode.Litho);
    expect(domesticBinding(100, 90, 80, 80, 60, 60, false)).toBe(ConstraintCode.Demand);
    expect(domesticBinding(100, 90, 80, 80, 80, 30, false)).toBe(ConstraintCode.Power);
    // What was offered came from earlier packaging: uncut, the blame is this quarter's supply constraint.
    expect(domesticBinding(100, 50, 80, 200, 200, 200, false)).toBe(ConstraintCode.Hbm);
    expect(domesticBinding(100, 50, 80, 200, 150, 150, false)).toBe(ConstraintCode.Demand);
    expect(importBinding(10, 10, 10)).toBe(ConstraintCode.Policy);
    expect(importBinding(10, 6, 6)).toBe(ConstraintCode.Demand);
    expect(importBinding(10, 10, 3)).toBe(ConstraintCode.Power);
  });

  it("keeps ties with the earlier constraint, within a relative 1e-9", () => {
    const ulpBelow = (x: number) => x * (1 - 2 ** -53);
    expect(domesticBinding(100, ulpBelow(100), 100, 100, 100, 100, false)).toBe(ConstraintCode.Fab);
    expect(domesticBinding(100, 100, ulpBelow(100), 100, ulpBelow(100), ulpBelow(100), false)).toBe(ConstraintCode.Fab);
    expect(importBinding(10, ulpBelow(10), ulpBelow(10))).toBe(ConstraintCode.Policy);
    expect(domesticBinding(100, 100 * (1 - 1e-8), 100, 100, 100, 100, false)).toBe(ConstraintCode.Hbm);
    expect(domesticBinding(100, 100, 100, 100, 100 * (1 - 1e-8), 100, false)).toBe(ConstraintCode.Demand);
    expect(importBinding(10, 10, 10 * (1 - 1e-8))).toBe(ConstraintCode.Power);
    // Packaging cut the dies to 80 and HBM granted all 80 asked of it (a few ulps off): packaging binds, not HBM.
    expect(domesticBinding(100, ulpBelow(80), 80, 80, 80, 80, false)).toBe(ConstraintCode.Packaging);
    expect(domesticBinding(100, 70, 80, 70, 70, 70, false)).toBe(ConstraintCode.Hbm);
  });

  it("blames what offered nothing, not the fab, for a design planned no dies", () => {
    // No dies because nothing could be packaged: no stacks of an accepted generation, or no slots.
    expect(supplyBinding(0, 0, 50, false)).toBe(ConstraintCode.Hbm);
    expect(supplyBinding(0, 0, 0, false)).toBe(ConstraintCode.Hbm);
    expect(supplyBinding(0, 50, 0, false)).toBe(ConstraintCode.Packaging);
    // HBM and slots on offer, yet no dies: the fab (or lithography) fell short.
    expect(supplyBinding(0, 50, 50, false)).toBe(ConstraintCode.Fab);
    expect(supplyBinding(0, 50, 50, true)).toBe(ConstraintCode.Litho);
  });
});

describe("domestic EUV source", () => {
  it("grows from the prototype's power to the required power exactly at the ready date", () => {
    const ready = 24; // 2030Q1
    expect(euvSourcePower(PROTOTYPE_POSITION, ready, 75, 250, 600)).toBeCloseTo(75, 12);
    expect(euvSourcePower(ready, ready, 75, 250, 600)).toBeCloseTo(250, 12);
    // geometric in between: halfway in time is the geometric mean
    expect(euvSourcePower((PROTOTYPE_POSITION + ready) / 2, ready, 75, 250, 600)).toBeCloseTo(Math.sqrt(75 * 250), 10);
    expect(euvSourcePower(60, ready, 75, 250, 600)).toBe(600);
  });
});

describe("fleet by design and vintage (R9)", () => {
  it("retires each vintage after the service life and the legacy fleet evenly; compute and power by design", () => {
    const fleet = new Fleet(2, 12);
    fleet.reset();
    // Life 4 quarters; 40 H100e from before 2024 drawing 2 GW (10 and 0.5 retire a quarter); the H100 at 989 TFLOPS.
    fleet.state.set([4, 40, 2, 989]);
    // Design 0: 0.5 H100e, 400 TFLOPS, 1e-6 GW a unit; design 1: 2 H100e, 2,000 TFLOPS, 3e-6 GW.
    const h100e = Float64Array.of(0.5, 2);
    const tflops = Float64Array.of(400, 2000);
    const power = Float64Array.of(1e-6, 3e-6);
    // Design 0 adds 8 units a quarter; design 1 adds 100 once, in quarter 1.
    const levels = Array.from({ length: 7 }, (_, q) => {
      fleet.add(q, Float64Array.of(8, q === 1 ? 100 : 0), h100e, tflops, power);
      return [...fleet.installed, fleet.state[4], fleet.state[6]];
    });
    const legacy = [30, 20, 10, 0, 0, 0, 0];
    const first = [8, 16, 24, 32, 32, 32, 32];
    const second = [0, 100, 100, 100, 100, 0, 0];
    levels.forEach(([a, b, compute, gw], q) => {
      expect([a, b], `quarter ${q}`).toEqual([first[q], second[q]]);
      expect(compute, `quarter ${q}`).toBeCloseTo((legacy[q] as number) + 0.5 * (first[q] as number) + 2 * (second[q] as number), 9);
      expect(gw, `quarter ${q}`).toBeCloseTo(((legacy[q] as number) / 40) * 2 + 1e-6 * (first[q] as number) + 3e-6 * (second[q] as number), 12);
    });
    // TFLOPS: the legacy fleet at the H100's, each design at its own.
    expect(fleet.state[5]).toBeCloseTo(400 * 32, 6);
  });
});

describe("grid connections (power)", () => {
  it("connects planned capacity at a growing rate, and builds for a shortfall once, after the grid-connection time", () => {
    const grid = new GridConnections(12);
    // 10 GW connected; 4 GW a year planned (1 a quarter), growing 10% a quarter; 2.5 quarters to connect.
    grid.reset();
    const s = grid.state;
    s.set([10, 0, 0, 1, 0, 1.1, 2.5]);
    const shortfall = [0, 3, 3, 1, 0, 0, 0];
    const connected: number[] = [];
    const building: number[] = [];
    for (let q = 0; q < shortfall.length; q++) {
      s[1] = shortfall[q] as number;
      grid.step(q);
      connected.push(s[4] as number);
      building.push(s[2] as number);
    }
    const planned = [1, 1.1, 1.21, 1.331, 1.4641, 1.61051, 1.771561];
    // 3 GW short, seen in quarter 1: started in 1, half connects in 3 and half in 4 (2.5 quarters).
    // The same 3 GW short in 2 is already being built; 1 GW short in 3 when 1.5 GW is still being built starts nothing.
    const forShortfalls = [0, 0, 0, 1.5, 1.5, 0, 0];
    connected.forEach((gw, q) => expect(gw, `quarter ${q}`).toBeCloseTo((planned[q] as number) + (forShortfalls[q] as number), 12));
    expect(building.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0, 3, 3, 1.5, 0, 0, 0]);
    const total = planned.reduce((a, b) => a + b, 0) + 3;
    expect(s[0]).toBeCloseTo(10 + total, 12);
  });
});
