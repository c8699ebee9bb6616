import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { SAMPLERS, type PointSampler, type Sampler } from "@chipsim/core";
import { NODE_FLAGS } from "../nodeFlags.js";

const execFileAsync = promisify(execFile);

const POINT_SAMPLERS = SAMPLERS.filter((s): s is PointSampler => s !== "random");

/** Variance across seeds with random draws over that with a sampler's points (above 1: the points are more precise). */
export interface VarianceRatios {
  readonly mean: number;
  readonly p5: number;
  readonly p95: number;
}

/** How much each sampler's results move from seed to seed, for one metric in one year. */
export interface MetricPrecision {
  readonly metric: string;
  readonly varianceRatio: Record<PointSampler, VarianceRatios>;
  /** The standard error of the mean each sampler reports (its median over seeds): random from the runs' spread, the others from their 8 groups'. */
  readonly reportedSeMean: Record<Sampler, number>;
}

export interface SamplerPrecision {
  readonly runs: number;
  readonly seeds: number;
  readonly year: number;
  readonly metrics: readonly MetricPrecision[];
  /** Metrics whose mean's variance is at least 4x smaller than with random draws. */
  readonly heldAt4x: Record<PointSampler, number>;
  /** Wall time of a sampler's commands over the random ones' (same runs, seeds and threads). */
  readonly timeRatio: Record<PointSampler, number>;
}

type Stats = { mean: number; p5: number; p95: number };

/**
 * Runs the baseline `seeds` times with each sampler (seeds 1 ... seeds,
 * `runs` runs on two threads, each command in a process of its own, the
 * samplers taking turns so that load hits them alike) and compares how far
 * the year's mean, P5 and P95 move between seeds: the precision a user
 * gets for the same runs.
 */
export async function samplerPrecision(child: string, dir: string, options: { runs: number; seeds: number; year: number; metrics: readonly string[] }): Promise<SamplerPrecision> {
  const { runs, seeds, year, metrics } = options;
  const results = Object.fromEntries(SAMPLERS.map((s) => [s, { stats: [] as Stats[][], se: [] as number[][], seconds: 0 }])) as Record<Sampler, { stats: Stats[][]; se: number[][]; seconds: number }>;
  for (let seed = 1; seed <= seeds; seed++) {
    for (const sampler of SAMPLERS) {
      const out = join(dir, `precision-${sampler}`);
      const args = ["run", "baseline", "--runs", String(runs), "--seed", String(seed), "--sampler", sampler, "--workers", "2", "--quiet", "--out", out, "--force", "--formats", "json"];
      const started = performance.now();
      const { stdout } = await execFileAsync(process.execPath, [...NODE_FLAGS, child, ...args], { maxBuffer: 1 << 20, env: { ...process.env, CHIPSIM_CACHE_DIR: "off" } });
      results[sampler].seconds += (performance.now() - started) / 1000;
      const report = JSON.parse(stdout.trim().split("\n").pop() as string) as { code: number };
      if (report.code !== 0) throw new Error(`chipsim ${args.join(" ")} exited with ${report.code}`);
      const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as {
        metrics: Record<string, Record<string, Stats>>;
        precision: Record<string, Record<string, { seMean: number }>>;
      };
      results[sampler].stats.push(metrics.map((m) => summary.metrics[m]?.[String(year)] as Stats));
      results[sampler].se.push(metrics.map((m) => summary.precision[m]?.[String(year)]?.seMean as number));
    }
  }
  const spread = (sampler: Sampler, m: number, key: keyof Stats) => variance(results[sampler].stats.map((s) => (s[m] as Stats)[key]));
  const ratios = (sampler: PointSampler, m: number): VarianceRatios => ({
    mean: round(spread("random", m, "mean") / spread(sampler, m, "mean")),
    p5: round(spread("random", m, "p5") / spread(sampler, m, "p5")),
    p95: round(spread("random", m, "p95") / spread(sampler, m, "p95")),
  });
  const byPoints = <T>(f: (s: PointSampler) => T) => Object.fromEntries(POINT_SAMPLERS.map((s) => [s, f(s)])) as Record<PointSampler, T>;
  const rows: MetricPrecision[] = metrics.map((metric, m) => ({
    metric,
    varianceRatio: byPoints((s) => ratios(s, m)),
    reportedSeMean: Object.fromEntries(SAMPLERS.map((s) => [s, round(medianOf(results[s].se.map((row) => row[m] as number)))])) as Record<Sampler, number>,
  }));
  return {
    runs,
    seeds,
    year,
    metrics: rows,
    heldAt4x: byPoints((s) => rows.filter((r) => r.varianceRatio[s].mean >= 4).length),
    timeRatio: byPoints((s) => round(results[s].seconds / results.random.seconds)),
  };
}

/** Sample variance (n - 1); 0 for fewer than two values. */
function variance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
}

function medianOf(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}
