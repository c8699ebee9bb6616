import { compileModel, runMonteCarlo, summarize, summaryToCsv, type Summary } from "@chipsim/core";
import type { CliIo } from "../io.js";
import { progressReporter } from "../output/progress.js";
import { renderSummaryTable } from "../output/summaryTable.js";
import { writeFilesAtomically } from "../output/writeResults.js";
import { loadResolved } from "../scenarioInput.js";
import { UsageError } from "../usageError.js";

export type OutputFormat = "table" | "json" | "csv";

export interface RunArgs {
  readonly scenario: string;
  readonly runs?: number;
  readonly seed?: string;
  readonly set?: readonly string[];
  readonly out?: string;
  readonly format: OutputFormat;
  readonly quiet: boolean;
}

/** `chipsim run`: resolve, run the Monte Carlo, write summary.json and summary.csv, print the summary. */
export function runCommand(args: RunArgs, io: CliIo): number {
  if (args.runs !== undefined && !(Number.isInteger(args.runs) && args.runs > 0)) {
    throw new UsageError(`--runs: expected a whole number of runs above 0, found ${String(args.runs)}`);
  }
  const scenario = loadResolved(args.scenario, args.set, io.cwd);
  const model = compileModel(scenario);
  const runs = args.runs ?? scenario.meta.runs;
  const seed = args.seed !== undefined ? parseSeed(args.seed) : scenario.meta.seed;
  const progress = progressReporter(io, args.quiet);
  const aggregate = runMonteCarlo(model, { runs, seed, ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) });
  progress.stop();
  const summary = summarize(model, aggregate, seed);

  if (args.out !== undefined) {
    const written = writeFilesAtomically(args.out, {
      "summary.json": summaryJson(summary),
      "summary.csv": summaryToCsv(summary),
    });
    if (!args.quiet) io.stderr.write(`wrote ${written.join(", ")}\n`);
  }
  if (!args.quiet) io.stdout.write(render(summary, args.format));
  return 0;
}

export function summaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

function render(summary: Summary, format: OutputFormat): string {
  if (format === "json") return summaryJson(summary);
  if (format === "csv") return summaryToCsv(summary);
  return renderSummaryTable(summary);
}

/** A seed is a whole number when it looks like one, else the text itself (both are valid seeds). */
export function parseSeed(text: string): number | string {
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}
