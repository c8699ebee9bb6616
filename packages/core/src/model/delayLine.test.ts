import { describe, expect, it } from "vitest";
import { DelayLine } from "./delayLine.js";

describe("DelayLine", () => {
  it("splits a fractional delay between two quarters (hand values)", () => {
    const line = new DelayLine(8);
    line.put(0, 100, 1.25);
    // Entered evenly over [0, 1), leaves over [1.25, 2.25): 75 in quarter 1, 25 in quarter 2.
    expect([0, 1, 2, 3].map((q) => line.take(q))).toEqual([0, 75, 25, 0]);
    expect(line.pending).toBe(0);
  });

  it("gives part of what enters back in the same quarter when the delay is under one quarter", () => {
    const line = new DelayLine(4);
    line.put(0, 80, 0.25);
    expect(line.take(0)).toBe(60);
    expect(line.pending).toBe(20);
    expect(line.take(1)).toBe(20);
  });

  it("counts work in progress, and keeps what would leave after the horizon in transit", () => {
    const line = new DelayLine(2);
    line.put(1, 10, 0.5);
    line.put(2, 30, 3);
    expect(line.pending).toBe(40);
    expect(line.take(0)).toBe(0);
    expect(line.take(1)).toBe(5);
    expect(line.take(2)).toBe(5);
    expect(line.pending).toBe(30);
  });

  it("primes a steady state: output starts at the entry rate", () => {
    const line = new DelayLine(6);
    line.prime(40, 1.5);
    line.put(0, 40, 1.5);
    line.put(1, 40, 1.5);
    expect(line.take(0)).toBe(40);
    expect(line.take(1)).toBe(40);
    // Quarter 2 gets the second half of quarter 0's entry and the first half of quarter 1's.
    expect(line.take(2)).toBe(40);
    expect(line.take(3)).toBe(20);
  });

  it("starts empty again after reset", () => {
    const line = new DelayLine(4);
    line.put(0, 5, 1);
    line.reset();
    expect(line.pending).toBe(0);
    expect(line.take(1)).toBe(0);
  });
});
