import { describe, expect, it } from "vitest";
import { shippingWeight } from "../shipping.js";
import { CapacityPipeline } from "./capacityPipeline.js";
import { capacityBought, FundedCapacity } from "./fundedCapacity.js";
import { fundingAt } from "./fundingAt.js";
import { ramp } from "./ramp.js";
import { perQuarter, wafersPerQuarter } from "./rates.js";

describe("capacity pipeline", () => {
  it("brings ordered capacity online after the lag, evenly over the ramp", () => {
    const p = new CapacityPipeline(12);
    p.reset(10);
    p.order(0, 8, 1, 4); // arrives from quarter 0 + 1 + 1 = 2, 2 per quarter for 4 quarters
    const seen = Array.from({ length: 8 }, (_, q) => p.advance(q));
    expect(seen).toEqual([10, 10, 12, 14, 16, 18, 18, 18]);
  });

  it("splits a fractional lag between neighbouring quarters", () => {
    const p = new CapacityPipeline(8);
    p.reset(0);
    p.order(0, 4, 0.5, 1); // starts at 1.5: half in quarter 1, half in quarter 2
    expect([p.advance(0), p.advance(1), p.advance(2)]).toEqual([0, 2, 4]);
  });
});

describe("subsidy funding lookup", () => {
  it("interpolates the history and is zero before it", () => {
    const h = Float64Array.from([0, 10, 20, 0]);
    expect(fundingAt(h, -1)).toBe(0);
    expect(fundingAt(h, 1.5)).toBe(15);
    expect(fundingAt(h, 3.25)).toBe(0);
  });
});

describe("funded capacity", () => {
  it("orders planned and funded capacity together, with no lag beyond the ramp", () => {
    const c = new FundedCapacity(8);
    c.reset(10);
    // 1 planned + 3 funded wpm ordered in quarter 0 arrive from quarter 1, 2 wpm a quarter over 2 quarters.
    expect([c.advance(0, 1, 3, 2), c.advance(1, 0, 0, 2), c.advance(2, 0, 0, 2), c.advance(3, 0, 0, 2)]).toEqual([10, 12, 14, 14]);
  });

  it("buys share x money / cost per wpm, in that order of operations", () => {
    expect(capacityBought(1e9, 0.3, 0.4e6)).toBe((1e9 * 0.3) / 0.4e6);
  });
});

describe("rates", () => {
  it("turns a rate per year into one per quarter, and wafer starts per month into wafers per quarter", () => {
    expect(perQuarter(12)).toBe(3);
    expect(wafersPerQuarter(5)).toBe(15);
  });
});

describe("ramp", () => {
  it("ramps linearly", () => {
    expect(ramp(5, 4, 4)).toBe(0.25);
    expect(ramp(3, 4, 4)).toBe(0);
    expect(ramp(10, 4, 4)).toBe(1);
  });
});

describe("shipping weight", () => {
  it("covers the part of the quarter after launch and averages the ramp over it", () => {
    // Launch at 2.5, ramp 2 quarters: in quarter 2 it ships for half the quarter at a mean ramp of 0.125.
    expect(shippingWeight(2, 2.5, Infinity, 2)).toBeCloseTo(0.5 * 0.125, 14);
    expect(shippingWeight(3, 2.5, Infinity, 2)).toBeCloseTo(0.5, 14); // mid-quarter 3.5 is one quarter into the ramp
    expect(shippingWeight(5, 2.5, 5.25, 2)).toBeCloseTo(0.25, 14);
    expect(shippingWeight(1, 2.5, Infinity, 2)).toBe(0);
  });
});
