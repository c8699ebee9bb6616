import { writeFileSync, mkdirSync, renameSync } from "node:fs";
import { backtest, checkTargets, compileModel, metricLabels, type ResolvedScenario } from "@chipsim/core";
import { loadTargets } from "@chipsim/scenarios";
import { dirname, resolve } from "node:path";
import type { CliIo } from "../io.js";
import { buildReport } from "../report/buildReport.js";
import { standaloneSvg } from "../report/renderSvg.js";
import { writeFilesAtomically } from "../output/writeResults.js";
import { scenarioCacheFor } from "../scenarioCache.js";
import { loadResolved } from "../scenarioInput.js";
import { resolveSides } from "../compareSides.js";
import { UsageError } from "../usageError.js";
import { checkWorkersFlag, defaultThreads, threadsToStart, WorkerTeam } from "../parallel/workerTeam.js";
import { parseSeed } from "./run.js";

export interface ReportArgs {
  readonly scenario: string;
  readonly compare: readonly string[];
  readonly out: string;
  readonly runs?: number;
  readonly seed?: string;
  readonly set?: readonly string[];
  /** Variants of the scenario to compare with, each one or more path=value separated by ";". */
  readonly vs?: readonly string[];
  readonly metric: string;
  readonly year: number;
  readonly quiet: boolean;
  /** Threads for each Monte Carlo job (default: one per core, one under 10,000 runs). */
  readonly workers?: number;
}

/** `chipsim report SCENARIO --out report.html`: one self-contained page. */
export async function reportCommand(args: ReportArgs, io: CliIo): Promise<number> {
  const { html } = await build(args, io, true);
  const target = resolve(io.cwd, args.out);
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, html);
  renameSync(temp, target);
  if (!args.quiet) io.stderr.write(`wrote ${args.out}\n`);
  return 0;
}

/** `chipsim charts SCENARIO --out DIR`: the report's charts as SVG files. */
export async function chartsCommand(args: ReportArgs, io: CliIo): Promise<number> {
  const { charts } = await build(args, io, false);
  const files: Record<string, string> = {};
  for (const [name, svg] of Object.entries(charts)) files[name] = standaloneSvg(svg);
  const written = writeFilesAtomically(resolve(io.cwd, args.out), files);
  if (!args.quiet) io.stderr.write(`wrote ${written.length} charts to ${args.out}\n`);
  return 0;
}

/** The report (with the backtest behind its caveats when `caveats`; the charts alone do not show them). */
async function build(args: ReportArgs, io: CliIo, caveats: boolean) {
  if (args.runs !== undefined && !(Number.isInteger(args.runs) && args.runs > 0)) throw new UsageError(`--runs: expected a whole number above 0, found ${String(args.runs)}`);
  // Workers start first, so that loading the engine in them overlaps loading the scenarios here.
  checkWorkersFlag(args.workers);
  const team = WorkerTeam.forThreads(threadsToStart(args.workers, args.runs));
  try {
    const cache = scenarioCacheFor(io.env);
    // As in compare: a --set on a field where the compared scenarios differ would hide that difference, and is refused.
    const [scenario, ...compare] = resolveSides([args.scenario, ...args.compare], args.set, args.vs, io.cwd, cache) as [ResolvedScenario, ...ResolvedScenario[]];
    // The scenario's own runs, as `chipsim run` takes them (10,000 for the baseline).
    const runs = args.runs ?? scenario.meta.runs;
    const seed = args.seed !== undefined ? parseSeed(args.seed) : scenario.meta.seed;
    const threads = args.workers ?? defaultThreads(runs);
    const runJob = WorkerTeam.runJob(team, threads);
    const runPaired = WorkerTeam.runPaired(team, threads);
    return await buildReport({
      scenario,
      compare,
      runs,
      seed,
      tornado: { metric: args.metric, year: args.year },
      generated: reportDate(io.env),
      ...(caveats ? backtestOf(loadResolved("baseline", [], io.cwd, cache), runs, seed, io.cwd) : {}),
      ...(runJob ? { runJob } : {}),
      ...(runPaired ? { runPaired } : {}),
    });
  } finally {
    await team?.stop();
  }
}

/**
 * The baseline against the figures reported for 2024-2028, as `chipsim
 * backtest` runs it, with the report's runs and seed: its coverage goes
 * into the report's caveats.
 */
function backtestOf(baseline: ResolvedScenario, runs: number, seed: number | string, cwd: string) {
  const model = compileModel(baseline);
  const targets = loadTargets(undefined, cwd);
  if (checkTargets(model, targets).length > 0) return {};
  return { backtest: { report: backtest(model, targets, runs, seed), labels: metricLabels(model.metrics) } };
}

/**
 * The day the report is generated, as an ISO date (UTC): today, or the
 * day of SOURCE_DATE_EPOCH (seconds since 1970, the usual variable for
 * reproducible output) when it is set.
 */
export function reportDate(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): string {
  const fixed = env["SOURCE_DATE_EPOCH"];
  if (fixed !== undefined && fixed.trim() !== "") {
    const seconds = Number(fixed);
    if (!Number.isSafeInteger(seconds) || seconds < 0) throw new UsageError(`SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01, found "${fixed}"`);
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}
