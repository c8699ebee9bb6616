import { compileModel, runMonteCarlo, summarize, type Summary } from "@chipsim/core";
import { loadResolved } from "../scenarioInput.js";
import type { FailureReport } from "./failureReport.js";

/**
 * A sweep as its threads share it: the scenario and --set flags, each
 * point's overrides (`path=value` flags added to them), and the Monte Carlo
 * every point runs. A shared counter hands out the points.
 */
export interface SweepJob {
  readonly scenario: string;
  readonly sets: readonly string[];
  readonly cwd: string;
  readonly points: readonly (readonly string[])[];
  readonly runs: number;
  readonly seed: number | string;
  readonly nextPoint: SharedArrayBuffer;
  /** Points finished, by any thread: for the progress bar. */
  readonly pointsDone: SharedArrayBuffer;
}

/** What a worker sends back: the summaries of the points it ran, or why it stopped. */
export type SweepReport =
  | { readonly kind: "done"; readonly summaries: readonly (readonly [number, Summary])[] }
  | FailureReport;

/**
 * One point, whole, on the calling thread: the scenario resolved with the
 * point's overrides, compiled and run. A point is never split, so its
 * summary is the same bits whichever thread runs it.
 */
export function runSweepPoint(job: SweepJob, point: number): Summary {
  const scenario = loadResolved(job.scenario, [...job.sets, ...(job.points[point] as readonly string[])], job.cwd);
  const model = compileModel(scenario);
  return summarize(model, runMonteCarlo(model, { runs: job.runs, seed: job.seed }), job.seed);
}

/** One more point finished (atomic: every thread counts). */
export function countPoint(job: SweepJob): void {
  Atomics.add(new Int32Array(job.pointsDone), 0, 1);
}

/** The next point nobody has claimed, or undefined when none are left. */
export function claimPoint(job: SweepJob): number | undefined {
  const point = Atomics.add(new Int32Array(job.nextPoint), 0, 1);
  return point < job.points.length ? point : undefined;
}
