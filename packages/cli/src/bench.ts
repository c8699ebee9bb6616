#!/usr/bin/env node
/**
 * `pnpm bench`: the baseline at a fixed seed, in this process, reporting
 * runs per second and peak memory. Figures from one machine vary with its
 * load; compare ratios measured in the same invocation, not absolute
 * numbers across days. `--json` prints one JSON object.
 */
import { compileModel, runMonteCarlo, summarize } from "@chipsim/core";
import { loadResolved } from "./scenarioInput.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const runsArg = args.find((a) => a.startsWith("--runs="));
const runs = runsArg ? Number(runsArg.slice("--runs=".length)) : 10_000;
const seed = 2026;

const t0 = performance.now();
const scenario = loadResolved("baseline", [], process.cwd());
const model = compileModel(scenario);
const t1 = performance.now();
const aggregate = runMonteCarlo(model, { runs, seed });
const t2 = performance.now();
summarize(model, aggregate, seed);
const t3 = performance.now();

const result = {
  scenario: "baseline",
  runs,
  seed,
  parameters: model.table.size,
  quarters: model.world.layout.quarters,
  loadAndCompileMs: Math.round(t1 - t0),
  runMs: Math.round(t2 - t1),
  summarizeMs: Math.round(t3 - t2),
  runsPerSecond: Math.round(runs / ((t2 - t1) / 1000)),
  microsecondsPerRun: Number((((t2 - t1) * 1000) / runs).toFixed(2)),
  // maxRSS is in kilobytes: the peak resident memory of this process so far.
  peakMemoryMiB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
  node: process.version,
};

if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  process.stdout.write(
    [
      `baseline, ${runs.toLocaleString("en-US")} runs, seed ${seed}, ${result.parameters} parameters, ${result.quarters} quarters`,
      `  load + compile  ${result.loadAndCompileMs} ms`,
      `  runs            ${result.runMs} ms  (${result.runsPerSecond.toLocaleString("en-US")} runs/s, ${result.microsecondsPerRun} us/run)`,
      `  summarise       ${result.summarizeMs} ms`,
      `  peak memory     ${result.peakMemoryMiB} MiB`,
      "",
    ].join("\n"),
  );
}
