import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { BLOCK_RUNS, MonteCarloAggregate, type JobPlan, type SummaryFrame } from "@chipsim/core";
import type { RunManifest } from "./output/manifest.js";
import { encodePartialFile, jobDifference, readPartialFile, type PartialFile } from "./output/partialFile.js";
import { writeFilesAtomically } from "./output/writeResults.js";
import { UsageError } from "./usageError.js";

/** Runs between checkpoints: sixteen slices, a few seconds of work. */
export const SEGMENT_RUNS = 16 * BLOCK_RUNS;

export interface CheckpointJob {
  readonly dir: string;
  readonly manifest: RunManifest;
  readonly frame: SummaryFrame;
  readonly plan: JobPlan;
  readonly first: number;
  readonly count: number;
}

/**
 * `--checkpoint DIR`: runs [first, first + count) in segments of
 * SEGMENT_RUNS and saves each finished segment in DIR (exact statistics: a
 * file per segment with its values; streaming: one file with everything so
 * far, rewritten after each segment, always under a temporary name first).
 * Started again with the same job, it reads what DIR holds and runs only
 * what is missing. Results do not depend on how runs were split, so a
 * resumed job gives the same bits as one that was never stopped.
 */
export async function runWithCheckpoints(
  job: CheckpointJob,
  runRange: (first: number, count: number, onProgress: (done: number) => void) => Promise<MonteCarloAggregate>,
  onProgress?: (done: number, total: number) => void,
): Promise<{ aggregate: MonteCarloAggregate; resumedRuns: number }> {
  mkdirSync(job.dir, { recursive: true });
  const paths = readdirSync(job.dir)
    .filter((name) => name.endsWith(".chipsim"))
    .sort()
    .map((name) => join(job.dir, name));
  const saved = paths.map((path) => savedPart(job, path));
  refuseOverlaps(job, paths, saved);
  // Threads leave their runs as many small ranges; joined, they cover whole segments.
  const covered = joinRanges(saved.flatMap((a) => a.ranges));
  const resumedRuns = saved.reduce((n, a) => n + a.runs, 0);
  const isCovered = (first: number, count: number) => covered.some(([f, c]) => f <= first && first + count <= f + c);

  let streamed: MonteCarloAggregate | undefined;
  if (job.plan.mode === "streaming") for (const part of saved) streamed = streamed ? (streamed.merge(part), streamed) : part;
  const parts = job.plan.mode === "exact" ? [...saved] : [];
  let done = resumedRuns;
  for (let first = job.first; first < job.first + job.count; first += SEGMENT_RUNS) {
    const count = Math.min(SEGMENT_RUNS, job.first + job.count - first);
    if (isCovered(first, count)) continue;
    const base = done;
    const segment = await runRange(first, count, (d) => onProgress?.(base + d, job.count));
    done += count;
    if (job.plan.mode === "exact") {
      parts.push(segment);
      save(job, `segment-${String(first).padStart(12, "0")}.chipsim`, segment);
    } else {
      if (streamed) streamed.merge(segment);
      else streamed = segment;
      save(job, "progress.chipsim", streamed);
    }
  }
  if (streamed) parts.push(streamed);
  return { aggregate: MonteCarloAggregate.combine(job.plan, parts, job.first, job.count), resumedRuns };
}

function save(job: CheckpointJob, name: string, aggregate: MonteCarloAggregate): void {
  writeFilesAtomically(job.dir, { [name]: encodePartialFile({ manifest: job.manifest, frame: job.frame, plan: job.plan, shard: { index: 0, count: 1 }, partial: aggregate.toPartial() }) });
}

/** A file of DIR, checked to belong to this very job. */
function savedPart(job: CheckpointJob, path: string): MonteCarloAggregate {
  const file: PartialFile = readPartialFile(path);
  const mismatch = (what: string, a: unknown, b: unknown) =>
    new UsageError(`--checkpoint ${job.dir}: ${path} holds another job's runs (${what}: expected ${String(a)}, found ${String(b)}); use another folder or empty this one`);
  const difference = jobDifference(job, file);
  if (difference) throw mismatch(difference.field, difference.expected, difference.found);
  const aggregate = MonteCarloAggregate.fromPartial(job.plan, file.partial);
  for (const [f, c] of aggregate.ranges) {
    if (f < job.first || f + c > job.first + job.count) throw mismatch("runs", `${job.first}..${job.first + job.count - 1}`, `${f}..${f + c - 1}`);
  }
  return aggregate;
}

/** Two files holding the same run: the folder is not one this job left (found before any run, not at the end). */
function refuseOverlaps(job: CheckpointJob, paths: readonly string[], saved: readonly MonteCarloAggregate[]): void {
  const ranges = saved.flatMap((a, k) => a.ranges.map(([f, c]) => ({ f, c, path: paths[k] as string }))).sort((a, b) => a.f - b.f);
  for (let k = 1; k < ranges.length; k++) {
    const before = ranges[k - 1] as (typeof ranges)[number];
    const r = ranges[k] as (typeof ranges)[number];
    if (r.f < before.f + before.c) {
      throw new UsageError(`--checkpoint ${job.dir}: ${r.path} holds runs from ${r.f} that ${before.path} holds too; use another folder or empty this one`);
    }
  }
}

/** Sorted, with touching ranges joined: [[0, 1024], [1024, 1024]] becomes [[0, 2048]]. */
function joinRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const joined: [number, number][] = [];
  for (const [f, c] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = joined[joined.length - 1];
    if (last && last[0] + last[1] === f) last[1] += c;
    else joined.push([f, c]);
  }
  return joined;
}
