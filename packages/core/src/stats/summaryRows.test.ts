import { describe, expect, it } from "vitest";
import { StoredSeries } from "./storedSeries.js";
import { SUMMARY_ROW, summarizeStoredSeries, summaryFromRow } from "./summaryRows.js";

/** A store of `series` series over `runs` runs with spread-out values (series 1 constant, as a design not yet shipping). */
function store(series: number, runs: number): StoredSeries {
  const s = new StoredSeries(series, 0, runs);
  for (let k = 0; k < runs; k++) s.setRun(k, Float64Array.from({ length: series }, (_, j) => (j === 1 ? 7 : Math.sin(k * 12.9898 + j) * 1e3)));
  return s;
}

describe("summary rows", () => {
  it("give back each series' summary as the store gives it: the same numbers, keys in the same order", () => {
    for (const runs of [1, 2, 501]) {
      const stored = store(3, runs);
      const rows = new Float64Array(3 * SUMMARY_ROW).fill(NaN);
      // Two halves, as two threads would write them.
      summarizeStoredSeries(stored, 0, 2, rows, new Float64Array(runs));
      summarizeStoredSeries(stored, 2, 3, rows, new Float64Array(runs));
      for (let s = 0; s < 3; s++) expect(JSON.stringify(summaryFromRow(rows, s))).toBe(JSON.stringify(stored.summary(s, new Float64Array(runs))));
    }
  });

  it("refuse to read a series nobody summarised", () => {
    const rows = new Float64Array(2 * SUMMARY_ROW).fill(NaN);
    summarizeStoredSeries(store(2, 10), 0, 1, rows, new Float64Array(10));
    expect(() => summaryFromRow(rows, 1)).toThrow("series 1 was not summarised");
  });
});
