import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { compileModel, type CompiledModel } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { GARBAGE_FLAG, garbagePerRun } from "../../packages/cli/src/bench/garbagePerRun.js";
import { NODE_FLAGS } from "../../packages/cli/src/nodeFlags.js";
import { resolve } from "../helpers/scenario.js";

const run = promisify(execFile);
const bench = fileURLToPath(new URL("../../packages/cli/dist/bench/bench.js", import.meta.url));

describe("pnpm bench", () => {
  it("runs every section (--smoke: a tenth of the runs, jobs of 1,000), and appends to --history only when asked", async () => {
    const history = join(mkdtempSync(join(tmpdir(), "chipsim-bench-")), "history.jsonl");
    const { stdout } = await run(process.execPath, [bench, "--smoke", "--precision-seeds", "2", "--precision-runs", "1100", "--json", "--history", history], { cwd: fileURLToPath(new URL("../..", import.meta.url)) });
    const result = JSON.parse(stdout) as {
      configs: { runs: number; threads: number; statistics: string; wallSeconds?: number; peakMemoryMiB?: number }[];
      variateFloor: { drawMicroseconds: number; runMicroseconds: number; ratio: number };
      referenceKernel: { microsecondsPerRun: number; ratioToDraws: number; agentStepsPerRun: number; baselineAgentStepsPerRun: number; baselinePerRunRatio: number; baselinePerAgentStepRatio: number };
      scaling: { runsExponent: number; horizonExponent: number };
      twoThreadSpeedup: Record<string, number>;
      garbageBytesPerRun: number;
      workerGarbageBytesPerRun: number;
      scenarioCache: { runs: number; threads: number; statistics: string; withoutSeconds: number; withSeconds: number };
      startUp: { withCacheSeconds: number; withoutCacheSeconds: number };
      analysisThreads: { command: string; runs: number; speedup: number }[];
      samplerPrecision: {
        runs: number;
        seeds: number;
        year: number;
        heldAt4x: { sobol: number; lhs: number };
        timeRatio: { sobol: number; lhs: number };
        metrics: { metric: string; varianceRatio: { sobol: { mean: number }; lhs: { mean: number } }; reportedSeMean: { random: number; sobol: number; lhs: number } }[];
      };
    };
    // --smoke: jobs of 10^3 runs only, 1 and 2 threads, streaming and stored, each run as its own process.
    expect(result.configs.map((c) => `${c.runs}/${c.threads}/${c.statistics}`)).toEqual(["1000/1/streaming", "1000/2/streaming", "1000/1/exact", "1000/2/exact"]);
    for (const c of result.configs) {
      expect(c.wallSeconds).toBeGreaterThan(0);
      expect(c.peakMemoryMiB).toBeGreaterThan(0);
    }
    expect(Object.keys(result.twoThreadSpeedup)).toEqual(["1000"]);
    // The whole model costs more than its draws alone; the exponents are fitted numbers.
    expect(result.variateFloor.ratio).toBeGreaterThan(1);
    // The kernel against its draws and the baseline against the kernel, per run and per agent-step (360 and 48 x 42 of them).
    const kernel = result.referenceKernel;
    expect(kernel).toMatchObject({ agentStepsPerRun: 360, baselineAgentStepsPerRun: 2160 });
    expect(kernel.microsecondsPerRun).toBeGreaterThan(0);
    expect(kernel.ratioToDraws).toBeGreaterThan(1);
    expect(kernel.baselinePerRunRatio).toBeGreaterThan(1);
    expect(kernel.baselinePerAgentStepRatio).toBeCloseTo((kernel.baselinePerRunRatio * 360) / 2160, 2);
    expect(Number.isFinite(result.scaling.runsExponent) && Number.isFinite(result.scaling.horizonExponent)).toBe(true);
    expect(result.garbageBytesPerRun).toBeGreaterThanOrEqual(0);
    expect(result.workerGarbageBytesPerRun).toBeGreaterThanOrEqual(0);
    // The short command timed both ways; which is faster is for the reader of the figures, not for a test on a shared machine.
    expect(result.scenarioCache).toMatchObject({ runs: 1000, threads: 2, statistics: "exact" });
    expect(result.scenarioCache.withoutSeconds).toBeGreaterThan(0);
    expect(result.scenarioCache.withSeconds).toBeGreaterThan(0);
    expect(result.startUp.withCacheSeconds).toBeGreaterThan(0);
    expect(result.startUp.withoutCacheSeconds).toBeGreaterThan(0);
    expect(result.analysisThreads.map((a) => `${a.command}/${a.runs}`)).toEqual(["compare/2000", "sweep/2000", "sensitivity/2000"]);
    for (const a of result.analysisThreads) expect(a.speedup).toBeGreaterThan(0);
    // Two seeds of 1,100 runs per sampler: the figures exist and are positive; their size is for the full bench.
    const precision = result.samplerPrecision;
    expect(precision).toMatchObject({ runs: 1100, seeds: 2, year: 2030 });
    expect(precision.metrics.map((m) => m.metric)).toContain("compute.installedH100e");
    for (const m of precision.metrics) for (const se of Object.values(m.reportedSeMean)) expect(se).toBeGreaterThan(0);
    expect(precision.timeRatio.sobol).toBeGreaterThan(0);
    expect(precision.timeRatio.lhs).toBeGreaterThan(0);
    const lines = readFileSync(history, "utf8").trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string).configs).toEqual(result.configs);
  }, 180_000);

  it("refuses a --max-runs that is not a whole number", async () => {
    const failed = await run(process.execPath, [bench, "--max-runs", "lots"]).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(2);
    expect((failed as { stderr: string }).stderr).toMatch(/--max-runs: expected a whole number above 0, found "lots"/);
  });
});

describe("the garbage the run loop leaves", () => {
  it("is under 100 bytes a run for the baseline, and sees an agent that allocates", async () => {
    const model = compileModel(resolve("baseline"));
    const clean = await garbagePerRun(model, 3000, 1);
    // About 40 bytes here, most of it the test runner's own. It was 460 while numbers crossed calls
    // V8 does not inline (a normal quantile's tail, the run key's words), and an array a run would be
    // far above either.
    expect(clean).toBeLessThan(100);
    // Scrambled Sobol points and Latin hypercubes are made in the run too, into arrays.
    expect(await garbagePerRun(model, 3000, 1, "sobol")).toBeLessThan(100);
    expect(await garbagePerRun(model, 3000, 1, "lhs")).toBeLessThan(100);
    // A last agent that makes a 100-number array every quarter: 48 x 816 bytes a run, or more.
    const wasteful = { name: "market" as const, reset() {}, step: (w: CompiledModel["world"]) => void (w.obs[0] = new Array(100).fill(w.q).length * 0) };
    const leaky = await garbagePerRun({ ...model, agents: [...model.agents, wasteful] }, 3000, 1);
    expect(leaky).toBeGreaterThan(clean + 48 * 800);
  }, 60_000);

  it("is as small in the bundled command and its worker threads, whose code is not the modules tsc writes", async () => {
    // Once, esbuild's output (scripts/bundle.mjs) made the run loop allocate 8 KB a run on the
    // command's thread (lazy module wrappers) and on a worker's (an ES-module script).
    const child = fileURLToPath(new URL("../../packages/cli/dist/bundle/benchChild.js", import.meta.url));
    const { stdout } = await run(process.execPath, [...NODE_FLAGS, child, GARBAGE_FLAG, "1"]);
    const measured = JSON.parse(stdout.trim().split("\n").pop() as string) as { garbageBytesPerRun: number; workerGarbageBytesPerRun: number };
    for (const bytes of [measured.garbageBytesPerRun, measured.workerGarbageBytesPerRun]) {
      expect(bytes).toBeGreaterThanOrEqual(0);
      expect(bytes).toBeLessThan(100);
    }
  }, 60_000);
});
