import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { NODE_FLAGS } from "../nodeFlags.js";

const execFileAsync = promisify(execFile);

/** How much each sampler's results move from seed to seed, for one metric in one year. */
export interface MetricPrecision {
  readonly metric: string;
  /** Variance across seeds of the mean, P5 and P95 with random draws over that with Sobol points (above 1: Sobol is more precise). */
  readonly meanVarianceRatio: number;
  readonly p5VarianceRatio: number;
  readonly p95VarianceRatio: number;
  /** The standard error of the mean each sampler reports (its median over seeds): random from the runs' spread, Sobol from its scrambles'. */
  readonly reportedSeMean: { readonly random: number; readonly sobol: number };
}

export interface SamplerPrecision {
  readonly runs: number;
  readonly seeds: number;
  readonly year: number;
  readonly metrics: readonly MetricPrecision[];
  /** Metrics whose mean's variance is at least 4x smaller with Sobol points. */
  readonly heldAt4x: number;
  /** Wall time of the Sobol commands over the random ones (same runs, seeds and threads). */
  readonly timeRatio: number;
}

type Stats = { mean: number; p5: number; p95: number };

/**
 * Runs the baseline `seeds` times with each sampler (seeds 1 ... seeds,
 * `runs` runs on two threads, each command in a process of its own, the
 * samplers alternating so that load hits them alike) and compares how far
 * the year's mean, P5 and P95 move between seeds: the precision a user
 * gets for the same runs.
 */
export async function samplerPrecision(child: string, dir: string, options: { runs: number; seeds: number; year: number; metrics: readonly string[] }): Promise<SamplerPrecision> {
  const { runs, seeds, year, metrics } = options;
  const results: Record<"random" | "sobol", { stats: Stats[][]; se: number[][]; seconds: number }> = {
    random: { stats: [], se: [], seconds: 0 },
    sobol: { stats: [], se: [], seconds: 0 },
  };
  for (let seed = 1; seed <= seeds; seed++) {
    for (const sampler of ["random", "sobol"] as const) {
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
  const ratio = (m: number, key: keyof Stats) => variance(results.random.stats.map((s) => (s[m] as Stats)[key])) / variance(results.sobol.stats.map((s) => (s[m] as Stats)[key]));
  const rows = metrics.map((metric, m) => ({
    metric,
    meanVarianceRatio: round(ratio(m, "mean")),
    p5VarianceRatio: round(ratio(m, "p5")),
    p95VarianceRatio: round(ratio(m, "p95")),
    reportedSeMean: { random: round(medianOf(results.random.se.map((s) => s[m] as number))), sobol: round(medianOf(results.sobol.se.map((s) => s[m] as number))) },
  }));
  return {
    runs,
    seeds,
    year,
    metrics: rows,
    heldAt4x: rows.filter((r) => r.meanVarianceRatio >= 4).length,
    timeRatio: round(results.sobol.seconds / results.random.seconds),
  };
}

/** Sample variance (n - 1); 0 for fewer than two values. Infinity / 0 ratios read as "no spread at all" with Sobol points. */
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
