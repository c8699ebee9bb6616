import { availableParallelism } from "node:os";
import yargs, { type Argv } from "yargs";
import { ChipsimError, type Sampler } from "@chipsim/core";
import { backtestCommand } from "./commands/backtest.js";
import { compareCommand } from "./commands/compare.js";
import { explainCommand } from "./commands/explain.js";
// Statically, like every command: the chart libraries, the slow part to load, load on first use
// anyway (renderSvg.ts), and an import() here would cost the bundle its speed (scripts/bundle.mjs).
import { chartsCommand, reportCommand } from "./commands/report.js";
import { cacheCommand, type CacheAction } from "./commands/cache.js";
import { listCommand } from "./commands/list.js";
import { mergeCommand } from "./commands/merge.js";
import { sensitivityCommand } from "./commands/sensitivity.js";
import { sourcesCommand } from "./commands/sources.js";
import { sweepCommand } from "./commands/sweep.js";
import { runCommand, type OutputFormat } from "./commands/run.js";
import { schemaCommand } from "./commands/schema.js";
import { showCommand } from "./commands/show.js";
import { validateCommand } from "./commands/validate.js";
import type { CliIo } from "./io.js";
import { InterruptedError } from "./interruptedError.js";
import { CHIPSIM_VERSION } from "./output/manifest.js";
import { UsageError } from "./usageError.js";

/**
 * The chipsim command line. `runCli` parses the arguments, runs the
 * command and returns the exit code: 0 success, 1 a failure while running,
 * 2 bad input (a scenario file, a field or a flag). Errors are printed as
 * one clear message each, never as a stack trace (set CHIPSIM_DEBUG=1 to
 * see one).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const done = (result: number) => {
    code = result;
  };
  try {
    await buildParser(io, done, argv).parseAsync([...argv]);
    return code;
  } catch (error) {
    return report(error, io);
  }
}

/** What every help page ends with. */
export const EXIT_CODES =
  "Exit codes: 0 success; 1 a failure while running; 2 bad input (a scenario file, a field or a flag: one line per problem, nothing run or written); 130 interrupted by Ctrl-C (nothing written).";

/** The defaults help states as numbers, where a flag's default comes from the scenario or the machine. */
const SCENARIO_RUNS = "the scenario's runs: 10,000 for the built-ins";
const SCENARIO_SEED = "the scenario's seed: 2026 for the built-ins";

function buildParser(io: CliIo, done: (code: number) => void, argv: readonly string[]): Argv {
  const cores = availableParallelism();
  const workersDefault = `one per core (${cores} here), but 1 below 10,000 runs`;
  const sets = (y: Argv) =>
    y.option("set", {
      type: "string",
      array: true,
      describe: "Override a parameter: path=value (repeatable); the value may be a number, '5 GW', '2028Q3' or '{dist: uniform, min: 1, max: 2}'",
    });
  /** A command's examples (command line, what it does) and the exit codes, on its help page. */
  const helpPage = <T>(y: Argv<T>, examples: readonly (readonly [string, string])[]): Argv<T> => examples.reduce((acc, [command, what]) => acc.example(command, what), y).epilogue(EXIT_CODES);
  return yargs()
    .scriptName("chipsim")
    .usage("$0 <command> [options]\n\nSeeded Monte Carlo runs of China's AI-accelerator supply chain, 2024-2035: distributions, the binding constraint and a source for every assumption.")
    .exitProcess(false)
    .strict()
    .wrap(Math.min(110, io.stderr.columns ?? 100))
    .example("$0 run baseline", "Run the baseline (10,000 runs) and print a summary table")
    .example("$0 compare baseline hbm-chokehold", "Paired differences between two scenarios, and which change causes them")
    .example("$0 explain readyYear", "What a parameter means, its distribution and its source")
    .epilogue(`${EXIT_CODES}\nEach command's --help has examples. docs/ holds the model, the scenario format and the scenarios.`)
    .command(
      "run <scenario>",
      "Run a scenario (built-in id or file) and summarise its distributions",
      (y) =>
        helpPage(sets(y), [
          ["$0 run baseline --runs 2000 --seed 7 --out results/b7", "2,000 runs with seed 7; summary.json, summary.csv and manifest.json in results/b7"],
          ["$0 run baseline --set lithography.domesticEuv.readyYear=2032", "The baseline with domestic EUV ready in 2032"],
          ["$0 run baseline --runs 1000000 --workers 2 --statistics streaming", "A million runs on two threads, in flat memory"],
        ])
          .positional("scenario", { type: "string", demandOption: true, describe: "Built-in scenario id (see `chipsim list`) or a scenario file" })
          .option("runs", { type: "number", describe: "Monte Carlo runs", defaultDescription: SCENARIO_RUNS })
          .option("seed", { type: "string", describe: "Seed: a whole number or any text", defaultDescription: SCENARIO_SEED })
          .option("out", { type: "string", describe: "Folder to write summary.json, summary.csv, chip_sales.csv and manifest.json into", defaultDescription: "none: print only" })
          .option("format", {
            choices: ["table", "json", "csv", "parquet"] as const,
            default: "table" as const,
            describe: "What to print on stdout; parquet also writes summary.parquet (and prints the table)",
          })
          .option("formats", { type: "string", describe: "Files to write with --out: a comma-separated list of json, csv, parquet", defaultDescription: "json,csv" })
          .option("per-run", { type: "boolean", default: false, describe: "Also write every run's value of every metric and year (per_run.csv / .parquet), streamed" })
          .option("sampler", {
            choices: ["random", "sobol", "lhs"] as const,
            default: "random" as const,
            describe: "How each run draws its uncertain inputs: random (each input's own stream), sobol (Owen-scrambled Sobol points, 8 scrambles: a more precise mean for the same runs) or lhs (a Latin hypercube in every block of 1,024 runs)",
          })
          .option("quarterly", {
            type: "boolean",
            default: false,
            describe: "Also report each designer's units, H100e and sales per quarter (designer.<id>.<quantity>.Q1-Q4, quarter rows in chip_sales.csv); the same as --set quarterly=true",
          })
          .option("metrics", {
            type: "string",
            array: true,
            describe: "With --per-run: only these metrics, as ids or globs (* is any characters, dots included), comma-separated or repeated, e.g. 'accelerators.*' share.domestic (summaries keep every metric)",
            defaultDescription: "every metric",
          })
          .option("target-se", {
            type: "string",
            array: true,
            describe: "Stop early once the mean's standard error is within a bound: metric[@year]=value or =2% (repeatable), tested after every 1,024 runs; --runs is the most",
            defaultDescription: "none: all --runs",
          })
          .option("workers", { type: "number", describe: "Worker threads. Results do not depend on it", defaultDescription: workersDefault })
          .option("shard", {
            type: "string",
            describe: "Run slice i/n of the runs (0 <= i < n), or auto (Kubernetes Indexed Job, Slurm array), and write a partial result for chipsim merge",
            defaultDescription: "none: the whole job",
          })
          .option("statistics", {
            choices: ["auto", "exact", "streaming"] as const,
            default: "auto" as const,
            describe: "exact: keep every value (exact quantiles); streaming: histograms in flat memory; auto: exact while it fits --memory-bound",
          })
          .option("memory-bound", { type: "number", describe: "MiB the stored values may take", defaultDescription: "512" })
          .option("force", {
            type: "boolean",
            default: false,
            describe: "Replace results already in --out, and write --per-run output estimated above 1 GB (both otherwise refused)",
          })
          .option("checkpoint", {
            type: "string",
            describe: "Folder to save finished runs in and resume from after an interruption (same results as an uninterrupted run)",
            defaultDescription: "none",
          })
          .option("replay", {
            type: "number",
            describe: "Run only run RUN_INDEX of the job (same seed and --set), with the invariants checked every quarter, and print its values",
            defaultDescription: "none: every run",
          })
          .option("check-invariants", { type: "boolean", default: false, describe: "Check the model's invariants after every quarter of every run, on every thread and shard (slower); a broken one names the run to --replay" })
          .option("quiet", { type: "boolean", default: false, describe: "Print nothing on success (files are still written)" }),
      async (a) =>
        done(
          await runCommand(
            {
              scenario: a.scenario as string,
              ...(a.runs !== undefined ? { runs: a.runs } : {}),
              ...(a.seed !== undefined ? { seed: String(a.seed) } : {}),
              ...(a.set !== undefined || a.quarterly ? { set: [...(a.set ?? []), ...(a.quarterly ? ["quarterly=true"] : [])] } : {}),
              ...(a.out !== undefined ? { out: a.out } : {}),
              format: a.format as OutputFormat,
              ...(a.formats !== undefined ? { formats: a.formats } : {}),
              perRun: a["per-run"],
              ...(a.sampler !== "random" ? { sampler: a.sampler as Sampler } : {}),
              ...(a.metrics !== undefined ? { metrics: a.metrics } : {}),
              ...(a["target-se"] !== undefined ? { targetSe: a["target-se"] } : {}),
              ...(a.workers !== undefined ? { workers: a.workers } : {}),
              ...(a.shard !== undefined ? { shard: a.shard } : {}),
              statistics: a.statistics,
              ...(a["memory-bound"] !== undefined ? { memoryBound: a["memory-bound"] } : {}),
              force: a.force,
              ...(a.checkpoint !== undefined ? { checkpoint: a.checkpoint } : {}),
              ...(a.replay !== undefined ? { replay: a.replay } : {}),
              checkInvariants: a["check-invariants"],
              quiet: a.quiet,
              argv,
            },
            io,
          ),
        ),
    )
    .command(
      "merge <partials..>",
      "Merge the partial results of chipsim run --shard into the summary of the whole job",
      (y) =>
        helpPage(y, [
          ["$0 merge parts --out results/1m", "Merge every shard's partial file in parts/ into the summary one machine would have written"],
          ["$0 merge parts/partial-0-of-2.chipsim parts/partial-1-of-2.chipsim --format json", "Merge two partial files and print the summary as JSON"],
        ])
          .positional("partials", { type: "string", array: true, demandOption: true, describe: "Partial result files, or folders of them" })
          .option("out", { type: "string", describe: "Folder to write summary.json, summary.csv, chip_sales.csv and manifest.json into", defaultDescription: "none: print only" })
          .option("format", { choices: ["table", "json", "csv", "parquet"] as const, default: "table" as const, describe: "What to print (parquet: write summary.parquet)" })
          .option("formats", { type: "string", describe: "Files to write with --out: a comma-separated list of json, csv, parquet", defaultDescription: "json,csv" })
          .option("force", { type: "boolean", default: false, describe: "Replace results already in --out (otherwise refused)" })
          .option("quiet", { type: "boolean", default: false, describe: "Print nothing on success (files are still written)" }),
      (a) =>
        done(
          mergeCommand(
            {
              partials: a.partials as string[],
              force: a.force,
              ...(a.out !== undefined ? { out: a.out } : {}),
              format: a.format as OutputFormat,
              ...(a.formats !== undefined ? { formats: a.formats } : {}),
              quiet: a.quiet,
              argv,
            },
            io,
          ),
        ),
    )
    .command(
      "compare <scenarios..>",
      "Compare scenarios run with common random numbers: paired differences, what differs, and which change causes it",
      (y) =>
        helpPage(sets(y), [
          ["$0 compare baseline hbm-chokehold", "Paired differences, the fields that differ, and the share of the difference each change causes"],
          ["$0 compare baseline --vs 'levers.us-hbm-ban.strength=0' --vs 'lithography.domesticEuv.readyYear=2032'", "The baseline against two variants of itself"],
          ["$0 compare baseline euv-delayed --set market.demandGrowth=0.3 --metric accelerators.domestic", "Both under another demand growth, one metric"],
        ])
          .positional("scenarios", { type: "string", array: true, demandOption: true, describe: "Scenarios (built-in ids or files); the first is the reference" })
          .option("vs", {
            type: "string",
            array: true,
            describe: "Also compare the first scenario with these changes: path=value, several separated by ';' (repeatable: one variant each)",
          })
          .option("runs", { type: "number", describe: "Runs of each scenario, the same runs for each (common random numbers)", defaultDescription: "the first scenario's runs: 10,000 for the built-ins" })
          .option("seed", { type: "string", describe: "Seed", defaultDescription: "the first scenario's seed: 2026 for the built-ins" })
          .option("out", { type: "string", describe: "Folder to write compare.json into", defaultDescription: "none: print only" })
          .option("force", { type: "boolean", default: false, describe: "Replace a compare.json already in --out (otherwise refused)" })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const, describe: "What to print on stdout" })
          .option("metric", {
            type: "string",
            array: true,
            describe: "Metrics to show and attribute (repeatable)",
            defaultDescription: "accelerators.domestic, accelerators.imported, share.domestic, compute.addedH100e, compute.installedH100e, wafers.advanced, hbm.stacksUsed, power.availableGW",
          })
          .option("attribution", { type: "boolean", default: true, describe: "Attribute the difference to each change (one run set per change; --no-attribution skips)" })
          .option("attribution-runs", { type: "number", describe: "Runs per piece of the attribution", defaultDescription: "the smaller of --runs and 2,000" })
          .option("workers", { type: "number", describe: "Worker threads for each scenario's runs. Results do not depend on it", defaultDescription: workersDefault })
          .option("check-invariants", { type: "boolean", default: false, describe: "Check the model's invariants after every quarter of every run (the attribution's too); same results" })
          .option("sampler", {
            choices: ["random", "sobol", "lhs"] as const,
            default: "random" as const,
            describe: "How every side's runs draw their inputs: random, sobol (Owen-scrambled Sobol points) or lhs (Latin hypercubes in blocks), the same points on every side, a shared input at one dimension",
          })
          .option("memory-bound", { type: "number", describe: "MiB every side's and every difference's stored values may take together; above it statistics stream", defaultDescription: "512" })
          .option("quiet", { type: "boolean", default: false, describe: "Print nothing on success (compare.json is still written)" }),
      async (a) =>
        done(
          await compareCommand(
            {
              scenarios: a.scenarios as string[],
              force: a.force,
              format: a.format as "table" | "json",
              quiet: a.quiet,
              attribution: a.attribution,
              ...(a.sampler !== "random" ? { sampler: a.sampler as Sampler } : {}),
              ...(a.runs !== undefined ? { runs: a.runs } : {}),
              checkInvariants: a["check-invariants"],
              ...(a.workers !== undefined ? { workers: a.workers } : {}),
              ...(a.seed !== undefined ? { seed: String(a.seed) } : {}),
              ...(a.set !== undefined ? { set: a.set } : {}),
              ...(a.vs !== undefined ? { vs: a.vs } : {}),
              ...(a.out !== undefined ? { out: a.out } : {}),
              ...(a.metric !== undefined ? { metrics: a.metric } : {}),
              ...(a["attribution-runs"] !== undefined ? { attributionRuns: a["attribution-runs"] } : {}),
              ...(a["memory-bound"] !== undefined ? { memoryBound: a["memory-bound"] } : {}),
            },
            io,
          ),
        ),
    )
    .command(
      "sweep <scenario>",
      "Run a scenario across a grid or Latin hypercube of a few inputs",
      (y) =>
        helpPage(sets(y), [
          ["$0 sweep baseline --vary lithography.domesticEuv.readyYear=2028:2034:4", "Four EUV ready years, 2028 to 2034, each with 1,000 runs"],
          ["$0 sweep baseline --vary levers.us-hbm-ban.strength=0:1 --vary market.demandGrowth=0.1:0.5 --design lhs --points 30", "A 30-point Latin hypercube of two inputs"],
        ])
          .positional("scenario", { type: "string", demandOption: true, describe: "Built-in scenario id or a scenario file" })
          .option("vary", { type: "string", array: true, demandOption: true, describe: "path=lo:hi[:steps] in the parameter's units (repeatable; steps default to 5 on a grid)" })
          .option("design", { choices: ["grid", "lhs"] as const, default: "grid" as const, describe: "grid: every combination of the steps; lhs: a Latin hypercube of --points points" })
          .option("points", { type: "number", describe: "Points of a Latin hypercube", defaultDescription: "20" })
          .option("runs", { type: "number", describe: "Runs per point", defaultDescription: "the scenario's runs, at most 1,000: 1,000 for the built-ins" })
          .option("seed", { type: "string", describe: "Seed (every point uses it: common random numbers)", defaultDescription: SCENARIO_SEED })
          .option("out", { type: "string", describe: "Folder for sweep.json, sweep.csv (and sweep.parquet with --formats)", defaultDescription: "none: print only" })
          .option("formats", { type: "string", describe: "Files to write with --out: a comma-separated list of json, csv, parquet", defaultDescription: "json,csv" })
          .option("format", { choices: ["table", "json", "csv"] as const, default: "table" as const, describe: "What to print on stdout" })
          .option("metric", { type: "string", array: true, describe: "Metrics in the table (repeatable)", defaultDescription: "accelerators.domestic, compute.installedH100e" })
          .option("force", { type: "boolean", default: false, describe: "Replace a sweep already in --out (otherwise refused)" })
          .option("year", { type: "number", default: 2030, describe: "Year shown in the table" })
          .option("workers", { type: "number", describe: "Worker threads, each running whole points. Results do not depend on it", defaultDescription: `one per core (${cores} here), but 1 below 10,000 runs in all` })
          .option("check-invariants", { type: "boolean", default: false, describe: "Check the model's invariants after every quarter of every run of every point; same results" })
          .option("sampler", {
            choices: ["random", "sobol", "lhs"] as const,
            default: "random" as const,
            describe: "How every point's runs draw their uncertain inputs: random, sobol (Owen-scrambled Sobol points) or lhs (Latin hypercubes in blocks), the same at every point",
          })
          .option("quiet", { type: "boolean", default: false, describe: "Print nothing on success (files are still written)" }),
      async (a) =>
        done(
          await sweepCommand(
            {
              scenario: a.scenario as string,
              vary: a.vary,
              design: a.design as "grid" | "lhs",
              format: a.format as "table" | "json" | "csv",
              year: a.year,
              quiet: a.quiet,
              checkInvariants: a["check-invariants"],
              force: a.force,
              ...(a.sampler !== "random" ? { sampler: a.sampler as Sampler } : {}),
              ...(a.points !== undefined ? { points: a.points } : {}),
              ...(a.runs !== undefined ? { runs: a.runs } : {}),
              ...(a.workers !== undefined ? { workers: a.workers } : {}),
              ...(a.seed !== undefined ? { seed: String(a.seed) } : {}),
              ...(a.set !== undefined ? { set: a.set } : {}),
              ...(a.out !== undefined ? { out: a.out } : {}),
              ...(a.formats !== undefined ? { formats: a.formats } : {}),
              ...(a.metric !== undefined ? { metrics: a.metric } : {}),
            },
            io,
          ),
        ),
    )
    .command(
      "sensitivity <scenario>",
      "Which assumptions drive one output: a tornado and Sobol or Morris indices",
      (y) =>
        helpPage(sets(y), [
          ["$0 sensitivity baseline --metric accelerators.domestic --year 2030", "Which sections of inputs drive domestic output in 2030: a tornado and Sobol indices"],
          ["$0 sensitivity baseline --metric share.domestic --year 2028 --group-by param --method morris", "Single parameters, screened with Morris elementary effects"],
        ])
          .positional("scenario", { type: "string", demandOption: true, describe: "Built-in scenario id or a scenario file" })
          .option("metric", { type: "string", demandOption: true, describe: "The output, e.g. accelerators.domestic" })
          .option("year", { type: "number", demandOption: true, describe: "The output's year, e.g. 2030" })
          .option("method", { choices: ["auto", "sobol", "morris"] as const, default: "auto" as const, describe: "Global method (auto: Sobol up to 60 factors, else Morris)" })
          .option("group-by", { choices: ["section", "param"] as const, default: "section" as const, describe: "Factors: sections of parameters moved together, or single parameters" })
          .option("runs", { type: "number", describe: "Budget of model runs", defaultDescription: "20,000" })
          .option("seed", { type: "string", describe: "Seed", defaultDescription: SCENARIO_SEED })
          .option("out", { type: "string", describe: "Folder to write sensitivity.json into", defaultDescription: "none: print only" })
          .option("force", { type: "boolean", default: false, describe: "Replace a sensitivity.json already in --out (otherwise refused)" })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const, describe: "What to print on stdout" })
          .option("top", { type: "number", default: 15, describe: "Rows shown in each table" })
          .option("workers", { type: "number", describe: "Worker threads. Results do not depend on it", defaultDescription: workersDefault })
          .option("check-invariants", { type: "boolean", default: false, describe: "Check the model's invariants after every quarter of every model run, on every thread; same results" })
          .option("sampler", {
            choices: ["random", "sobol", "lhs"] as const,
            default: "random" as const,
            describe: "How the screen's sample and the Sobol design's matrices A and B are drawn: random, sobol (Owen-scrambled Sobol points, A and B the two halves of each point) or lhs (Latin hypercubes); Morris takes random only",
          })
          .option("quiet", { type: "boolean", default: false, describe: "Print nothing on success (files are still written)" }),
      async (a) =>
        done(
          await sensitivityCommand(
            {
              scenario: a.scenario as string,
              metric: a.metric,
              year: a.year,
              method: a.method as "auto" | "sobol" | "morris",
              groupBy: a["group-by"] as "section" | "param",
              force: a.force,
              checkInvariants: a["check-invariants"],
              ...(a.sampler !== "random" ? { sampler: a.sampler as Sampler } : {}),
              format: a.format as "table" | "json",
              top: a.top,
              quiet: a.quiet,
              ...(a.runs !== undefined ? { runs: a.runs } : {}),
              ...(a.workers !== undefined ? { workers: a.workers } : {}),
              ...(a.seed !== undefined ? { seed: String(a.seed) } : {}),
              ...(a.set !== undefined ? { set: a.set } : {}),
              ...(a.out !== undefined ? { out: a.out } : {}),
            },
            io,
          ),
        ),
    )
    .command(
      "report <scenario>",
      "Write one self-contained HTML report: results, charts, tornado, comparison, parameters and sources",
      (y) =>
        helpPage(reportOptions(sets(y), workersDefault), [
          ["$0 report baseline --out report.html", "The baseline's results, charts, tornado, parameters and sources in one page"],
          ["$0 report baseline --compare euv-delayed --compare hbm-chokehold --out briefing.html", "The same, with two scenarios compared against it"],
          ["$0 report baseline --vs 'levers.us-hbm-ban.strength=0' --out no-ban.html", "The baseline against itself without the HBM ban"],
        ]).option("out", { type: "string", default: "report.html", describe: "The HTML file to write" }),
      async (a) => done(await reportCommand(reportArgs(a), io)),
    )
    .command(
      "charts <scenario>",
      "Write the report's charts as SVG files",
      (y) =>
        helpPage(reportOptions(sets(y), workersDefault), [
          ["$0 charts baseline --out charts", "The report's charts as SVG files in charts/"],
          ["$0 charts baseline --compare euv-delayed --runs 2000", "With the comparison chart, from 2,000 runs"],
        ]).option("out", { type: "string", default: "charts", describe: "Folder for the SVG files" }),
      async (a) => done(await chartsCommand(reportArgs(a), io)),
    )
    .command(
      "validate <file>",
      "Check a scenario file (and its extends chain) without running it",
      (y) =>
        helpPage(sets(y), [
          ["$0 validate my-scenario.yaml", "Every check run makes, without running: exit 0, or one line per problem and exit 2"],
          ["$0 validate my-scenario.yaml --set levers.us-hbm-ban.strength=2", "With an override (this one is out of range)"],
        ]).positional("file", { type: "string", demandOption: true, describe: "A scenario file, or a built-in id" }),
      (a) => done(validateCommand({ file: a.file as string, ...(a.set !== undefined ? { set: a.set } : {}) }, io)),
    )
    .command(
      "list",
      "List the built-in scenarios",
      (y) => helpPage(y, [["$0 list", "Each built-in scenario's id, title and question"]]),
      () => done(listCommand(io)),
    )
    .command(
      "cache [action]",
      "Show where resolved scenarios are cached and what the cache holds, or clear it",
      (y) =>
        helpPage(y, [
          ["$0 cache", "Where the cache is, how many entries it holds and their size"],
          ["$0 cache clear", "Remove every entry"],
        ]).positional("action", { choices: ["info", "clear"] as const, default: "info" as const, describe: "info: folder, use and size; clear: remove every entry" }),
      (a) => done(cacheCommand(a.action as CacheAction, io)),
    )
    .command(
      "show <scenario>",
      "Show every resolved parameter with its distribution, unit and source",
      (y) =>
        helpPage(sets(y), [
          ["$0 show baseline", "Every parameter of the baseline: distribution, unit and source"],
          ["$0 show my-scenario.yaml --format json", "The same as JSON, for a scenario file"],
        ])
          .positional("scenario", { type: "string", demandOption: true, describe: "Built-in scenario id or a scenario file" })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const, describe: "What to print on stdout" }),
      (a) =>
        done(showCommand({ scenario: a.scenario as string, format: a.format as "table" | "json", ...(a.set !== undefined ? { set: a.set } : {}) }, io)),
    )
    .command(
      "explain <path>",
      "Explain a parameter: meaning, unit, distribution and the source behind it",
      (y) =>
        helpPage(sets(y), [
          ["$0 explain readyYear", "The domestic EUV ready year: meaning, unit, distribution, the claim and the article behind it"],
          ["$0 explain levers.us-hbm-ban.strength --scenario hbm-chokehold", "The HBM ban's strength as another scenario sets it"],
          ["$0 explain levers.us-foundry-ban", "What a lever does, and what it changes, measured with paired runs against the lever off"],
        ])
          .positional("path", { type: "string", demandOption: true, describe: "A parameter path, or part of one (e.g. readyYear)" })
          .option("scenario", { type: "string", default: "baseline", describe: "Scenario whose value to explain" })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const, describe: "What to print on stdout" }),
      async (a) =>
        done(
          await explainCommand(
            { path: a.path as string, scenario: a.scenario, format: a.format as "table" | "json", ...(a.set !== undefined ? { set: a.set } : {}) },
            io,
          ),
        ),
    )
    .command(
      "sources [id]",
      "List the bibliography, or show one source and what cites it",
      (y) =>
        helpPage(y, [
          ["$0 sources", "Every source in the bibliography"],
          ["$0 sources tokenring-korea-2025", "One source, and every parameter that cites it"],
        ])
          .positional("id", { type: "string", describe: "A bibliography id", defaultDescription: "none: list them all" })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const, describe: "What to print on stdout" }),
      (a) => done(sourcesCommand({ ...(a.id !== undefined ? { id: a.id } : {}), format: a.format as "table" | "json" }, io)),
    )
    .command(
      "backtest [scenario]",
      "Compare a scenario with the figures reported for 2024-2028",
      (y) =>
        helpPage(sets(y), [
          ["$0 backtest", "The baseline against every reported figure: inside P5-P95 or not, and the score"],
          ["$0 backtest euv-delayed --targets my-targets.yaml", "Another scenario against figures of your own"],
        ])
          .positional("scenario", { type: "string", default: "baseline", describe: "Built-in scenario id or a scenario file" })
          .option("targets", { type: "string", describe: "A targets file", defaultDescription: "the built-in targets (packages/scenarios/targets/targets.yaml)" })
          .option("runs", { type: "number", describe: "Monte Carlo runs", defaultDescription: SCENARIO_RUNS })
          .option("seed", { type: "string", describe: "Seed", defaultDescription: SCENARIO_SEED })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const, describe: "What to print on stdout" }),
      (a) =>
        done(
          backtestCommand(
            {
              scenario: a.scenario as string,
              format: a.format as "table" | "json",
              ...(a.targets !== undefined ? { targets: a.targets } : {}),
              ...(a.runs !== undefined ? { runs: a.runs } : {}),
              ...(a.seed !== undefined ? { seed: String(a.seed) } : {}),
              ...(a.set !== undefined ? { set: a.set } : {}),
            },
            io,
          ),
        ),
    )
    .command(
      "schema",
      "Print the scenario format as JSON Schema",
      (y) => helpPage(y, [["$0 schema > scenario.schema.json", "The schema, for an editor's completion and checks"]]),
      () => done(schemaCommand(io)),
    )
    .demandCommand(1, "Name a command: run, merge, compare, sweep, sensitivity, report, charts, validate, list, show, explain, sources, backtest or schema")
    .help()
    .version(CHIPSIM_VERSION)
    .fail((message: string | undefined, error: Error | undefined) => {
      if (error) throw error;
      throw new UsageError(message ?? "bad arguments");
    });
}

function reportOptions(y: Argv, workersDefault: string) {
  return y
    .positional("scenario", { type: "string", demandOption: true, describe: "Built-in scenario id or a scenario file" })
    .option("compare", { type: "string", array: true, default: [] as string[], describe: "Scenarios to compare with (repeatable)", defaultDescription: "none" })
    .option("vs", {
      type: "string",
      array: true,
      describe: "Also compare with the scenario with these changes: path=value, several separated by ';' (repeatable: one variant each)",
      defaultDescription: "none",
    })
    .option("runs", { type: "number", describe: "Runs", defaultDescription: "the scenario's runs, as for run: 10,000 for the built-ins" })
    .option("seed", { type: "string", describe: "Seed", defaultDescription: SCENARIO_SEED })
    .option("metric", { type: "string", default: "accelerators.domestic", describe: "Output of the tornado" })
    .option("year", { type: "number", default: 2030, describe: "Year of the tornado" })
    .option("workers", { type: "number", describe: "Worker threads. Results do not depend on it", defaultDescription: workersDefault })
    .option("quiet", { type: "boolean", default: false, describe: "Print nothing on success (files are still written)" });
}

function reportArgs(a: Record<string, unknown>) {
  return {
    scenario: a["scenario"] as string,
    compare: (a["compare"] as string[] | undefined) ?? [],
    out: a["out"] as string,
    metric: a["metric"] as string,
    year: a["year"] as number,
    quiet: a["quiet"] as boolean,
    ...(a["runs"] !== undefined ? { runs: a["runs"] as number } : {}),
    ...(a["workers"] !== undefined ? { workers: a["workers"] as number } : {}),
    ...(a["seed"] !== undefined ? { seed: String(a["seed"]) } : {}),
    ...(a["set"] !== undefined ? { set: a["set"] as string[] } : {}),
    ...(a["vs"] !== undefined ? { vs: a["vs"] as string[] } : {}),
  };
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof InterruptedError) {
    io.stderr.write(`chipsim: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ChipsimError) {
    const lines = error.message.split("\n");
    const heading = error.code === "BAD_INPUT" ? "chipsim: bad input" : "chipsim: failed";
    io.stderr.write(`${heading}\n${lines.map((l) => `  ${l}`).join("\n")}\n`);
    if (error instanceof UsageError) io.stderr.write("  (see chipsim --help)\n");
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`chipsim: internal error: ${message}\n`);
  if (io.env["CHIPSIM_DEBUG"] && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 1;
}
