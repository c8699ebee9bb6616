import { existsSync, rmdirSync } from "node:fs";
import { compileModel, didYouMean, DEFAULT_MEMORY_BOUND_BYTES, metricLabels, planJob, storedBytes, sliceOf, summarize, summaryFrame, summaryToCsv, chipSalesToCsv, designerId, yearsOf, type ChipOwner, type MetricLabels, type MonteCarloAggregate, type Sampler, type StoreMode, type Summary } from "@chipsim/core";
import type { CliIo } from "../io.js";
import { runManifest, sidecar, type RunManifest } from "../output/manifest.js";
import { invariantsLine } from "../output/invariantsLine.js";
import { encodePartialFile } from "../output/partialFile.js";
import { summaryParquet } from "../output/parquet.js";
import { selectMetrics } from "../output/metricSelection.js";
import { PerRunExport } from "../output/perRun.js";
import { estimatePerRunSize, perRunSizeLine, refuseLargePerRun } from "../output/perRunSize.js";
import { progressReporter } from "../output/progress.js";
import { renderSummaryTable } from "../output/summaryTable.js";
import { refuseToOverwrite, writeFilesAtomically } from "../output/writeResults.js";
import { checkWorkersFlag, defaultThreads, threadsToStart, WorkerTeam } from "../parallel/workerTeam.js";
import { runUntilPrecise } from "../runUntilPrecise.js";
import { scenarioCacheFor } from "../scenarioCache.js";
import { loadResolved } from "../scenarioInput.js";
import { runWithCheckpoints } from "../checkpoint.js";
import { replayCommand } from "./replay.js";
import { parseShard, partialFileName, type ShardSpec } from "../shardSpec.js";
import { parseTargetSe, targetSeries } from "../targetSe.js";
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
  /** Metric ids or globs (`*` is any run of characters), each possibly a comma-separated list: the metrics --per-run writes (default all). */
  readonly metrics?: readonly string[];
  readonly targetSe?: readonly string[];
  /** Worker threads (default: one per core, one for small jobs). */
  readonly workers?: number;
  /** "i/n" or "auto": run one slice and write a partial result for `chipsim merge`. */
  readonly shard?: string;
  readonly statistics?: StoreMode | "auto";
  /** MiB that stored values may take (default 512): above it statistics stream, and exact statistics are refused. */
  readonly memoryBound?: number;
  /** Replace results already in --out, and write --per-run output estimated above PER_RUN_BOUND_BYTES. */
  readonly force?: boolean;
  /** Save finished segments here and resume from them. */
  readonly checkpoint?: string;
  readonly quiet: boolean;
  /** The command line, for the sidecar manifest. */
  readonly argv?: readonly string[];
  /** Run only this run of the job, with the invariants checked, and print its values. */
  readonly replay?: number;
  /** Check the model's invariants after every quarter of every run (slower: about 1.45x the time). */
  readonly checkInvariants?: boolean;
  /** How each run's uniforms are drawn: each parameter's random stream (default) or scrambled Sobol points. */
  readonly sampler?: Sampler;
}

/** `chipsim run`: resolve, run the Monte Carlo (on worker threads, or one shard of it), write the results, print the summary. */
export async function runCommand(args: RunArgs, io: CliIo): Promise<number> {
  if (args.replay !== undefined) return replay(args, args.replay, io);
  if (args.runs !== undefined && !(Number.isInteger(args.runs) && args.runs > 0)) {
    throw new UsageError(`--runs: expected a whole number of runs above 0, found ${String(args.runs)}`);
  }
  if (args.memoryBound !== undefined && !(args.memoryBound > 0)) throw new UsageError(`--memory-bound: expected a number of MiB above 0, found ${String(args.memoryBound)}`);
  checkWorkersFlag(args.workers);
  const shard = args.shard !== undefined ? parseShard(args.shard, io.env) : undefined;
  if (args.metrics !== undefined && !args.perRun) {
    throw new UsageError(`--metrics: chooses what --per-run writes (summaries always hold every metric); expected --per-run with it, found no --per-run`);
  }
  // --per-run writes one file of every run, in order; --target-se decides when to stop from every run done so far: one process, run from the start.
  const wholeJobOnly = args.perRun ? "--per-run" : args.targetSe ? "--target-se" : undefined;
  if (wholeJobOnly && args.checkpoint !== undefined) throw new UsageError(`${wholeJobOnly}: expected a run without --checkpoint, found --checkpoint ${args.checkpoint}`);
  if (wholeJobOnly && shard) throw new UsageError(`${wholeJobOnly}: expected an unsharded run, found --shard ${args.shard}`);
  if (shard && args.out === undefined) throw new UsageError("--shard: expected --out DIR to write the partial result into, found none");
  const files = fileFormats(args);
  if (args.out === undefined && (args.format === "parquet" || args.perRun || args.formats !== undefined)) {
    throw new UsageError(`${args.perRun ? "--per-run" : args.format === "parquet" ? "--format parquet" : "--formats"}: expected --out DIR to write the files into, found none`);
  }
  // A shard may replace its own partial file: it always writes the same bytes, and a cluster retries shards.
  if (args.out !== undefined && !shard) refuseToOverwrite(args.out, outputNames(files, args.perRun === true), args.force);
  // Workers start first, so that loading the engine in them overlaps loading the scenario here.
  const team = WorkerTeam.forThreads(threadsToStart(args.workers, args.runs !== undefined ? Math.ceil(args.runs / (shard?.count ?? 1)) : undefined), { rows: args.perRun === true });
  /** What the job writes as it goes, to remove if it fails or is interrupted: no partial output is left. */
  const partial: { perRun?: PerRunExport } = {};
  const outExisted = args.out !== undefined && existsSync(args.out);
  try {
    return await runJob(args, io, files, shard, team, partial);
  } catch (error) {
    partial.perRun?.discard();
    // The folder the per-run files were to go in, if this job made it and it is empty.
    if (partial.perRun && args.out !== undefined && !outExisted) removeIfEmpty(args.out);
    throw error;
  } finally {
    await team?.stop();
  }
}

async function runJob(args: RunArgs, io: CliIo, files: FileFormat[], shard: ShardSpec | undefined, team: WorkerTeam | undefined, partial: { perRun?: PerRunExport }): Promise<number> {
  const scenario = loadResolved(args.scenario, args.set, io.cwd, scenarioCacheFor(io.env));
  team?.prepare(scenario);
  const model = compileModel(scenario);
  const runs = args.runs ?? scenario.meta.runs;
  const seed = args.seed !== undefined ? parseSeed(args.seed) : scenario.meta.seed;
  const years = yearsOf(model);
  const watched = args.targetSe ? targetSeries(args.targetSe.map(parseTargetSe), model.metrics, years) : undefined;
  const memoryBoundBytes = (args.memoryBound ?? DEFAULT_MEMORY_BOUND_BYTES / 2 ** 20) * 2 ** 20;
  const needed = storedBytes(runs, model.metrics.length * years);
  if (args.statistics === "exact" && needed > memoryBoundBytes) {
    throw new UsageError(
      `--statistics exact: ${runs.toLocaleString("en-US")} runs of ${model.metrics.length * years} metric-years need ${(needed / 2 ** 20).toFixed(0)} MiB, expected at most --memory-bound ${memoryBoundBytes / 2 ** 20} MiB; use --statistics streaming, or raise --memory-bound`,
    );
  }
  const sampler = args.sampler ?? "random";
  const plan = planJob(model, { runs, seed, memoryBoundBytes, sampler, ...(args.statistics !== undefined ? { statistics: args.statistics } : {}) });
  const slice = shard ? sliceOf(0, runs, shard.count, shard.index) : { first: 0, count: runs };
  const threads = team ? (args.workers ?? defaultThreads(slice.count)) : 1;

  const manifestFor = (done: number): RunManifest => runManifest(scenario, seed, done, sampler);
  let perRun: PerRunExport | undefined;
  if (args.perRun && args.out !== undefined) {
    const ids = model.metrics.map((m) => m.id);
    const chosen = args.metrics !== undefined ? selectMetrics(args.metrics, ids) : ids.map((_, i) => i);
    const perRunFormats = { csv: files.includes("csv"), parquet: files.includes("parquet") };
    const size = estimatePerRunSize({ runs: slice.count, scenario: scenario.meta.id, metricIds: chosen.map((i) => ids[i] as string), years, ...perRunFormats });
    refuseLargePerRun(size, args.force);
    if (!args.quiet && size.total > 0) io.stderr.write(perRunSizeLine(size));
    perRun = new PerRunExport(prepareDir(args.out), scenario.meta.id, ids, chosen, years, perRunFormats, manifestFor(runs));
    partial.perRun = perRun;
  }

  const progress = progressReporter(io, args.quiet);
  let aggregate: MonteCarloAggregate;
  /** The threads that ran the job, to summarise it side by side too. */
  let threadsTeam: WorkerTeam | undefined;
  // The bar is stopped however the job ends: a failed or interrupted job must exit at once, with the cursor back.
  try {
    // Threads run slices of the job (on one thread too, a slice at a time, so that Ctrl-C is heard between slices);
    // --per-run's rows reach the export in run order whichever thread made them.
    const jobTeam = team && threads > 1 && slice.count > 0 ? team : WorkerTeam.start(0);
    threadsTeam = jobTeam;
    if (jobTeam !== team) await team?.stop();
    const job = { scenario, model, plan, checkInvariants: args.checkInvariants === true, ...(perRun ? { perRun } : {}) };
    if (watched) aggregate = await runUntilPrecise(jobTeam, job, slice.count, watched, progress.onProgress);
    else {
      const runRange = (first: number, count: number, onDone?: (done: number, total: number) => void) => jobTeam.run(job, first, count, onDone);
      if (args.checkpoint !== undefined) {
        const checkpointed = { dir: args.checkpoint, manifest: manifestFor(runs), frame: summaryFrame(model), plan, first: slice.first, count: slice.count };
        const result = await runWithCheckpoints(checkpointed, runRange, progress.onProgress);
        if (result.resumedRuns > 0 && !args.quiet) io.stderr.write(`resumed from ${args.checkpoint}: ${result.resumedRuns.toLocaleString("en-US")} runs were already done\n`);
        aggregate = result.aggregate;
      } else aggregate = await runRange(slice.first, slice.count, progress.onProgress);
    }
  } finally {
    progress.stop();
  }
  if (args.checkInvariants && !args.quiet) io.stderr.write(invariantsLine(aggregate));

  if (shard && args.out !== undefined) {
    const name = partialFileName(shard);
    const partial = encodePartialFile({ manifest: manifestFor(runs), frame: summaryFrame(model), plan, shard, partial: aggregate.toPartial() });
    const written = writeFilesAtomically(args.out, { [name]: partial });
    const runsText = slice.count > 0 ? `runs ${slice.first}..${slice.first + slice.count - 1}` : "no runs (the job has fewer slices of 1,024 runs than shards)";
    if (!args.quiet) io.stderr.write(`shard ${shard.index} of ${shard.count}: ${runsText}; wrote ${written.join(", ")}\n`);
    return 0;
  }

  await threadsTeam?.summarize(aggregate);
  // The workers' memory (each its own heap and buffers) is freed before the summaries and files are made.
  await Promise.all([threadsTeam?.stop(), team?.stop()]);
  const summary = summarize(model, aggregate, seed);
  const manifest = manifestFor(aggregate.runs);
  if (watched && !args.quiet) {
    io.stderr.write(aggregate.runs < runs ? `standard-error targets met after ${aggregate.runs} runs\n` : `standard-error targets not met within ${runs} runs\n`);
  }
  writeSummaryOutputs({ ...args, files, summary, labels: metricLabels(model.metrics), designs: summaryFrame(model).designs, manifest, extraFiles: () => (perRun ? perRun.close() : []) }, io);
  return 0;
}

/** --replay: one run, printed; the options that shape a whole job's output do not apply. */
function replay(args: RunArgs, runIndex: number, io: CliIo): number {
  const conflicting = args.out !== undefined ? "--out" : args.shard !== undefined ? "--shard" : args.perRun ? "--per-run" : args.metrics !== undefined ? "--metrics" : args.targetSe ? "--target-se" : args.checkpoint !== undefined ? "--checkpoint" : args.format === "csv" || args.format === "parquet" ? `--format ${args.format}` : undefined;
  if (conflicting) throw new UsageError(`--replay: prints one run as a table or JSON; expected no ${conflicting}`);
  return replayCommand({ scenario: args.scenario, seed: args.seed !== undefined ? parseSeed(args.seed) : undefined, ...(args.set ? { set: args.set } : {}), runIndex, format: args.format === "json" ? "json" : "table", ...(args.sampler ? { sampler: args.sampler } : {}) }, io);
}

/** Writes summary files into --out (with the sidecar manifest) and prints the summary: shared by run and merge. */
export function writeSummaryOutputs(
  args: {
    readonly out?: string;
    readonly files: readonly FileFormat[];
    readonly format: OutputFormat;
    readonly quiet: boolean;
    readonly argv?: readonly string[];
    readonly summary: Summary;
    /** The metrics' labels and units in words, for the table. */
    readonly labels: MetricLabels;
    /** Each design and its designer, for chip_sales.csv. */
    readonly designs: readonly ChipOwner[];
    readonly manifest: RunManifest;
    readonly extraFiles?: () => string[];
  },
  io: CliIo,
): void {
  const { summary, manifest, files } = args;
  if (args.out !== undefined) {
    const contents: Record<string, string | Uint8Array> = {};
    if (files.includes("json")) contents["summary.json"] = summaryJson(summary, manifest);
    if (files.includes("csv")) {
      contents["summary.csv"] = summaryToCsv(summary);
      contents["chip_sales.csv"] = chipSalesToCsv(summary, args.designs, designerId);
    }
    if (files.includes("parquet")) contents["summary.parquet"] = summaryParquet(summary, manifest);
    const written = [...writeFilesAtomically(args.out, contents), ...(args.extraFiles ? args.extraFiles() : [])];
    writeFilesAtomically(args.out, { "manifest.json": sidecar(manifest, args.argv ?? [], written) });
    if (!args.quiet) io.stderr.write(`wrote ${written.join(", ")}\n`);
  }
  if (!args.quiet) io.stdout.write(render(summary, args.labels, manifest, args.format));
}

/** summary.json: the summary with its run manifest. Identical inputs give identical bytes. */
export function summaryJson(summary: Summary, manifest?: RunManifest): string {
  return `${JSON.stringify(manifest ? { ...summary, manifest } : summary, null, 2)}\n`;
}

function render(summary: Summary, labels: MetricLabels, manifest: RunManifest, format: OutputFormat): string {
  if (format === "json") return summaryJson(summary, manifest);
  if (format === "csv") return summaryToCsv(summary);
  return renderSummaryTable(summary, labels);
}

export function fileFormats(args: { readonly formats?: string; readonly format: OutputFormat }): FileFormat[] {
  const listed = args.formats === undefined ? ["json", "csv"] : args.formats.split(",").map((f) => f.trim()).filter((f) => f !== "");
  for (const f of listed) {
    if (!(FILE_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--formats: expected a list of json, csv, parquet, found "${f}"${didYouMean(f, FILE_FORMATS)}`);
  }
  const formats = listed as FileFormat[];
  if (args.format === "parquet" && !formats.includes("parquet")) formats.push("parquet");
  return formats;
}

/** The files a run or a merge writes into --out. */
export function outputNames(files: readonly FileFormat[], perRun: boolean): string[] {
  const names = [...files.map((f) => `summary.${f}`), ...(files.includes("csv") ? ["chip_sales.csv"] : []), "manifest.json"];
  if (perRun) names.push(...files.filter((f) => f !== "json").map((f) => `per_run.${f}`));
  return names;
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (or already gone): it holds something this job did not write.
  }
}

function prepareDir(dir: string): string {
  writeFilesAtomically(dir, {});
  return dir;
}

/** A seed is a whole number when it looks like one, else the text itself (both are valid seeds). */
export function parseSeed(text: string): number | string {
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}
