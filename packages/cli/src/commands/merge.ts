import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { metricLabels, MonteCarloAggregate, summarize } from "@chipsim/core";
import type { CliIo } from "../io.js";
import { CHIPSIM_VERSION } from "../output/manifest.js";
import { jobDifference, PartialFileError, readPartialFile, type PartialFile } from "../output/partialFile.js";
import { UsageError } from "../usageError.js";
import { refuseToOverwrite } from "../output/writeResults.js";
import { fileFormats, outputNames, writeSummaryOutputs, type OutputFormat } from "./run.js";
import { invariantsLine } from "../output/invariantsLine.js";

export interface MergeArgs {
  /** Partial files, or folders holding them (every *.chipsim inside). */
  readonly partials: readonly string[];
  readonly out?: string;
  readonly format: OutputFormat;
  readonly formats?: string;
  readonly force?: boolean;
  readonly quiet: boolean;
  readonly argv?: readonly string[];
}

/**
 * `chipsim merge`: the shards of one job, combined into the summary the
 * whole job gives on one machine, byte for byte. Every shard must come from
 * the same scenario, seed, runs and chipsim version, and together they
 * must cover every run exactly once.
 */
export function mergeCommand(args: MergeArgs, io: CliIo): number {
  const files = fileFormats(args);
  if (args.format === "parquet" && args.out === undefined) throw new UsageError("--format parquet: expected --out DIR to write the files into, found none");
  if (args.out !== undefined) refuseToOverwrite(args.out, outputNames(files, false), args.force);
  const paths = partialPaths(args.partials, io.cwd);
  const parts = paths.map((path) => ({ path, file: readPartialFile(path) }));
  const first = parts[0] as { path: string; file: PartialFile };
  const reference = first.file;
  if (reference.manifest.chipsim !== CHIPSIM_VERSION) {
    throw new PartialFileError(first.path, `expected a partial result of chipsim ${CHIPSIM_VERSION}, found one of chipsim ${reference.manifest.chipsim}`);
  }
  const shards = new Map<number, string>();
  for (const { path, file } of parts) {
    const difference = jobDifference(reference, file);
    if (difference) {
      throw new PartialFileError(path, `not from the same job: expected ${difference.field} ${difference.expected} (as in ${first.path}), found ${difference.found}`);
    }
    if (file.shard.count !== reference.shard.count) {
      throw new PartialFileError(path, `expected shard count ${reference.shard.count} (as in ${first.path}), found ${file.shard.count}`);
    }
    const seen = shards.get(file.shard.index);
    if (seen !== undefined) throw new PartialFileError(path, `shard ${file.shard.index} appears twice (also ${seen})`);
    shards.set(file.shard.index, path);
  }
  const missing = Array.from({ length: reference.shard.count }, (_, k) => k).filter((k) => !shards.has(k));
  if (missing.length > 0) {
    throw new UsageError(`merge: expected shards 0..${reference.shard.count - 1}, found no partial result for shard${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  }
  const plan = reference.plan;
  const slices = parts.map(({ path, file }) => {
    try {
      return MonteCarloAggregate.fromPartial(plan, file.partial);
    } catch (error) {
      throw new PartialFileError(path, (error as Error).message);
    }
  });
  const whole = MonteCarloAggregate.combine(plan, slices);
  const summary = summarize(reference.frame, whole, plan.seed);
  // Shards run with --check-invariants carry the quarters they checked.
  if (whole.quartersChecked > 0 && !args.quiet) io.stderr.write(invariantsLine(whole));
  writeSummaryOutputs({ ...args, files, summary, labels: metricLabels(reference.frame.metrics), designs: reference.frame.designs, manifest: reference.manifest }, io);
  return 0;
}

function partialPaths(given: readonly string[], cwd: string): string[] {
  if (given.length === 0) throw new UsageError("merge: expected partial results (files or folders), found none");
  const paths: string[] = [];
  for (const entry of given) {
    const path = resolve(cwd, entry);
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`merge: expected a partial result or a folder of them, found nothing at ${entry}`);
    }
    if (!isFolder) {
      paths.push(path);
      continue;
    }
    const inside = readdirSync(path).filter((name) => name.endsWith(".chipsim")).sort();
    if (inside.length === 0) throw new UsageError(`merge: expected *.chipsim partial results in ${entry}, found none`);
    paths.push(...inside.map((name) => join(path, name)));
  }
  return paths;
}
