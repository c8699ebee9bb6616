import { describe, expect, it } from "vitest";
import { ConstraintCode } from "../model/constraints.js";
import { allocateHbm } from "./designs/hbmAllocation.js";
import { lithoLimit } from "./fabs/lithoLimit.js";
import { euvSourcePower, PROTOTYPE_POSITION } from "./lithography/euvSource.js";
import { domesticBinding, importBinding } from "./market/bindingConstraint.js";
import { InstalledBase } from "./market/installedBase.js";

describe("lithography limit (R7)", () => {
  it("cuts every node by the same factor when DUV exposures run short", () => {
    const out = { euvFraction: 0, scale: 1 };
    const demand = {
      requested: Float64Array.from([1000, 500]),
      duvExposures: Float64Array.from([30, 50]),
      euvLayers: Float64Array.from([5, 10]),
      duvPerEuvLayer: Float64Array.from([4, 4]),
    };
    // No EUV: DUV needed = 1000*30 + 500*50 = 55,000; capacity 44,000 -> scale 0.8.
    lithoLimit(demand, 44_000, 0, out);
    expect(out).toEqual({ euvFraction: 0, scale: 0.8 });
    // EUV wanted = 1000*5 + 500*10 = 10,000 exposures; 5,000 available -> half the wafers get EUV,
    // saving 0.5*5*4 = 10 and 0.5*10*4 = 20 DUV exposures: 1000*20 + 500*30 = 35,000 <= 44,000.
    lithoLimit(demand, 44_000, 5_000, out);
    expect(out).toEqual({ euvFraction: 0.5, scale: 1 });
  });
});

describe("HBM sharing", () => {
  it("serves old pools first, shares a short pool in proportion, and respects generations", () => {
    // Pools: rank 0 (hbm2) with 100 stacks, rank 2 (hbm3) with 50.
    // Design 0 accepts hbm2+ and wants 120; design 1 needs hbm3+ and wants 40; design 2 accepts hbm2+ and wants 80.
    const remaining = Float64Array.from([120, 40, 80]);
    const allocation = new Float64Array(6);
    allocateHbm(Float64Array.from([100, 50]), Int32Array.from([0, 2]), { remaining, minRank: Int32Array.from([0, 2, 0]) }, allocation);
    // hbm2 pool: 100 shared between designs 0 and 2 (120:80) -> 60 and 40.
    // hbm3 pool: 50 against remaining 60 + 40 + 40 = 140 -> 50/140 of each: 21.43, 14.29, 14.29.
    expect(allocation[0]).toBeCloseTo(60, 12);
    expect(allocation[4]).toBeCloseTo(40, 12);
    expect(allocation[2]).toBe(0);
    expect(allocation[1]).toBeCloseTo((60 * 50) / 140, 12);
    expect(allocation[3]).toBeCloseTo((40 * 50) / 140, 12);
    expect(allocation[5]).toBeCloseTo((40 * 50) / 140, 12);
  });
});

describe("binding constraint", () => {
  it("names the smallest allowance, and a shared factor of 1 never takes the blame", () => {
    expect(domesticBinding(100, 50, 80, 50, 50, false)).toBe(ConstraintCode.Hbm);
    expect(domesticBinding(40, 50, 80, 40, 40, false)).toBe(ConstraintCode.Fab);
    expect(domesticBinding(40, 50, 80, 40, 40, true)).toBe(ConstraintCode.Litho);
    expect(domesticBinding(100, 90, 80, 60, 60, false)).toBe(ConstraintCode.Demand);
    expect(domesticBinding(100, 90, 80, 80, 30, false)).toBe(ConstraintCode.Power);
    expect(domesticBinding(0, 0, 0, 0, 0, false)).toBe(ConstraintCode.Fab);
    expect(importBinding(10, 10, 10)).toBe(ConstraintCode.Policy);
    expect(importBinding(10, 6, 6)).toBe(ConstraintCode.Demand);
    expect(importBinding(10, 10, 3)).toBe(ConstraintCode.Power);
    // Within 1e-9 is a tie, which the earlier constraint keeps; beyond it, the later one binds.
    const ulpBelow = (x: number) => x * (1 - 2 ** -53);
    expect(domesticBinding(100, ulpBelow(100), 100, 100, 100, false)).toBe(ConstraintCode.Fab);
    expect(domesticBinding(100, 100, ulpBelow(100), ulpBelow(100), ulpBelow(100), false)).toBe(ConstraintCode.Fab);
    expect(importBinding(10, ulpBelow(10), ulpBelow(10))).toBe(ConstraintCode.Policy);
    expect(domesticBinding(100, 100 * (1 - 1e-8), 100, 100, 100, false)).toBe(ConstraintCode.Hbm);
    expect(domesticBinding(100, 100, 100, 100 * (1 - 1e-8), 100, false)).toBe(ConstraintCode.Demand);
    expect(importBinding(10, 10, 10 * (1 - 1e-8))).toBe(ConstraintCode.Power);
    // Packaging cut the dies to 80 and HBM granted all 80 asked of it (a few ulps off): packaging binds, not HBM.
    expect(domesticBinding(100, ulpBelow(80), 80, 80, 80, false)).toBe(ConstraintCode.Packaging);
    expect(domesticBinding(100, 70, 80, 80, 80, false)).toBe(ConstraintCode.Hbm);
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

describe("installed base (R9)", () => {
  it("retires additions after the service life and the legacy fleet evenly", () => {
    const base = new InstalledBase(12);
    base.reset(40, 4);
    // legacy 40 retires 10 a quarter; each quarter adds 8, which leaves 4 quarters later.
    const levels = Array.from({ length: 7 }, (_, q) => base.add(q, 8));
    expect(levels).toEqual([30 + 8, 20 + 16, 10 + 24, 0 + 32, 32, 32, 32]);
  });
});
