import { describe, expect, it } from "vitest";
import { CSV_VALUE_CHARS, digitsOfRunNumbers, estimatePerRunSize, formatBytes, PARQUET_BYTES_PER_VALUE, PER_RUN_BOUND_BYTES, perRunSizeLine, refuseLargePerRun } from "./perRunSize.js";

describe("per-run size", () => {
  it("counts the digits of the run numbers exactly", () => {
    for (const runs of [0, 1, 9, 10, 11, 99, 100, 101, 1000, 12345]) {
      let digits = 0;
      for (let r = 0; r < runs; r++) digits += String(r).length;
      expect(digitsOfRunNumbers(runs), String(runs)).toBe(digits);
    }
  });

  it("knows each CSV row's text but the value, and charges the measured bytes a value", () => {
    const size = estimatePerRunSize({ runs: 12, scenario: "base", metricIds: ["a.b", "cc"], years: 3, csv: true, parquet: true });
    // Row: "base," + run + "," + metric + "," + "2024" + "," + value + "\n".
    let rows = 0;
    for (let run = 0; run < 12; run++) for (const id of ["a.b", "cc"]) rows += 3 * (5 + String(run).length + 1 + id.length + 1 + 5 + CSV_VALUE_CHARS + 1);
    expect(size.csv).toBe("scenario,run,metric,year,value\n".length + rows);
    expect(size.parquet).toBe(12 * 2 * 3 * PARQUET_BYTES_PER_VALUE);
    expect(size.total).toBe((size.csv as number) + (size.parquet as number));
    const csvOnly = estimatePerRunSize({ runs: 12, scenario: "base", metricIds: ["a.b", "cc"], years: 3, csv: true, parquet: false });
    expect(csvOnly.parquet).toBeUndefined();
    expect(csvOnly.total).toBe(size.csv);
  });

  it("is written to two significant digits in decimal units", () => {
    expect([0, 940, 999, 999.6, 1000, 12_345, 1_265_583_946, 110_686_069, 1e9, 2.5e13].map(formatBytes)).toEqual([
      "0 bytes",
      "940 bytes",
      "1 kB",
      "1 kB",
      "1 kB",
      "12 kB",
      "1.3 GB",
      "110 MB",
      "1 GB",
      "25 TB",
    ]);
    const size = estimatePerRunSize({ runs: 20_000, scenario: "baseline", metricIds: Array.from({ length: 94 }, (_, i) => `metric.number.${String(i).padStart(6, "0")}`), years: 12, csv: true, parquet: false });
    expect(perRunSizeLine(size)).toBe("per-run output: about 1.3 GB (20,000 runs x 94 metrics x 12 years)\n");
  });

  it("is refused above 1 GB unless forced, with the estimate, the bound and the ways to cut it", () => {
    expect(PER_RUN_BOUND_BYTES).toBe(1e9);
    const size = (runs: number) => estimatePerRunSize({ runs, scenario: "baseline", metricIds: ["accelerators.domestic"], years: 12, csv: true, parquet: true });
    const under = size(1_000_000);
    expect(under.total).toBeLessThan(PER_RUN_BOUND_BYTES);
    expect(() => refuseLargePerRun(under, false)).not.toThrow();
    const over = size(2_000_000);
    expect(over.total).toBeGreaterThan(PER_RUN_BOUND_BYTES);
    expect(() => refuseLargePerRun(over, true)).not.toThrow();
    expect(() => refuseLargePerRun(over, false)).toThrow(
      "--per-run: expected at most 1 GB of per-run output without --force, found an estimated 1.5 GB (2,000,000 runs x 1 metric x 12 years; per_run.csv about 1.4 GB, per_run.parquet about 120 MB); choose fewer metrics with --metrics (e.g. --metrics 'accelerators.*'), run fewer --runs, or pass --force to write it",
    );
  });
});
