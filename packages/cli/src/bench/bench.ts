#!/usr/bin/env node
/**
 * `pnpm bench`: how fast the baseline runs, and how far from the floor.
 *
 * Every figure comes from one invocation, configuration after
 * configuration, so ratios between them hold on a machine shared with
 * others; absolute figures vary with the load. Measured:
 *
 *   - each of 10^4, 10^5, 10^6 runs with 1 and 2 threads, stored (exact)
 *     and streaming statistics: wall time of the whole command from the
 *     shell (start-up included) and peak memory, each in a process of its
 *     own; stored statistics are skipped where the values would not fit
 *     STORED_LIMIT_BYTES;
 *   - the variate floor: the baseline's parameter draws alone (every draw
 *     of every run comes from the parameter table: same generators, same
 *     transforms) against the whole model, in this process;
 *   - the reference kernel (referenceKernel.ts), timed in this process
 *     between the same runs of the baseline: both per run and per
 *     agent-step, and the kernel against its own draws;
 *   - how run time grows with the runs and with the horizon: fitted
 *     exponents, which should be 1;
 *   - the garbage the run loop leaves per run, on the command's thread and
 *     on a worker's (bytes; the aim is none);
 *   - start-up alone: `chipsim run baseline --runs 1` on one thread, its
 *     scenario from the cache and from its files;
 *   - the analysis commands (compare, sweep, sensitivity) on one thread
 *     and on two, 20,000 runs each (analysisThreads.ts);
 *   - precision per run with each sampler: how much the 2030 mean, P5 and
 *     P95 of the headline metrics move from seed to seed with random draws
 *     against scrambled Sobol points (samplerPrecision.ts), and the time
 *     each took.
 *
 * Flags: --json (one JSON object), --max-runs N (largest job, default
 * 1000000), --repeat N (timings are medians of N, default 1),
 * --precision-seeds N and --precision-runs N (the sampler comparison:
 * default 10 seeds of 16,384 runs), --history FILE (append the result as
 * one JSON line; nothing is written otherwise), --smoke (every section
 * at a tenth of its runs, jobs of 1,000 runs only: to check that the
 * benchmark works, not to quote).
 */
import { execFile } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { compileModel, storedBytes, planJob, RunInputs, runMonteCarlo, yearsOf, type CompiledModel } from "@chipsim/core";
import { NODE_FLAGS } from "../nodeFlags.js";
import { loadResolved } from "../scenarioInput.js";
import { UsageError } from "../usageError.js";
import { fitExponent, median } from "./fitExponent.js";
import { baselineAgentSteps } from "./agentSteps.js";
import { GARBAGE_FLAG } from "./garbagePerRun.js";
import { samplerPrecision } from "./samplerPrecision.js";
import { analysisThreads } from "./analysisThreads.js";
import { HEADLINE_METRICS } from "../output/summaryTable.js";
import { KERNEL_AGENT_STEPS, referenceKernelDraws, runReferenceKernel } from "./referenceKernel.js";

const STORED_LIMIT_BYTES = 2 * 1024 ** 3;
const SEED = 2026;

interface Config {
  readonly runs: number;
  readonly threads: number;
  readonly statistics: "exact" | "streaming";
}

type ConfigResult = Config & ({ wallSeconds: number; runsPerSecond: number; peakMemoryMiB: number } | { skipped: string });

const execFileAsync = promisify(execFile);

function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

function wholeFlag(name: string, fallback: number): number {
  const text = flag(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!(Number.isInteger(value) && value >= 1)) throw new UsageError(`--${name}: expected a whole number above 0, found "${text}"`);
  return value;
}

/** The bundled child (scripts/bundle.mjs), so that commands start, and run loops are compiled, as `chipsim`'s are. */
const child = fileURLToPath(new URL("../bundle/benchChild.js", import.meta.url));

/** One configuration as a user would run it: the command line in a fresh process, timed from spawn to exit (each replaces the last one's files). */
async function runConfig(config: Config, out: string, cacheDir: string): Promise<{ wallSeconds: number; peakMemoryMiB: number }> {
  const args = ["run", "baseline", "--runs", String(config.runs), "--seed", String(SEED), "--workers", String(config.threads), "--statistics", config.statistics, "--quiet", "--out", out, "--force"];
  // Stored statistics past the default bound must be asked for: the bench measures them up to STORED_LIMIT_BYTES.
  if (config.statistics === "exact") args.push("--memory-bound", String(STORED_LIMIT_BYTES / 2 ** 20));
  const started = performance.now();
  // A scenario cache of the benchmark's own ("off": none), so that what the user's cache holds changes nothing.
  const env = { ...process.env, CHIPSIM_CACHE_DIR: cacheDir };
  const { stdout } = await execFileAsync(process.execPath, [...NODE_FLAGS, child, ...args], { maxBuffer: 1 << 20, env });
  const wallSeconds = (performance.now() - started) / 1000;
  const report = JSON.parse(stdout.trim().split("\n").pop() as string) as { code: number; peakMemoryMiB: number };
  if (report.code !== 0) throw new Error(`chipsim ${args.join(" ")} exited with ${report.code}`);
  return { wallSeconds, peakMemoryMiB: report.peakMemoryMiB };
}

/** Bytes a run the bundled run loop leaves (garbagePerRun.ts), on the command's thread and on a worker's, measured in a child running the bundle. */
async function bundledGarbagePerRun(): Promise<{ garbageBytesPerRun: number; workerGarbageBytesPerRun: number }> {
  const { stdout } = await execFileAsync(process.execPath, [...NODE_FLAGS, child, GARBAGE_FLAG, String(SEED)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").pop() as string) as { garbageBytesPerRun: number; workerGarbageBytesPerRun: number };
}

interface InProcessFigures {
  readonly variateFloor: { drawMicroseconds: number; runMicroseconds: number; ratio: number };
  readonly referenceKernel: {
    microsecondsPerRun: number;
    drawMicroseconds: number;
    ratioToDraws: number;
    agentStepsPerRun: number;
    baselineAgentStepsPerRun: number;
    baselinePerRunRatio: number;
    baselinePerAgentStepRatio: number;
  };
}

/**
 * Microseconds per run of the baseline's draws alone, of the whole
 * baseline, of the reference kernel and of the kernel's draws alone, each
 * round timing all four one after another so that load hits them alike.
 */
function inProcessFigures(model: CompiledModel, runs: number, repeat: number): InProcessFigures {
  const plan = planJob(model, { runs, seed: SEED, statistics: "exact" });
  const inputs = RunInputs.forPlan(model, plan);
  // A kernel run costs about an eighth of a baseline run: four times as many keep its timing from being too short to trust.
  const kernelRuns = 4 * runs;
  const draws: number[] = [];
  const whole: number[] = [];
  const kernel: number[] = [];
  const kernelDraws: number[] = [];
  const perRun = (started: number, n: number) => ((performance.now() - started) * 1000) / n;
  for (let r = 0; r < repeat; r++) {
    let t = performance.now();
    for (let run = 0; run < runs; run++) inputs.draw(run);
    draws.push(perRun(t, runs));
    t = performance.now();
    runMonteCarlo(model, { plan });
    whole.push(perRun(t, runs));
    t = performance.now();
    runReferenceKernel(kernelRuns, SEED);
    kernel.push(perRun(t, kernelRuns));
    t = performance.now();
    referenceKernelDraws(kernelRuns, SEED);
    kernelDraws.push(perRun(t, kernelRuns));
  }
  const runMicroseconds = median(whole);
  const drawMicroseconds = median(draws);
  const kernelMicroseconds = median(kernel);
  const kernelDrawMicroseconds = median(kernelDraws);
  const agentSteps = baselineAgentSteps(model.world.layout);
  return {
    variateFloor: { drawMicroseconds: round(drawMicroseconds), runMicroseconds: round(runMicroseconds), ratio: round(runMicroseconds / drawMicroseconds) },
    referenceKernel: {
      microsecondsPerRun: round(kernelMicroseconds),
      drawMicroseconds: round(kernelDrawMicroseconds),
      ratioToDraws: round(kernelMicroseconds / kernelDrawMicroseconds),
      agentStepsPerRun: KERNEL_AGENT_STEPS,
      baselineAgentStepsPerRun: agentSteps,
      baselinePerRunRatio: round(runMicroseconds / kernelMicroseconds),
      baselinePerAgentStepRatio: round(runMicroseconds / agentSteps / (kernelMicroseconds / KERNEL_AGENT_STEPS)),
    },
  };
}

function timeRuns(model: CompiledModel, runs: number, repeat: number): number {
  const plan = planJob(model, { runs, seed: SEED, statistics: "exact" });
  const times: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    runMonteCarlo(model, { plan });
    times.push((performance.now() - t) / 1000);
  }
  return median(times);
}

function round(x: number, digits = 3): number {
  return Number(x.toPrecision(digits + 1));
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const maxRuns = wholeFlag("max-runs", 1_000_000);
  const repeat = wholeFlag("repeat", 1);
  const smoke = process.argv.includes("--smoke");
  /** Runs of a section, a tenth of them with --smoke. */
  const sized = (runs: number) => (smoke ? runs / 10 : runs);
  const jobSizes = smoke ? [1000] : [10_000, 100_000, 1_000_000];
  const precisionSeeds = wholeFlag("precision-seeds", 10);
  const precisionRuns = wholeFlag("precision-runs", 16_384);
  const history = flag("history");
  const log = (line: string) => {
    if (!json) process.stderr.write(`${line}\n`);
  };

  const scenario = loadResolved("baseline", [], process.cwd());
  const model = compileModel(scenario);
  const series = model.metrics.length * yearsOf(model);

  // Figures of this process first, before children load the machine.
  log("variate floor and reference kernel ...");
  const { variateFloor: floor, referenceKernel: kernel } = inProcessFigures(model, sized(5000), Math.max(3, repeat));
  log("garbage per run ...");
  const garbage = await bundledGarbagePerRun();
  log("scaling with runs and horizon ...");
  const runPoints = [2500, 5000, 10_000, 20_000].map(sized).map((runs) => ({ x: runs, seconds: timeRuns(model, runs, repeat) }));
  const dir = mkdtempSync(join(tmpdir(), "chipsim-bench-"));
  const horizonPoints: { x: number; seconds: number; horizon: number }[] = [];
  for (const horizon of [2029, 2035, 2041, 2047]) {
    const file = join(dir, `horizon-${horizon}.yaml`);
    writeFileSync(file, `id: bench-horizon-${horizon}\ntitle: Baseline to ${horizon}\ndescription: The baseline run to another horizon, for the benchmark.\nextends: baseline\nhorizon: ${horizon}\n`);
    const m = compileModel(loadResolved(file, [], process.cwd()));
    horizonPoints.push({ x: m.world.layout.quarters, seconds: timeRuns(m, sized(3000), repeat), horizon });
  }

  // The first command fills the cache: every later one finds the scenario resolved, as a user's repeated command does.
  const cacheDir = join(dir, "scenario-cache");
  const configs: ConfigResult[] = [];
  for (const runs of jobSizes.filter((r) => r <= maxRuns)) {
    for (const statistics of ["streaming", "exact"] as const) {
      for (const threads of [1, 2]) {
        const config = { runs, threads, statistics };
        if (statistics === "exact" && storedBytes(runs, series) > STORED_LIMIT_BYTES) {
          configs.push({ ...config, skipped: `stored values would take ${(storedBytes(runs, series) / 1024 ** 3).toFixed(1)} GiB` });
          continue;
        }
        log(`${runs.toLocaleString("en-US")} runs, ${threads} thread${threads > 1 ? "s" : ""}, ${statistics} ...`);
        const timings: { wallSeconds: number; peakMemoryMiB: number }[] = [];
        for (let r = 0; r < repeat; r++) timings.push(await runConfig(config, join(dir, "out"), cacheDir));
        const wallSeconds = median(timings.map((t) => t.wallSeconds));
        configs.push({ ...config, wallSeconds: round(wallSeconds), runsPerSecond: Math.round(runs / wallSeconds), peakMemoryMiB: Math.max(...timings.map((t) => t.peakMemoryMiB)) });
      }
    }
  }
  // The shortest command with the scenario resolved from its files (a first run, or CHIPSIM_CACHE_DIR=off) and from the cache, in interleaved pairs.
  const short: Config = { runs: sized(10_000), threads: 2, statistics: "exact" };
  log(`${short.runs.toLocaleString("en-US")} runs, 2 threads, without and with the scenario cache ...`);
  const uncached: number[] = [];
  const cached: number[] = [];
  for (let r = 0; r < (smoke ? 1 : Math.max(3, repeat)); r++) {
    uncached.push((await runConfig(short, join(dir, "out"), "off")).wallSeconds);
    cached.push((await runConfig(short, join(dir, "out"), cacheDir)).wallSeconds);
  }
  const scenarioCache = { ...short, withoutSeconds: round(median(uncached)), withSeconds: round(median(cached)) };
  // Start-up alone: one run, one thread, the command's own cost (node itself, the bundle, the scenario, writing nothing).
  log("start-up: one run on one thread ...");
  const one: Config = { runs: 1, threads: 1, statistics: "exact" };
  const startCached: number[] = [];
  const startUncached: number[] = [];
  for (let r = 0; r < (smoke ? 1 : 5); r++) {
    startCached.push((await runConfig(one, join(dir, "out"), cacheDir)).wallSeconds);
    startUncached.push((await runConfig(one, join(dir, "out"), "off")).wallSeconds);
  }
  const startUp = { withCacheSeconds: round(median(startCached)), withoutCacheSeconds: round(median(startUncached)) };
  const analysisRuns = sized(20_000);
  log(`compare, sweep and sensitivity, ${analysisRuns.toLocaleString("en-US")} runs, on 1 and 2 threads ...`);
  const analyses = await analysisThreads(child, analysisRuns, SEED);
  log(`${precisionSeeds} seeds of ${precisionRuns.toLocaleString("en-US")} runs with random draws and with Sobol points ...`);
  const precision = await samplerPrecision(child, dir, { runs: precisionRuns, seeds: precisionSeeds, year: 2030, metrics: HEADLINE_METRICS });
  rmSync(dir, { recursive: true, force: true });

  const wall = (runs: number, threads: number, statistics: string) => {
    const c = configs.find((x) => x.runs === runs && x.threads === threads && x.statistics === statistics);
    return c && "wallSeconds" in c ? c.wallSeconds : undefined;
  };
  const speedup: Record<string, number> = {};
  for (const runs of jobSizes) {
    const one = wall(runs, 1, "streaming");
    const two = wall(runs, 2, "streaming");
    if (one && two) speedup[String(runs)] = round(one / two);
  }
  const result = {
    date: new Date().toISOString(),
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? "unknown", node: process.version },
    scenario: "baseline",
    seed: SEED,
    parameters: model.table.size,
    quarters: model.world.layout.quarters,
    series,
    repeat,
    configs,
    twoThreadSpeedup: speedup,
    scenarioCache,
    samplerPrecision: precision,
    startUp,
    analysisThreads: analyses,
    variateFloor: floor,
    referenceKernel: kernel,
    garbageBytesPerRun: Math.round(garbage.garbageBytesPerRun),
    workerGarbageBytesPerRun: Math.round(garbage.workerGarbageBytesPerRun),
    scaling: {
      runsExponent: round(fitExponent(runPoints)),
      horizonExponent: round(fitExponent(horizonPoints)),
      runs: runPoints.map((p) => ({ runs: p.x, seconds: round(p.seconds) })),
      horizon: horizonPoints.map((p) => ({ horizon: p.horizon, quarters: p.x, seconds: round(p.seconds) })),
    },
  };
  if (history) appendFileSync(history, `${JSON.stringify(result)}\n`);
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const lines = [
    `baseline, seed ${SEED}: ${result.parameters} parameters, ${result.quarters} quarters, ${series} series; ${result.machine.cores} cores, node ${result.machine.node}`,
    "",
    "  runs        threads  statistics  wall (s)  runs/s     peak MiB",
    ...configs.map((c) =>
      [
        c.runs.toLocaleString("en-US").padStart(9),
        String(c.threads).padStart(9),
        c.statistics.padStart(11),
        "wallSeconds" in c ? [c.wallSeconds.toFixed(2).padStart(9), c.runsPerSecond.toLocaleString("en-US").padStart(9), c.peakMemoryMiB.toFixed(0).padStart(10)].join("  ") : `  skipped: ${c.skipped}`,
      ].join(" "),
    ),
    "",
    `  two threads against one (streaming): ${Object.entries(speedup).map(([r, s]) => `${Number(r).toLocaleString("en-US")} runs ${s}x`).join(", ") || "n/a"}`,
    `  ${scenarioCache.runs.toLocaleString("en-US")} runs on 2 threads, scenario read from its files: ${scenarioCache.withoutSeconds.toFixed(2)} s; from the cache: ${scenarioCache.withSeconds.toFixed(2)} s`,
    `  variate floor: draws ${floor.drawMicroseconds} us/run, whole model ${floor.runMicroseconds} us/run, ratio ${floor.ratio}`,
    `  reference kernel (${KERNEL_AGENT_STEPS} agent-steps a run): ${kernel.microsecondsPerRun} us/run, ${kernel.ratioToDraws}x its draws; the baseline (${kernel.baselineAgentStepsPerRun} agent-steps) takes ${kernel.baselinePerRunRatio}x as long a run, ${kernel.baselinePerAgentStepRatio}x per agent-step`,
    `  time ~ runs^${result.scaling.runsExponent}, ~ quarters^${result.scaling.horizonExponent}`,
    `  garbage left by the run loop: ${result.garbageBytesPerRun} bytes a run (${result.workerGarbageBytesPerRun} on a worker thread)`,
    `  start-up (one run, one thread, from the shell): ${startUp.withCacheSeconds.toFixed(2)} s with the scenario cached, ${startUp.withoutCacheSeconds.toFixed(2)} s from its files`,
    ...analyses.map((a) => `  ${a.command} (${a.runs.toLocaleString("en-US")} runs): ${a.oneThreadSeconds.toFixed(1)} s on 1 thread, ${a.twoThreadSeconds.toFixed(1)} s on 2: ${a.speedup}x`),
    `  precision per run, ${precision.seeds} seeds of ${precision.runs.toLocaleString("en-US")} runs: variance of the ${precision.year} figure with random draws over that with Sobol points and with Latin hypercubes (mean / P5 / P95), and the standard error of the mean each reports`,
    ...precision.metrics.map((m) => {
      const ratios = (r: { mean: number; p5: number; p95: number }) => [r.mean, r.p5, r.p95].map((x) => (Number.isFinite(x) ? `${x}x` : "no spread")).join(" / ");
      return `    ${m.metric.padEnd(26)} sobol ${ratios(m.varianceRatio.sobol)}; lhs ${ratios(m.varianceRatio.lhs)}; se ${m.reportedSeMean.random} random, ${m.reportedSeMean.sobol} sobol, ${m.reportedSeMean.lhs} lhs`;
    }),
    `    the mean at least 4x less variable on ${precision.heldAt4x.sobol} (sobol) and ${precision.heldAt4x.lhs} (lhs) of ${precision.metrics.length} metrics; their commands took ${precision.timeRatio.sobol}x and ${precision.timeRatio.lhs}x the time of random ones`,
    history ? `  appended to ${history}` : "",
    "",
  ];
  process.stdout.write(lines.join("\n"));
}

main().catch((error: unknown) => {
  process.stderr.write(`chipsim bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
