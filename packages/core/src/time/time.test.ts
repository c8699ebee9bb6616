import { describe, expect, it } from "vitest";
import { coverage, formatPosition, parseDate, parseDateInterval, quarterCount, quarterLabel, yearOfQuarter } from "./index.js";

describe("dates as positions in quarters from 2024Q1", () => {
  it.each([
    [2028, 16],
    ["2028", 16],
    ["2026Q3", 10],
    ["2025-11", 7 + 1 / 3],
    ["2024-01-01", 0],
    ["2019-06", -18 - 1 / 3],
  ])("%s is %s", (text, position) => {
    const parsed = parseDate(text);
    expect(parsed.ok && parsed.position).toBeCloseTo(position, 12);
  });

  it("places a day within its month", () => {
    // 2024-12-31: December starts at 11/3; day 31 adds 30/31 of a month (1/3 quarter).
    const parsed = parseDate("2024-12-31");
    expect(parsed.ok && parsed.position).toBeCloseTo(11 / 3 + 30 / 31 / 3, 12);
  });

  it("refuses what is not a date", () => {
    for (const bad of ["2025-13", "2025Q5", "soon", 1800, "2025-02-30"]) expect(parseDate(bad).ok).toBe(false);
  });

  it("reads decimal years", () => {
    const half = parseDate(2029.5);
    expect(half.ok && half.position).toBe(22);
    const text = parseDate("2030.25");
    expect(text.ok && text.position).toBe(25);
  });

  it("reads a half year as an interval", () => {
    expect(parseDateInterval("2026H1")).toEqual({ from: 8, to: 10 });
    expect(parseDateInterval("2026H2")).toEqual({ from: 10, to: 12 });
  });

  it("labels and counts quarters", () => {
    expect(quarterLabel(10)).toBe("2026Q3");
    expect(yearOfQuarter(47)).toBe(2035);
    expect(quarterCount(2035)).toBe(48);
    expect(formatPosition(16)).toBe("2028Q1");
    expect(formatPosition(7 + 1 / 3)).toBe("2025-11");
    expect(formatPosition(-0.5)).toBe("2023-11");
  });

  it("measures how much of a quarter an interval covers", () => {
    expect(coverage(7, 7 + 1 / 3, Infinity)).toBeCloseTo(2 / 3, 14);
    expect(coverage(3, -10, 3.25)).toBeCloseTo(0.25, 14);
    expect(coverage(2, 5, 9)).toBe(0);
  });
});
