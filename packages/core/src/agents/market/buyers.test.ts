import { describe, expect, it } from "vitest";
import { Buyers } from "./buyers.js";

/**
 * The buyers' choice against hand values. Two domestic designs (1 H100e for
 * 10 and for 20 dollars) and one import (2 H100e for 10 dollars): value per
 * dollar 0.1, 0.05 and 0.2.
 */
describe("buyers with budgets", () => {
  const h100e = Float64Array.of(1, 1, 2);
  const price = Float64Array.of(10, 20, 10);
  const buyers = () => {
    const b = new Buyers(Uint8Array.of(1, 1, 0));
    b.reset(h100e, price, Float64Array.of(1), 0);
    return b;
  };

  it("spends the state-funded share on domestic designs, the rest on any, by value per dollar", () => {
    const b = buyers();
    b.io[0] = 1200;
    b.io[1] = 0.25;
    b.choose(Float64Array.of(100, 100, 100), price);
    // Weights 0.5 : 0.25 : 1 (value per dollar over the best). State money 300 on the domestic two: 200 and 100.
    // The other 900 over all three at 900 / 1.75 a unit of weight: 257.14, 128.57 and 514.29.
    expect(b.bought[0]).toBeCloseTo((200 + 900 * (0.5 / 1.75)) / 10, 9);
    expect(b.bought[1]).toBeCloseTo((100 + 900 * (0.25 / 1.75)) / 20, 9);
    expect(b.bought[2]).toBeCloseTo((900 * (1 / 1.75)) / 10, 9);
    expect(b.io[2]).toBe(0);
    expect(b.io[3]).toBeCloseTo(0, 9);
  });

  it("buys everything offered when money exceeds it, and says what each share left", () => {
    const b = buyers();
    b.io[0] = 10_000;
    b.io[1] = 0.5;
    b.choose(Float64Array.of(100, 100, 100), price);
    // State money 5,000 buys both domestic offers (1,000 and 2,000) and leaves 2,000; the rest buys the import (1,000) and leaves 4,000.
    expect(Array.from(b.bought)).toEqual([100, 100, 100]);
    expect(b.io[2]).toBeCloseTo(2000, 9);
    expect(b.io[3]).toBeCloseTo(4000, 9);
  });

  it("keeps the state-funded share from imports when there is no domestic supply", () => {
    const b = buyers();
    b.io[0] = 1000;
    b.io[1] = 0.3;
    b.choose(Float64Array.of(0, 0, 100), price);
    expect(b.io[2]).toBeCloseTo(300, 9);
    expect(b.bought[2]).toBeCloseTo(70, 9);
  });

  it("spreads money over offers evenly at sensitivity 0, and buys the best value first at a high one", () => {
    const even = new Buyers(Uint8Array.of(1, 1, 0));
    even.reset(h100e, price, Float64Array.of(0), 0);
    even.io[0] = 900;
    even.io[1] = 0;
    even.choose(Float64Array.of(100, 100, 100), price);
    expect(Array.from(even.bought, (x) => Math.round(x * 1e9) / 1e9)).toEqual([30, 15, 30]);
    const sharp = new Buyers(Uint8Array.of(1, 1, 0));
    sharp.reset(h100e, price, Float64Array.of(40), 0);
    sharp.io[0] = 900;
    sharp.io[1] = 0;
    sharp.choose(Float64Array.of(100, 100, 100), price);
    // 0.5^40 of the import's weight: almost all of the 900 goes to the import.
    expect(sharp.bought[2]).toBeGreaterThan(89.99);
    expect(sharp.bought[1]).toBeLessThan(1e-6);
  });
});
