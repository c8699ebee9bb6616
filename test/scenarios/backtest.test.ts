import { backtest, checkTargets, compileModel, crps, massInside, metricLabels, runMonteCarlo, summarize, type Target } from "@chipsim/core";
import { renderBacktest } from "@chipsim/cli";
import { loadTargets } from "@chipsim/scenarios";
import { describe, expect, it } from "vitest";
import { resolve } from "../helpers/scenario.js";

describe("scores", () => {
  it("computes the CRPS of a sample exactly", () => {
    // Sample {0, 1} against 0: E|X - 0| = 0.5; E|X - X'| over the four ordered pairs = 0.5; CRPS = 0.5 - 0.25.
    expect(crps(Float64Array.from([0, 1]), 0)).toBeCloseTo(0.25, 15);
    // A point forecast's CRPS is its absolute error.
    expect(crps(Float64Array.from([3]), 5)).toBe(2);
    // Uniform grid on [0, 1] against 0.5: E|X - 0.5| -> 1/4, E|X - X'| -> 1/3, CRPS -> 1/4 - 1/6 = 1/12.
    const grid = Float64Array.from({ length: 2001 }, (_, i) => i / 2000);
    expect(crps(grid, 0.5)).toBeCloseTo(1 / 12, 3);
  });

  it("measures the share of runs inside a range", () => {
    expect(massInside(Float64Array.from([1, 2, 3, 4]), 2, 3)).toBe(0.5);
  });
});

describe("backtest", () => {
  const model = compileModel(resolve("baseline"));
  const targets = loadTargets();
  const wrong: Target = { ...(targets.find((t) => t.id === "ascend-units-2025") as Target), id: "ascend-units-2025-times-ten", value: 6e6 };
  const report = backtest(model, [...targets, wrong], 400, 3);

  it("checks every built-in target against the model's metrics", () => {
    expect(checkTargets(model, targets)).toEqual([]);
    expect(checkTargets(model, [{ ...wrong, metric: "accelerators.unicorns" }])).toEqual([
      'target ascend-units-2025-times-ten: expected a metric id or milestone.<id>, found "accelerators.unicorns"',
    ]);
  });

  it("reports coverage and a score for every target", () => {
    expect(report.results).toHaveLength(targets.length + 1);
    expect(report.coverage).toBeCloseTo(report.covered / report.results.length, 15);
    for (const r of report.results) expect(r.p5 <= r.p50 && r.p50 <= r.p95, r.target.id).toBe(true);
    const text = renderBacktest(report, metricLabels(model.metrics));
    expect(text).toMatch(/\d+ of 20 reported figures inside the model's P5-P95 band \(coverage \d+%\)/);
  });

  it("does not cover a figure ten times the reported one", () => {
    const r = report.results.find((x) => x.target.id === "ascend-units-2025-times-ten");
    expect(r?.covered).toBe(false);
    expect(r?.p95).toBeLessThan(6e6);
  });

  it("keeps disagreeing targets and says so", () => {
    expect(report.disagreements).toContainEqual({ a: "domestic-share-2024", b: "domestic-share-2024-late", metric: "share.domestic", year: 2024 });
    expect(renderBacktest(report, metricLabels(model.metrics))).toContain("domestic-share-2024 and domestic-share-2024-late");
  });

  it("scores a milestone by the probability of reaching it", () => {
    const r = report.results.find((x) => x.target.id === "supply-exceeds-demand-2028");
    const p = summarize(model, runMonteCarlo(model, { runs: 400, seed: 3 }), 3).milestones.domesticSupplyExceedsDemand["2028"] as number;
    // For a 0/1 outcome forecast with probability p: E|X - 1| = 1 - p, E|X - X'| = 2p(1 - p), so CRPS = (1 - p)^2.
    expect(r?.score.kind === "crps" && r.score.crps).toBeCloseTo((1 - p) ** 2, 12);
  });
});
