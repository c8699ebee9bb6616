import { compileModel, runMonteCarlo, summarize, summaryToCsv, type Summary } from "@chipsim/core";
import type { CliIo } from "../io.js";
import { runManifest, sidecar, type RunManifest } from "../output/manifest.js";
import { summaryParquet } from "../output/parquet.js";
import { PerRunExport } from "../output/perRun.js";
import { progressReporter } from "../output/progress.js";
import { renderSummaryTable } from "../output/summaryTable.js";
import { writeFilesAtomically } from "../output/writeResults.js";
import { loadResolved } from "../scenarioInput.js";
import { parseTargetSe, targetSeries, targetsMet } from "../targetSe.js";
import { UsageError } from "../usageError.js";

export type OutputFormat = "table" | "json" | "csv" | "parquet";
export type FileFormat = "json" | "csv" | "parquet";
const FILE_FORMATS: readonly FileFormat[] = ["json", "csv", "parquet"];

export interface RunArgs {
  readonly scenario: string;
  readonly runs?: number;
  readonly seed?: string;
  readonly set?: readonly string[];
  readonly out?: string;
  readonly format: OutputFormat;
  readonly formats?: string;
  readonly perRun?: boolean;
  readonly targetSe?: readonly string[];
  readonly quiet: boolean;
  /** The command line, for the sidecar manifest. */
  readonly argv?: readonly string[];
}

/** `chipsim run`: resolve, run the Monte Carlo, write the results, print the summary. */
export function runCommand(args: RunArgs, io: CliIo): number {
  if (args.runs !== undefined && !(Number.isInteger(args.runs) && args.runs > 0)) {
    throw new UsageError(`--runs: expected a whole number of runs above 0, found ${String(args.runs)}`);
  }
  const files = fileFormats(args);
  if (args.out === undefined && (args.format === "parquet" || args.perRun || args.formats !== undefined)) {
    throw new UsageError(`${args.perRun ? "--per-run" : args.format === "parquet" ? "--format parquet" : "--formats"}: expected --out DIR to write the files into, found none`);
  }
  const scenario = loadResolved(args.scenario, args.set, io.cwd);
  const model = compileModel(scenario);
  const runs = args.runs ?? scenario.meta.runs;
  const seed = args.seed !== undefined ? parseSeed(args.seed) : scenario.meta.seed;
  const years = Math.ceil(model.world.layout.quarters / 4);
  const watched = args.targetSe ? targetSeries(args.targetSe.map(parseTargetSe), model.metrics, years) : undefined;

  const manifestFor = (done: number): RunManifest => runManifest(scenario, seed, done);
  const perRun =
    args.perRun && args.out !== undefined
      ? new PerRunExport(prepareDir(args.out), scenario.meta.id, model.metrics.map((m) => m.id), years, { csv: files.includes("csv"), parquet: files.includes("parquet") }, manifestFor(runs))
      : undefined;

  const progress = progressReporter(io, args.quiet);
  const aggregate = runMonteCarlo(model, {
    runs,
    seed,
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    ...(perRun ? { onRun: (run: number, values: Float64Array) => perRun.add(run, values) } : {}),
    ...(watched ? { stopWhen: { every: Math.min(1000, Math.max(100, Math.floor(runs / 20))), test: (agg, done) => targetsMet(agg, done, watched) } } : {}),
  });
  progress.stop();
  const summary = summarize(model, aggregate, seed);
  const manifest = manifestFor(aggregate.runs);
  if (watched && !args.quiet) {
    io.stderr.write(aggregate.runs < runs ? `standard-error targets met after ${aggregate.runs} runs\n` : `standard-error targets not met within ${runs} runs\n`);
  }

  if (args.out !== undefined) {
    const contents: Record<string, string | Uint8Array> = {};
    if (files.includes("json")) contents["summary.json"] = summaryJson(summary, manifest);
    if (files.includes("csv")) contents["summary.csv"] = summaryToCsv(summary);
    if (files.includes("parquet")) contents["summary.parquet"] = summaryParquet(summary, manifest);
    const written = [...writeFilesAtomically(args.out, contents), ...(perRun ? perRun.close() : [])];
    writeFilesAtomically(args.out, { "manifest.json": sidecar(manifest, args.argv ?? [], written) });
    if (!args.quiet) io.stderr.write(`wrote ${written.join(", ")}\n`);
  }
  if (!args.quiet) io.stdout.write(render(summary, manifest, args.format));
  return 0;
}

/** summary.json: the summary with its run manifest. Identical inputs give identical bytes. */
export function summaryJson(summary: Summary, manifest?: RunManifest): string {
  return `${JSON.stringify(manifest ? { ...summary, manifest } : summary, null, 2)}\n`;
}

function render(summary: Summary, manifest: RunManifest, format: OutputFormat): string {
  if (format === "json") return summaryJson(summary, manifest);
  if (format === "csv") return summaryToCsv(summary);
  return renderSummaryTable(summary);
}

function fileFormats(args: RunArgs): FileFormat[] {
  const listed = args.formats === undefined ? ["json", "csv"] : args.formats.split(",").map((f) => f.trim()).filter((f) => f !== "");
  for (const f of listed) {
    if (!(FILE_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--formats: expected a list of json, csv, parquet, found "${f}"`);
  }
  const formats = listed as FileFormat[];
  if (args.format === "parquet" && !formats.includes("parquet")) formats.push("parquet");
  return formats;
}

function prepareDir(dir: string): string {
  writeFilesAtomically(dir, {});
  return dir;
}

/** A seed is a whole number when it looks like one, else the text itself (both are valid seeds). */
export function parseSeed(text: string): number | string {
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}
