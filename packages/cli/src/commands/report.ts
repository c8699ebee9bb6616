import { writeFileSync, mkdirSync, renameSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { CliIo } from "../io.js";
import { buildReport } from "../report/buildReport.js";
import { standaloneSvg } from "../report/renderSvg.js";
import { writeFilesAtomically } from "../output/writeResults.js";
import { scenarioCacheFor } from "../scenarioCache.js";
import { loadResolved } from "../scenarioInput.js";
import { UsageError } from "../usageError.js";
import { checkWorkersFlag, defaultThreads, threadsToStart, WorkerTeam } from "../parallel/workerTeam.js";
import { parseSeed } from "./run.js";

/** Runs of a report unless --runs says otherwise (fewer when the scenario asks for fewer): a page in about two seconds. */
const REPORT_RUNS = 2000;

export interface ReportArgs {
  readonly scenario: string;
  readonly compare: readonly string[];
  readonly out: string;
  readonly runs?: number;
  readonly seed?: string;
  readonly set?: readonly string[];
  readonly metric: string;
  readonly year: number;
  readonly quiet: boolean;
  /** Threads for each Monte Carlo job (default: one per core, one under 10,000 runs). */
  readonly workers?: number;
}

/** `chipsim report SCENARIO --out report.html`: one self-contained page. */
export async function reportCommand(args: ReportArgs, io: CliIo): Promise<number> {
  const { html } = await build(args, io);
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
  const { charts } = await build(args, io);
  const files: Record<string, string> = {};
  for (const [name, svg] of Object.entries(charts)) files[name] = standaloneSvg(svg);
  const written = writeFilesAtomically(resolve(io.cwd, args.out), files);
  if (!args.quiet) io.stderr.write(`wrote ${written.length} charts to ${args.out}\n`);
  return 0;
}

async function build(args: ReportArgs, io: CliIo) {
  if (args.runs !== undefined && !(Number.isInteger(args.runs) && args.runs > 0)) throw new UsageError(`--runs: expected a whole number above 0, found ${String(args.runs)}`);
  // Workers start first, so that loading the engine in them overlaps loading the scenarios here.
  checkWorkersFlag(args.workers);
  const team = WorkerTeam.forThreads(threadsToStart(args.workers, args.runs ?? REPORT_RUNS));
  try {
    const cache = scenarioCacheFor(io.env);
    const scenario = loadResolved(args.scenario, args.set, io.cwd, cache);
    const runs = args.runs ?? Math.min(scenario.meta.runs, REPORT_RUNS);
    const compare = args.compare.map((ref) => loadResolved(ref, args.set, io.cwd, cache));
    const runJob = WorkerTeam.runJob(team, args.workers ?? defaultThreads(runs));
    return await buildReport({
      scenario,
      compare,
      runs,
      seed: args.seed !== undefined ? parseSeed(args.seed) : scenario.meta.seed,
      tornado: { metric: args.metric, year: args.year },
      ...(runJob ? { runJob } : {}),
    });
  } finally {
    await team?.stop();
  }
}
