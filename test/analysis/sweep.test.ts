import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChipsimError } from "@chipsim/core";
import { withPoint } from "../../packages/cli/src/parallel/sweepPoints.js";
import { stopWorkers } from "../../packages/cli/src/parallel/sharedWork.js";
import { runSweepPoints, startSweepWorkers } from "../../packages/cli/src/parallel/sweepTeam.js";
import { checkedAndPlain, chipsim } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempScenarios.js";

describe("sweep", () => {
  it("runs every grid point with the swept values and writes one row per point and metric-year", async () => {
    const out = tempDir();
    const r = await chipsim([
      "sweep",
      "baseline",
      "--vary",
      "lithography.domesticEuv.readyYear=2028:2032:3",
      "--vary",
      "power.connectionsGrowth=0.1:0.3:2",
      "--runs",
      "20",
      "--out",
      out,
      "--formats",
      "json,csv,parquet",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "sweep.json"), "utf8"));
    expect(json.design.points.map((p: { values: Record<string, number> }) => p.values)).toEqual([
      { "lithography.domesticEuv.readyYear": 16, "power.connectionsGrowth": 0.1 },
      { "lithography.domesticEuv.readyYear": 16, "power.connectionsGrowth": 0.3 },
      { "lithography.domesticEuv.readyYear": 24, "power.connectionsGrowth": 0.1 },
      { "lithography.domesticEuv.readyYear": 24, "power.connectionsGrowth": 0.3 },
      { "lithography.domesticEuv.readyYear": 32, "power.connectionsGrowth": 0.1 },
      { "lithography.domesticEuv.readyYear": 32, "power.connectionsGrowth": 0.3 },
    ]);
    const csv = readFileSync(join(out, "sweep.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("point,lithography.domesticEuv.readyYear,power.connectionsGrowth,metric,year,mean,sd,p5,p10,p25,p50,p75,p90,p95");
    const metrics = new Set(json.rows.map((row: { metric: string }) => row.metric)).size;
    expect(csv.length - 1).toBe(6 * metrics * 12);
    // The swept value reaches the model: faster power growth, more power available in 2030.
    const power = json.rows.filter((row: { metric: string; year: number }) => row.metric === "power.availableGW" && row.year === 2030);
    expect(power[1].p50).toBeGreaterThan(power[0].p50);
  });

  it("draws a Latin hypercube with one point per stratum, the same for the same seed", async () => {
    const run = async () => {
      const out = tempDir();
      await chipsim(["sweep", "baseline", "--vary", "power.connectionsGrowth=0.1:0.5", "--design", "lhs", "--points", "8", "--runs", "5", "--seed", "3", "--out", out, "--quiet"]);
      return JSON.parse(readFileSync(join(out, "sweep.json"), "utf8")).design.points.map((p: { values: Record<string, number> }) => p.values["power.connectionsGrowth"]);
    };
    const values: number[] = await run();
    expect(values.map((v) => Math.floor(((v - 0.1) / 0.4) * 8)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await run()).toEqual(values);
  });

  it("refuses a range outside the parameter's bounds or an unknown path", async () => {
    expect((await chipsim(["sweep", "baseline", "--vary", "power.pue=0.5:2"])).stderr).toContain("--vary power.pue: expected a range inside [1, Infinity]");
    expect((await chipsim(["sweep", "baseline", "--vary", "power.nothing=1:2"])).code).toBe(2);
  });

  it("gives the same bytes on one thread and on three: each point runs whole on one thread", async () => {
    const args = ["sweep", "baseline", "--vary", "memory.foreign.stockAtStart=500000:1500000:7", "--runs", "300", "--format", "csv"];
    const one = await chipsim([...args, "--workers", "1"]);
    expect(one.code).toBe(0);
    expect(one.stdout.trim().split("\n").length).toBeGreaterThan(7);
    expect((await chipsim([...args, "--workers", "3"])).stdout).toBe(one.stdout);
  });

  it("reports the points finished, by every thread", async () => {
    const seen: [number, number][] = [];
    const workers = startSweepWorkers(1);
    try {
      const job = { scenario: "baseline", sets: [], cwd: process.cwd(), points: [[], [], [], []], runs: 20, seed: 1, checkInvariants: false, sampler: "random" as const };
      await runSweepPoints(job, workers, (done, total) => seen.push([done, total]));
    } finally {
      await stopWorkers(workers);
    }
    expect(seen.at(-1)).toEqual([4, 4]);
    expect(seen.every(([, total]) => total === 4)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
  });

  it("stops on a point that fails, with that point's error and exit code, on any thread", async () => {
    // market.h100Tflops=0 is refused by the schema: whichever thread resolves a point with it says so.
    const bad = ["market.h100Tflops=0"];
    const workers = startSweepWorkers(1);
    try {
      const sweep = runSweepPoints({ scenario: "baseline", sets: [], cwd: process.cwd(), points: [[], bad, bad, bad], runs: 20, seed: 1, checkInvariants: false, sampler: "random" }, workers);
      await expect(sweep).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining("market.h100Tflops") });
    } finally {
      await stopWorkers(workers);
    }
    const r = await chipsim(["sweep", "baseline", "--vary", "power.connectionsGrowth=0.1:0.3", "--workers", "0"]);
    expect(r.stderr).toContain("--workers: expected a whole number of threads, at least 1, found 0");
  });

  it("checks invariants in every run of every point when asked, with the unchecked bytes", async () => {
    const args = ["sweep", "baseline", "--vary", "memory.foreign.stockAtStart=500000:1500000:5", "--runs", "300", "--format", "csv"];
    const { checked } = await checkedAndPlain(args, 2);
    expect(checked.stderr).toContain("5 points: invariants held in all 72,000 quarters checked, of 72,000 (1,500 runs x 48 quarters)");
  });

  it("names the point and its --set flags when one of its runs fails, and leaves bad input as it is", () => {
    const failed = withPoint(new ChipsimError("RUNTIME", "scenario baseline, run 3, 2026Q1: invariant dies broken"), 2, ["power.pue=1.5", "market.serviceLife=20"]);
    expect(failed).toBeInstanceOf(ChipsimError);
    expect((failed as ChipsimError).exitCode).toBe(1);
    expect((failed as Error).message).toBe("sweep point 2 (--set power.pue=1.5 --set market.serviceLife=20): scenario baseline, run 3, 2026Q1: invariant dies broken");
    const bad = new ChipsimError("BAD_INPUT", "--set power.pue: expected at least 1");
    expect(withPoint(bad, 2, ["power.pue=0.5"])).toBe(bad);
  });
});

