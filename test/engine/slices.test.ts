import { describe, expect, it } from "vitest";
import { BLOCK_RUNS, compileModel, MonteCarloAggregate, planJob, runMonteCarlo, sliceOf, summarize } from "@chipsim/core";
import { resolve } from "../helpers/scenario.js";

describe("slices of a job", () => {
  const model = compileModel(resolve("baseline"));

  it("cuts runs into block-aligned slices that cover them once", () => {
    const runs = 10 * BLOCK_RUNS + 17;
    const parts = [0, 1, 2].map((k) => sliceOf(0, runs, 3, k));
    expect(parts.map((p) => p.first % BLOCK_RUNS)).toEqual([0, 0, 0]);
    expect(parts[0]!.first).toBe(0);
    expect(parts[1]!.first).toBe(parts[0]!.first + parts[0]!.count);
    expect(parts[2]!.first + parts[2]!.count).toBe(runs);
    // 11 blocks in 3 shares: 3, 4 and 4 blocks (the last one short).
    expect(parts.map((p) => p.count)).toEqual([3 * BLOCK_RUNS, 4 * BLOCK_RUNS, 3 * BLOCK_RUNS + 17]);
  });

  it("streams statistics that merge to the same bits as one pass, through partial results", () => {
    const runs = 2 * BLOCK_RUNS + 300;
    const plan = planJob(model, { runs, seed: 9, statistics: "streaming" });
    expect(plan.mode).toBe("streaming");
    expect(plan.pilotRuns).toBe(2048);
    const whole = runMonteCarlo(model, { plan });
    const slices = [2, 0, 1].map((k) => sliceOf(0, runs, 3, k)).map((s) => runMonteCarlo(model, { plan, firstRun: s.first, count: s.count }));
    // Through toPartial/fromPartial, as between threads and shard files.
    const travelled = slices.map((s) => MonteCarloAggregate.fromPartial(plan, s.toPartial()));
    const merged = MonteCarloAggregate.combine(plan, travelled);
    const a = JSON.stringify(summarize(model, whole, 9));
    expect(JSON.stringify(summarize(model, merged, 9))).toBe(a);
    const summary = summarize(model, whole, 9);
    expect(summary.scenario.quantiles).toEqual({ method: "histogram", bins: 1024, pilotRuns: 2048, blockRuns: BLOCK_RUNS });
    expect(summary.precision["accelerators.domestic"]!["2030"]!.quantileError).toBeGreaterThan(0);
  });

  it("merges a travelled slice in place into one that already holds runs, exact and streaming", () => {
    for (const statistics of ["exact", "streaming"] as const) {
      const runs = 2 * BLOCK_RUNS + 40;
      const plan = planJob(model, { runs, seed: 5, statistics });
      const whole = runMonteCarlo(model, { plan });
      // As a thread does: its own runs first, then another thread's arriving as arrays.
      const mine = runMonteCarlo(model, { plan, firstRun: BLOCK_RUNS, count: runs - BLOCK_RUNS });
      const into = new MonteCarloAggregate(plan, 0, runs, mine.years, mine.designs);
      into.merge(mine);
      const theirs = runMonteCarlo(model, { plan, firstRun: 0, count: BLOCK_RUNS }).toPartial();
      into.mergePartial(theirs);
      into.requireCovers(0, runs);
      expect(into.runs).toBe(runs);
      expect(JSON.stringify(summarize(model, into, 5))).toBe(JSON.stringify(summarize(model, whole, 5)));
      // The same slice again is refused, not counted twice (exact: the runs' places are taken).
      if (statistics === "exact") expect(() => into.mergePartial(theirs)).toThrow(/recorded twice/);
      expect(() => into.mergePartial({ ...theirs, header: { ...theirs.header, series: theirs.header.series + 1 } })).toThrow(/expected series/);
    }
  });

  it("keeps streamed quantiles within their stated bound of the exact ones, and the moments close", () => {
    const runs = 3000;
    const exact = summarize(model, runMonteCarlo(model, { runs, seed: 4 }), 4);
    const streamed = summarize(model, runMonteCarlo(model, { runs, seed: 4, statistics: "streaming" }), 4);
    for (const metric of ["accelerators.domestic", "compute.installedH100e", "share.domestic"]) {
      for (const year of ["2026", "2030", "2035"]) {
        const e = exact.metrics[metric]![year]!;
        const s = streamed.metrics[metric]![year]!;
        const bound = streamed.precision[metric]![year]!.quantileError as number;
        for (const q of ["p5", "p25", "p50", "p75", "p95"] as const) expect(Math.abs(s[q] - e[q])).toBeLessThanOrEqual(bound * (1 + 1e-12) + 1e-300);
        expect(s.mean).toBeCloseTo(e.mean, 6 - Math.ceil(Math.log10(Math.abs(e.mean) + 1)));
      }
    }
  });

  it("refuses slices that miss runs, repeat them, or cut a streamed block", () => {
    const plan = planJob(model, { runs: 300, seed: 1 });
    const a = runMonteCarlo(model, { plan, firstRun: 0, count: 100 });
    const b = runMonteCarlo(model, { plan, firstRun: 150, count: 150 });
    expect(() => MonteCarloAggregate.combine(plan, [a, b])).toThrow(/runs 100\.\.149 are missing/);
    const streaming = planJob(model, { runs: 3000, seed: 1, statistics: "streaming" });
    expect(() => runMonteCarlo(model, { plan: streaming, firstRun: 100, count: 200 })).toThrow(/multiple of 1024/);
  });
});

describe("a resolved scenario crossing to another thread", () => {
  it("compiles from its structured clone to a model giving the same bits", async () => {
    const { compileModel: compile, restoreScenario, transferableScenario, runMonteCarlo: run, summarize: sum } = await import("@chipsim/core");
    const original = resolve("baseline");
    const copy = restoreScenario(structuredClone(transferableScenario(original)));
    const a = compile(original);
    const b = compile(copy);
    expect(JSON.stringify(sum(b, run(b, { runs: 60, seed: 3 }), 3))).toBe(JSON.stringify(sum(a, run(a, { runs: 60, seed: 3 }), 3)));
    expect(copy.locate("lithography").file).toMatch(/baseline/);
  });
});

describe("a thread running slice after slice", () => {
  it("records every slice of a model with the same recorder, so slices allocate nothing outside V8's heap", () => {
    // Its arrays live outside the heap, where garbage waits for a full collection that a long job
    // may never trigger: a recorder per slice made a streamed million runs grow by 30 MiB.
    const model = compileModel(resolve("baseline"));
    const plan = planJob(model, { runs: 3 * BLOCK_RUNS, seed: 4, statistics: "exact" });
    const seen = new Set<Float64Array>();
    for (let k = 0; k < 3; k++) runMonteCarlo(model, { plan, firstRun: k * BLOCK_RUNS, count: 2, onRun: (_run, values) => void seen.add(values) });
    expect(seen.size).toBe(1);
    // Another model has a recorder of its own.
    runMonteCarlo(compileModel(resolve("baseline")), { plan, firstRun: 0, count: 1, onRun: (_run, values) => void seen.add(values) });
    expect(seen.size).toBe(2);
  });
});
