import yargs, { type Argv } from "yargs";
import { ChipsimError } from "@chipsim/core";
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

function buildParser(io: CliIo, done: (code: number) => void, argv: readonly string[]): Argv {
  const sets = (y: Argv) =>
    y.option("set", { type: "string", array: true, describe: "Override a parameter: path=value (repeatable); value may be '5 GW' or '{dist: uniform, min: 1, max: 2}'" });
  return yargs()
    .scriptName("chipsim")
    .usage("$0 <command> [options]")
    .exitProcess(false)
    .strict()
    .wrap(Math.min(110, io.stderr.columns ?? 100))
    .command(
      "run <scenario>",
      "Run a scenario (built-in id or file) and summarise its distributions",
      (y) =>
        sets(y)
          .positional("scenario", { type: "string", demandOption: true, describe: "Built-in scenario id (see `chipsim list`) or a scenario file" })
          .option("runs", { type: "number", describe: "Monte Carlo runs (default: the scenario's)" })
          .option("seed", { type: "string", describe: "Seed (default: the scenario's)" })
          .option("out", { type: "string", describe: "Folder to write summary.json and summary.csv into" })
          .option("format", {
            choices: ["table", "json", "csv", "parquet"] as const,
            default: "table" as const,
            describe: "What to print on stdout; parquet also writes summary.parquet (and prints the table)",
          })
          .option("formats", { type: "string", describe: "Files to write with --out: a list of json, csv, parquet (default json,csv)" })
          .option("per-run", { type: "boolean", default: false, describe: "Also write every run's value of every metric and year (per_run.csv / .parquet), streamed" })
          .option("target-se", {
            type: "string",
            array: true,
            describe: "Stop early once the mean's standard error is within a bound: metric[@year]=value or =2% (repeatable); --runs is the most",
          })
          .option("workers", { type: "number", describe: "Worker threads (default: one per core; one below 10,000 runs). Results do not depend on it" })
          .option("shard", { type: "string", describe: "Run slice i/n of the runs (0 <= i < n), or auto (Kubernetes Indexed Job, Slurm array), and write a partial result for chipsim merge" })
          .option("statistics", {
            choices: ["auto", "exact", "streaming"] as const,
            default: "auto" as const,
            describe: "exact: keep every value (exact quantiles); streaming: histograms in flat memory; auto: exact while it fits --memory-bound",
          })
          .option("memory-bound", { type: "number", describe: "MiB the stored values may take (default 512)" })
          .option("force", { type: "boolean", default: false, describe: "Replace results already in --out (otherwise refused)" })
          .option("checkpoint", { type: "string", describe: "Folder to save finished runs in and resume from after an interruption (same results as an uninterrupted run)" })
          .option("replay", { type: "number", describe: "Run only run RUN_INDEX of the job (same seed and --set), with the invariants checked every quarter, and print its values" })
          .option("check-invariants", { type: "boolean", default: false, describe: "Check the model's invariants after every quarter of every run, on every thread and shard (slower); a broken one names the run to --replay" })
          .option("quiet", { type: "boolean", default: false, describe: "Print nothing on success (files are still written)" }),
      async (a) =>
        done(
          await runCommand(
            {
              scenario: a.scenario as string,
              ...(a.runs !== undefined ? { runs: a.runs } : {}),
              ...(a.seed !== undefined ? { seed: String(a.seed) } : {}),
              ...(a.set !== undefined ? { set: a.set } : {}),
              ...(a.out !== undefined ? { out: a.out } : {}),
              format: a.format as OutputFormat,
              ...(a.formats !== undefined ? { formats: a.formats } : {}),
              perRun: a["per-run"],
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
        y
          .positional("partials", { type: "string", array: true, demandOption: true, describe: "Partial result files, or folders of them" })
          .option("out", { type: "string", describe: "Folder to write summary.json and summary.csv into" })
          .option("format", { choices: ["table", "json", "csv", "parquet"] as const, default: "table" as const, describe: "What to print (parquet: write summary.parquet)" })
          .option("formats", { type: "string", describe: "Files to write with --out: a list of json, csv, parquet (default json,csv)" })
          .option("force", { type: "boolean", default: false, describe: "Replace results already in --out (otherwise refused)" })
          .option("quiet", { type: "boolean", default: false }),
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
        sets(y)
          .positional("scenarios", { type: "string", array: true, demandOption: true, describe: "Two or more scenarios; the first is the reference" })
          .option("runs", { type: "number" })
          .option("seed", { type: "string" })
          .option("out", { type: "string", describe: "Folder to write compare.json into" })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const })
          .option("metric", { type: "string", array: true, describe: "Metrics to show and attribute (default: the headline metrics)" })
          .option("attribution", { type: "boolean", default: true, describe: "Attribute the difference to each change (one run set per change; --no-attribution skips)" })
          .option("attribution-runs", { type: "number", describe: "Runs per piece of the attribution (default: the smaller of --runs and 2000)" })
          .option("workers", { type: "number", describe: "Worker threads for each scenario's runs (default: one per core; one below 10,000 runs). Results do not depend on it" })
          .option("check-invariants", { type: "boolean", default: false, describe: "Check the model's invariants after every quarter of every run (the attribution's too); same results" })
          .option("quiet", { type: "boolean", default: false }),
      async (a) =>
        done(
          await compareCommand(
            {
              scenarios: a.scenarios as string[],
              format: a.format as "table" | "json",
              quiet: a.quiet,
              attribution: a.attribution,
              ...(a.runs !== undefined ? { runs: a.runs } : {}),
              checkInvariants: a["check-invariants"],
              ...(a.workers !== undefined ? { workers: a.workers } : {}),
              ...(a.seed !== undefined ? { seed: String(a.seed) } : {}),
              ...(a.set !== undefined ? { set: a.set } : {}),
              ...(a.out !== undefined ? { out: a.out } : {}),
              ...(a.metric !== undefined ? { metrics: a.metric } : {}),
              ...(a["attribution-runs"] !== undefined ? { attributionRuns: a["attribution-runs"] } : {}),
            },
            io,
          ),
        ),
    )
    .command(
      "sweep <scenario>",
      "Run a scenario across a grid or Latin hypercube of a few inputs",
      (y) =>
        sets(y)
          .positional("scenario", { type: "string", demandOption: true })
          .option("vary", { type: "string", array: true, demandOption: true, describe: "path=lo:hi[:steps] in the parameter's units (repeatable)" })
          .option("design", { choices: ["grid", "lhs"] as const, default: "grid" as const })
          .option("points", { type: "number", describe: "Points of a Latin hypercube (default 20)" })
          .option("runs", { type: "number", describe: "Runs per point (default: the scenario's, at most 1000)" })
          .option("seed", { type: "string" })
          .option("out", { type: "string", describe: "Folder for sweep.json, sweep.csv (and sweep.parquet with --formats)" })
          .option("formats", { type: "string", describe: "Files to write: json, csv, parquet (default json,csv)" })
          .option("format", { choices: ["table", "json", "csv"] as const, default: "table" as const })
          .option("metric", { type: "string", array: true, describe: "Metrics in the table (default accelerators.domestic and compute.installedH100e)" })
          .option("year", { type: "number", default: 2030, describe: "Year shown in the table" })
          .option("workers", { type: "number", describe: "Worker threads, each running whole points (default: one per core; one below 10,000 runs in all). Results do not depend on it" })
          .option("check-invariants", { type: "boolean", default: false, describe: "Check the model's invariants after every quarter of every run of every point; same results" })
          .option("quiet", { type: "boolean", default: false }),
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
        sets(y)
          .positional("scenario", { type: "string", demandOption: true })
          .option("metric", { type: "string", demandOption: true, describe: "The output, e.g. accelerators.domestic" })
          .option("year", { type: "number", demandOption: true })
          .option("method", { choices: ["auto", "sobol", "morris"] as const, default: "auto" as const, describe: "Global method (auto: Sobol up to 60 factors, else Morris)" })
          .option("group-by", { choices: ["section", "param"] as const, default: "section" as const, describe: "Factors: sections of parameters moved together, or single parameters" })
          .option("runs", { type: "number", describe: "Budget of model runs (default 20000)" })
          .option("seed", { type: "string" })
          .option("out", { type: "string", describe: "Folder to write sensitivity.json into" })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const })
          .option("top", { type: "number", default: 15, describe: "Rows shown in each table" })
          .option("workers", { type: "number", describe: "Worker threads (default: one per core; one below 10,000 runs). Results do not depend on it" })
          .option("check-invariants", { type: "boolean", default: false, describe: "Check the model's invariants after every quarter of every model run, on every thread; same results" })
          .option("quiet", { type: "boolean", default: false }),
      async (a) =>
        done(
          await sensitivityCommand(
            {
              scenario: a.scenario as string,
              metric: a.metric,
              year: a.year,
              method: a.method as "auto" | "sobol" | "morris",
              groupBy: a["group-by"] as "section" | "param",
              checkInvariants: a["check-invariants"],
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
      (y) => reportOptions(sets(y)).option("out", { type: "string", default: "report.html", describe: "The HTML file to write" }),
      async (a) => done(await reportCommand(reportArgs(a), io)),
    )
    .command(
      "charts <scenario>",
      "Write the report's charts as SVG files",
      (y) => reportOptions(sets(y)).option("out", { type: "string", default: "charts", describe: "Folder for the SVG files" }),
      async (a) => done(await chartsCommand(reportArgs(a), io)),
    )
    .command(
      "validate <file>",
      "Check a scenario file (and its extends chain) without running it",
      (y) => sets(y).positional("file", { type: "string", demandOption: true }),
      (a) => done(validateCommand({ file: a.file as string, ...(a.set !== undefined ? { set: a.set } : {}) }, io)),
    )
    .command(
      "list",
      "List the built-in scenarios",
      (y) => y,
      () => done(listCommand(io)),
    )
    .command(
      "cache [action]",
      "Show where resolved scenarios are cached and what the cache holds, or clear it",
      (y) => y.positional("action", { choices: ["info", "clear"] as const, default: "info" as const, describe: "info: folder, use and size; clear: remove every entry" }),
      (a) => done(cacheCommand(a.action as CacheAction, io)),
    )
    .command(
      "show <scenario>",
      "Show every resolved parameter with its distribution, unit and source",
      (y) =>
        sets(y)
          .positional("scenario", { type: "string", demandOption: true })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const }),
      (a) =>
        done(showCommand({ scenario: a.scenario as string, format: a.format as "table" | "json", ...(a.set !== undefined ? { set: a.set } : {}) }, io)),
    )
    .command(
      "explain <path>",
      "Explain a parameter: meaning, unit, distribution and the source behind it",
      (y) =>
        sets(y)
          .positional("path", { type: "string", demandOption: true, describe: "A parameter path, or part of one (e.g. readyYear)" })
          .option("scenario", { type: "string", default: "baseline", describe: "Scenario whose value to explain" })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const }),
      (a) =>
        done(
          explainCommand(
            { path: a.path as string, scenario: a.scenario, format: a.format as "table" | "json", ...(a.set !== undefined ? { set: a.set } : {}) },
            io,
          ),
        ),
    )
    .command(
      "sources [id]",
      "List the bibliography, or show one source and what cites it",
      (y) =>
        y.positional("id", { type: "string" }).option("format", { choices: ["table", "json"] as const, default: "table" as const }),
      (a) => done(sourcesCommand({ ...(a.id !== undefined ? { id: a.id } : {}), format: a.format as "table" | "json" }, io)),
    )
    .command(
      "backtest [scenario]",
      "Compare a scenario with the figures reported for 2024-2028",
      (y) =>
        sets(y)
          .positional("scenario", { type: "string", default: "baseline" })
          .option("targets", { type: "string", describe: "A targets file (default: the built-in targets)" })
          .option("runs", { type: "number" })
          .option("seed", { type: "string" })
          .option("format", { choices: ["table", "json"] as const, default: "table" as const }),
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
      (y) => y,
      () => done(schemaCommand(io)),
    )
    .demandCommand(1, "Name a command: run, merge, compare, sweep, sensitivity, report, charts, validate, list, show, explain, sources, backtest or schema")
    .help()
    .version(false)
    .fail((message: string | undefined, error: Error | undefined) => {
      if (error) throw error;
      throw new UsageError(message ?? "bad arguments");
    });
}

function reportOptions(y: Argv) {
  return y
    .positional("scenario", { type: "string", demandOption: true })
    .option("compare", { type: "string", array: true, default: [] as string[], describe: "Scenarios to compare with (repeatable)" })
    .option("runs", { type: "number", describe: "Runs (default: the scenario's, as for run)" })
    .option("seed", { type: "string" })
    .option("metric", { type: "string", default: "accelerators.domestic", describe: "Output of the tornado" })
    .option("year", { type: "number", default: 2030, describe: "Year of the tornado" })
    .option("workers", { type: "number", describe: "Worker threads (default: one per core; one below 10,000 runs). Results do not depend on it" })
    .option("quiet", { type: "boolean", default: false });
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
