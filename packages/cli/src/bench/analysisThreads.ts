import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { NODE_FLAGS } from "../nodeFlags.js";

const execFileAsync = promisify(execFile);

/** One analysis command timed on one thread and on two. */
export interface AnalysisTiming {
  readonly command: string;
  readonly runs: number;
  readonly oneThreadSeconds: number;
  readonly twoThreadSeconds: number;
  /** One thread's time over two threads' (2 would be perfect sharing). */
  readonly speedup: number;
}

/**
 * The analysis commands as a user runs them, each from the shell on one
 * thread and then on two: a comparison of two built-in scenarios with its
 * attribution (a tenth of the runs per piece, at most 2,000, as compare
 * defaults to), a four-point sweep and a sensitivity analysis, each with
 * `runs` runs in all (the comparison: per side).
 */
export async function analysisThreads(child: string, runs: number, seed: number): Promise<AnalysisTiming[]> {
  const perPoint = Math.max(1, Math.round(runs / 4));
  const commands: { command: string; runs: number; args: string[] }[] = [
    { command: "compare", runs, args: ["compare", "baseline", "hbm-chokehold", "--runs", String(runs), "--attribution-runs", String(Math.max(1, Math.min(2000, Math.round(runs / 10))))] },
    { command: "sweep", runs: perPoint * 4, args: ["sweep", "baseline", "--vary", "levers.us-hbm-ban.strength=0:1:4", "--runs", String(perPoint)] },
    { command: "sensitivity", runs, args: ["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2030", "--runs", String(runs)] },
  ];
  const timings: AnalysisTiming[] = [];
  for (const { command, runs: total, args } of commands) {
    const seconds: number[] = [];
    for (const threads of [1, 2]) {
      const started = performance.now();
      const { stdout } = await execFileAsync(process.execPath, [...NODE_FLAGS, child, ...args, "--seed", String(seed), "--workers", String(threads), "--quiet"], {
        maxBuffer: 1 << 20,
        env: { ...process.env, CHIPSIM_CACHE_DIR: "off" },
      });
      seconds.push((performance.now() - started) / 1000);
      const report = JSON.parse(stdout.trim().split("\n").pop() as string) as { code: number };
      if (report.code !== 0) throw new Error(`chipsim ${args.join(" ")} on ${threads} thread(s) exited with ${report.code}`);
    }
    const [one, two] = seconds as [number, number];
    timings.push({ command, runs: total, oneThreadSeconds: round(one), twoThreadSeconds: round(two), speedup: round(one / two) });
  }
  return timings;
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
