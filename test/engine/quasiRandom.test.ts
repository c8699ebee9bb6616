import { compareScenarios, compileModel, MonteCarloAggregate, planJob, runMonteCarlo, SCRAMBLES, scrambleOf, sharedDimensions, summarize } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chipsim } from "../helpers/cli.js";
import { resolve } from "../helpers/scenario.js";
import { childScenario, tempDir } from "../helpers/tempScenarios.js";

/** Runs drawn from scrambled Sobol points: the same runs however the job is split, and standard errors from the scrambles. */
describe("--sampler sobol and lhs", () => {
  const model = compileModel(resolve("baseline"));
  const years = Math.ceil(model.context.quarters / 4);
  const metric = (id: string) => model.metrics.findIndex((m) => m.id === id);
  const installed2030 = metric("compute.installedH100e") * years + 6;
  /** 4,096 Sobol runs with seed 3, and each run's 2030 installed compute. */
  const values: number[] = [];
  const sobolJob = runMonteCarlo(model, { runs: 4096, seed: 3, sampler: "sobol", onRun: (_run, v) => values.push(v[installed2030] as number) });

  it.each(["sobol", "lhs"] as const)("gives each run the same values whatever slice runs it (%s)", (sampler) => {
    const plan = planJob(model, { runs: 2600, seed: 5, sampler });
    expect(plan).toMatchObject({ sampler, dimensions: model.table.uncertainPaths() });
    const whole = new Map<number, number>();
    runMonteCarlo(model, { plan, firstRun: 1000, count: 1100, discardValues: true, onRun: (run, values) => whole.set(run, values[installed2030] as number) });
    const parts = new Map<number, number>();
    for (const [first, count] of [[1000, 24], [1024, 1076]] as const) {
      runMonteCarlo(model, { plan, firstRun: first, count, discardValues: true, onRun: (run, values) => parts.set(run, values[installed2030] as number) });
    }
    expect(parts).toEqual(whole);
    // Not the random draws: the same seed gives other runs.
    const random = new Map<number, number>();
    runMonteCarlo(model, { runs: 2600, seed: 5, firstRun: 1000, count: 3, discardValues: true, onRun: (run, values) => random.set(run, values[installed2030] as number) });
    expect(random.get(1000)).not.toBe(whole.get(1000));
  });

  it("gives the same streaming statistics, scramble sums included, from slices that travelled as from one pass", () => {
    const plan = planJob(model, { runs: 2100, seed: 8, sampler: "sobol", statistics: "streaming" });
    const head = runMonteCarlo(model, { plan, firstRun: 0, count: 1024 });
    const tail = runMonteCarlo(model, { plan, firstRun: 1024, count: 1076 });
    const combined = MonteCarloAggregate.combine(plan, [MonteCarloAggregate.fromPartial(plan, tail.toPartial()), head]);
    const whole = runMonteCarlo(model, { plan });
    expect(JSON.stringify(summarize(model, combined, 8))).toBe(JSON.stringify(summarize(model, whole, 8)));
    // Three scrambles are too few to trust their spread: the runs' own sd / sqrt n stands in (the safe side).
    const precision = summarize(model, whole, 8).precision["compute.installedH100e"]?.["2030"]?.seMean as number;
    const sd = summarize(model, whole, 8).metrics["compute.installedH100e"]?.["2030"]?.sd as number;
    expect(precision).toBeCloseTo(sd / Math.sqrt(2100), 6);
  });

  it("takes the standard error of the mean from the spread of the 8 scrambles' means, in exact and streaming statistics alike", () => {
    const runs = 4096;
    const exact = sobolJob;
    // By hand: blocks of 1,024 runs go to scrambles 0, 1, 2, 3; each scramble's mean, then sd of the means / sqrt(R).
    const means = [0, 1, 2, 3].map((r) => values.filter((_, i) => scrambleOf(i) === r).reduce((a, b) => a + b, 0) / 1024);
    const grand = means.reduce((a, b) => a + b, 0) / 4;
    const byHand = Math.sqrt(means.reduce((a, m) => a + (m - grand) ** 2, 0) / (4 * 3));
    const summary = summarize(model, exact, 3);
    const precision = summary.precision["compute.installedH100e"]?.["2030"];
    expect(precision?.seMean).toBeCloseTo(byHand, 6);
    const streaming = summarize(model, runMonteCarlo(model, { runs, seed: 3, sampler: "sobol", statistics: "streaming" }), 3);
    expect(streaming.precision["compute.installedH100e"]?.["2030"]?.seMean).toBeCloseTo(byHand, 6);
    expect(streaming.metrics["compute.installedH100e"]?.["2030"]?.mean).toBeCloseTo(grand, 3);
    expect(SCRAMBLES).toBe(8);
  });

  it("pins the 2030 installed compute down better than random draws of the same number: variance at least 4x smaller", () => {
    const se = (summary: ReturnType<typeof summarize>) => summary.precision["compute.installedH100e"]?.["2030"]?.seMean as number;
    const random = se(summarize(model, runMonteCarlo(model, { runs: 4096, seed: 3 }), 3));
    const sobol = se(summarize(model, sobolJob, 3));
    expect(sobol).toBeGreaterThan(0);
    // About 50x at 2^14 runs in `pnpm bench`; at 2^12 the scrambles hold 512 points each.
    expect((random / sobol) ** 2).toBeGreaterThan(4);
  });

  it("compares scenarios on the same points: a parameter both draw takes one dimension, whichever parameters only one draws", async () => {
    // B fixes the EUV date (one dimension fewer): without shared dimensions every later parameter would move to another one.
    const b = compileModel(resolve(childScenario(tempDir(), "euv-2031.yaml", "lithography:\n  domesticEuv:\n    readyYear: {value: 2031, assumption: test}\n")));
    const dims = sharedDimensions([model, b]);
    expect(dims).toEqual(model.table.uncertainPaths());
    expect(b.table.uncertainPaths()).not.toContain("lithography.domesticEuv.readyYear");
    for (const memoryBoundBytes of [undefined, 1]) {
      const compared = await compareScenarios([model, b], { runs: 1100, seed: 4, sampler: "sobol", ...(memoryBoundBytes ? { memoryBoundBytes } : {}) });
      expect(compared.sampler).toBe("sobol");
      // Imports in 2024 do not depend on when domestic EUV arrives: the same in every run of both sides.
      const imported = compared.metrics["accelerators.imported"]?.["2024"]?.["diff"] as Record<string, { p5: number; p95: number }>;
      expect(Object.values(imported)[0]).toMatchObject({ p5: 0, p95: 0 });
      // The EUV date moves what depends on it.
      const wafers = compared.metrics["wafers.advanced"]?.["2033"]?.["diff"] as Record<string, { p5: number; p95: number }>;
      expect(Object.values(wafers)[0]!.p95 - Object.values(wafers)[0]!.p5).toBeGreaterThan(0);
    }
    // Each side is the job of that scenario alone on the shared dimensions.
    const alone = summarize(b, runMonteCarlo(b, { plan: planJob(b, { runs: 1100, seed: 4, sampler: "sobol", dimensions: dims, statistics: "exact" }) }), 4);
    const compared = await compareScenarios([model, b], { runs: 1100, seed: 4, sampler: "sobol" });
    expect(JSON.stringify(compared.summaries[b.scenario.meta.id]?.metrics)).toBe(JSON.stringify(alone.metrics));
  });

  it("runs every point of a sweep as `run --sampler sobol` runs it", async () => {
    const swept = await chipsim(["sweep", "baseline", "--vary", "levers.us-hbm-ban.strength=0:1:2", "--runs", "300", "--sampler", "sobol", "--format", "json", "--workers", "1"]);
    expect(swept.code).toBe(0);
    const sweep = JSON.parse(swept.stdout) as { design: { sampler?: string }; rows: { point: number; metric: string; year: number; mean: number }[] };
    expect(sweep.design.sampler).toBe("sobol");
    const dir = tempDir();
    const run = await chipsim(["run", "baseline", "--set", "levers.us-hbm-ban.strength=0", "--runs", "300", "--sampler", "sobol", "--out", dir, "--quiet"]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    const row = sweep.rows.find((r) => r.point === 0 && r.metric === "accelerators.domestic" && r.year === 2030);
    expect(row?.mean).toBe(summary.metrics["accelerators.domestic"]["2030"].mean);
  });

  it("refuses Sobol points for more uncertain parameters than the direction numbers have dimensions, saying what to use", () => {
    const many = Array.from({ length: 1025 }, (_, i) => `p${i}`);
    expect(() => planJob(model, { runs: 10, seed: 1, sampler: "sobol", dimensions: many })).toThrow(
      expect.objectContaining({ code: "BAD_INPUT", message: expect.stringMatching(/--sampler sobol: expected at most 1,024 uncertain parameters .* found 1025; use --sampler lhs or random/) }),
    );
  });

  it("says so in the manifest, and a merge refuses shards drawn with different samplers", async () => {
    const dir = tempDir();
    const shard = (index: number, sampler: string) => chipsim(["run", "baseline", "--runs", "1500", "--sampler", sampler, "--shard", `${index}/2`, "--out", join(dir, `${sampler}-${index}`), "--quiet"]);
    expect((await shard(0, "sobol")).code).toBe(0);
    expect((await shard(1, "random")).code).toBe(0);
    const merged = await chipsim(["merge", join(dir, "sobol-0"), join(dir, "random-1"), "--out", join(dir, "merged"), "--quiet"]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/not from the same job: expected sampler "sobol" .*found none/);
    const whole = await chipsim(["run", "baseline", "--runs", "300", "--sampler", "sobol", "--out", join(dir, "whole"), "--quiet"]);
    expect(whole.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "whole", "summary.json"), "utf8")).manifest).toMatchObject({ runs: 300, sampler: "sobol" });
    const lhs = await chipsim(["run", "baseline", "--runs", "300", "--sampler", "lhs", "--out", join(dir, "lhs"), "--quiet"]);
    expect(lhs.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "lhs", "summary.json"), "utf8")).manifest).toMatchObject({ runs: 300, sampler: "lhs" });
    const bad = await chipsim(["run", "baseline", "--sampler", "halton"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/sampler/);
  });
});
