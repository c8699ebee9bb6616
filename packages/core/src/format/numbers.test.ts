import { describe, expect, it } from "vitest";
import { formatCount, formatDifference, formatNumber, formatPercent, formatShare, formatValue, isNoise } from "./numbers.js";

describe("number formatter", () => {
  it("gives three significant figures with lower-case k, M, B and T", () => {
    expect(formatNumber(540000)).toBe("540k");
    expect(formatNumber(1.234e6)).toBe("1.23M");
    expect(formatNumber(28e9)).toBe("28B");
    expect(formatNumber(3.3e12)).toBe("3.3T");
    expect(formatNumber(999.6)).toBe("1k");
    expect(formatNumber(999_600)).toBe("1M");
    expect(formatNumber(949_123)).toBe("949k");
    expect(formatNumber(12.5)).toBe("12.5");
    expect(formatNumber(131.2)).toBe("131");
    expect(formatNumber(0.3541)).toBe("0.354");
    expect(formatNumber(0.9928)).toBe("0.993");
    expect(formatNumber(-76_800)).toBe("-76.8k");
    expect(formatNumber(1.02e22)).toBe("1.02e22");
    expect(formatNumber(1e15)).toBe("1e15");
  });

  it("shows negative zero and floating-point noise as 0", () => {
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(1e-8)).toBe("0");
    expect(formatNumber(-2.7e-8)).toBe("0");
    expect(formatShare(-0)).toBe("0%");
    expect(formatShare(1e-8)).toBe("0%");
    expect(formatShare(1 - 1e-12)).toBe("100%");
    expect(formatDifference(-2.7e-8, "1")).toBe("0.0 pp");
    expect(formatDifference(-0, "1")).toBe("0.0 pp");
    expect(formatDifference(-0, "accelerator")).toBe("0");
    expect(formatPercent(-1e-9)).toBe("0.0%");
    expect(formatPercent(-0.0004)).toBe("0.0%");
  });

  it("treats a difference as noise relative to the values compared, and far below its standard error as 0", () => {
    // 3e-4 of an accelerator between two results of about a million is rounding, not a result.
    expect(formatDifference(3e-4, "accelerator", { scale: 1.2e6 })).toBe("0");
    expect(formatDifference(3e-4, "accelerator")).toBe("+0.0003");
    expect(formatDifference(1500, "accelerator", { se: 40_000 })).toBe("0");
    expect(formatDifference(15_000, "accelerator", { se: 40_000 })).toBe("+15k");
    expect(isNoise(2, { se: 30 })).toBe(true);
    expect(isNoise(2e-7)).toBe(true);
    expect(isNoise(2e-6)).toBe(false);
  });

  it("gives shares as percentages with the digits they support", () => {
    expect(formatShare(0.54)).toBe("54%");
    expect(formatShare(0.956)).toBe("96%");
    expect(formatShare(0.004)).toBe("0.4%");
    expect(formatShare(0.996)).toBe("99.6%");
    // One way for one size: never "1.0%" beside "1%", nor "99.0%" beside "99%".
    expect(formatShare(0.0098)).toBe("1%");
    expect(formatShare(0.0102)).toBe("1%");
    expect(formatShare(0.0094)).toBe("0.9%");
    expect(formatShare(0.9904)).toBe("99%");
    expect(formatShare(0.9949)).toBe("99%");
    expect(formatShare(0.9951)).toBe("99.5%");
    expect(formatShare(0.0004)).toBe("<0.1%");
    expect(formatShare(0.9997)).toBe(">99.9%");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(1)).toBe("100%");
    expect(formatValue(0.31, "1")).toBe("31%");
    expect(formatValue(310_000, "H100e")).toBe("310k");
  });

  it("signs differences, and gives differences of shares in percentage points", () => {
    expect(formatDifference(0.025, "1")).toBe("+2.5 pp");
    expect(formatDifference(-0.1234, "1")).toBe("-12.3 pp");
    expect(formatDifference(0.0004, "1")).toBe("0.0 pp");
    expect(formatDifference(540_000, "accelerator")).toBe("+540k");
    expect(formatDifference(-1.234e6, "H100e")).toBe("-1.23M");
  });

  it("gives fixed-digit percentages and counts", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(0.5, 0)).toBe("50%");
    expect(formatCount(10_000)).toBe("10,000");
  });
});
