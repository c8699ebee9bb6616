import { ChipsimError, compileModel, runMonteCarlo, summarize, type Sampler, type Summary } from "@chipsim/core";
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
  /** Check the model's invariants after every quarter of every run of every point. */
  readonly checkInvariants: boolean;
  /** How every point's runs draw their inputs (the same points at every point of the sweep). */
  readonly sampler: Sampler;
  readonly nextPoint: SharedArrayBuffer;
  /** Points finished, by any thread: for the progress bar. */
  readonly pointsDone: SharedArrayBuffer;
}

/** One point's results: its summary, and the quarters whose invariants were checked (0 unless asked). */
export interface SweepPointResult {
  readonly summary: Summary;
  readonly quartersChecked: number;
}

/** What a worker sends back: the results of the points it ran, or why it stopped. */
export type SweepReport = { readonly kind: "done"; readonly results: readonly (readonly [number, SweepPointResult])[] } | FailureReport;

/**
 * One point, whole, on the calling thread: the scenario resolved with the
 * point's overrides, compiled and run. A point is never split, so its
 * summary is the same bits whichever thread runs it. A run that fails
 * (a value not finite, a broken invariant) is named with its point's
 * --set flags, which replaying it needs.
 */
export function runSweepPoint(job: SweepJob, point: number): SweepPointResult {
  const overrides = job.points[point] as readonly string[];
  const scenario = loadResolved(job.scenario, [...job.sets, ...overrides], job.cwd);
  const model = compileModel(scenario);
  try {
    const aggregate = runMonteCarlo(model, { runs: job.runs, seed: job.seed, checkInvariants: job.checkInvariants, sampler: job.sampler });
    return { summary: summarize(model, aggregate, job.seed), quartersChecked: aggregate.quartersChecked };
  } catch (error) {
    throw withPoint(error, point, overrides);
  }
}

/** A failure while running a point, named with the point and its --set flags (bad input already names its flag). */
export function withPoint(error: unknown, point: number, overrides: readonly string[]): unknown {
  if (!(error instanceof ChipsimError && error.code === "RUNTIME")) return error;
  return new ChipsimError(error.code, `sweep point ${point} (${overrides.map((o) => `--set ${o}`).join(" ")}): ${error.message}`);
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
