import {
  attributeDifference,
  compareScenarios,
  compileModel,
  describeParam,
  didYouMean,
  formatDifference,
  formatShare,
  formatValue,
  H100E_NOTE,
  metricLabels,
  metricTitle,
  Param,
  scenarioChanges,
  type Attribution,
  type ComparisonSummary,
  type DiffSummary,
  type MetricLabels,
  type Sampler,
  type ScenarioChange,
  type SeriesSummary,
} from "@chipsim/core";
import type { CliIo } from "../io.js";
import { padTable, wrap, yearsShownNote } from "../output/format.js";
import { progressReporter } from "../output/progress.js";
import { HEADLINE_METRICS } from "../output/summaryTable.js";
import { checkedLine } from "../output/invariantsLine.js";
import { refuseToOverwrite, writeFilesAtomically } from "../output/writeResults.js";
import { scenarioCacheFor } from "../scenarioCache.js";
import { resolveSides } from "../compareSides.js";
import { UsageError } from "../usageError.js";
import { checkWorkersFlag, defaultThreads, threadsToStart, WorkerTeam } from "../parallel/workerTeam.js";
import { parseSeed } from "./run.js";

export interface CompareArgs {
  readonly scenarios: readonly string[];
  readonly runs?: number;
  readonly seed?: string;
  /** Overrides applied to every scenario compared. */
  readonly set?: readonly string[];
  /** Variants of the first scenario, each one or more path=value separated by ";". */
  readonly vs?: readonly string[];
  readonly out?: string;
  /** Replace a compare.json already in --out. */
  readonly force?: boolean;
  readonly format: "table" | "json";
  readonly quiet: boolean;
  readonly attribution: boolean;
  readonly attributionRuns?: number;
  readonly metrics?: readonly string[];
  /** Threads for each scenario's runs (default: one per core, one under 10,000 runs). */
  readonly workers?: number;
  /** Check the model's invariants after every quarter of every run, the attribution's included. */
  readonly checkInvariants?: boolean;
  /** How each run's uniforms are drawn, on every side and in the attribution (default random). */
  readonly sampler?: Sampler;
  /** MiB every side's and difference's stored values may take together; above it statistics stream (default 512). */
  readonly memoryBound?: number;
}

export interface CompareReport extends ComparisonSummary {
  /** The --set overrides every scenario was run with; absent when there were none. */
  readonly overrides?: readonly string[];
  /** What differs between each later scenario and the first, field by field. */
  readonly changes: Record<string, readonly { path: string; from: string; to: string }[]>;
  readonly attribution: readonly Attribution[];
}

const SHOWN_YEARS = ["2025", "2027", "2030", "2035"];

/** `chipsim compare A B [C ...]`: paired differences, structural differences and attribution. */
export async function compareCommand(args: CompareArgs, io: CliIo): Promise<number> {
  const sides = args.scenarios.length + (args.vs?.length ?? 0);
  if (sides < 2) throw new UsageError(`compare: expected at least two scenarios, or one with --vs, found ${args.scenarios.length} scenario${args.scenarios.length === 1 ? "" : "s"} and no --vs`);
  for (const [flag, v] of [["--runs", args.runs], ["--attribution-runs", args.attributionRuns]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v > 0)) throw new UsageError(`${flag}: expected a whole number above 0, found ${String(v)}`);
  }
  if (args.memoryBound !== undefined && !(args.memoryBound > 0)) throw new UsageError(`--memory-bound: expected a number of MiB above 0, found ${String(args.memoryBound)}`);
  if (args.out !== undefined) refuseToOverwrite(args.out, ["compare.json"], args.force);
  // Workers start first, so that loading the engine in them overlaps loading the scenarios here.
  checkWorkersFlag(args.workers);
  const team = WorkerTeam.forThreads(threadsToStart(args.workers, args.runs));
  try {
    return await compare(args, io, team);
  } finally {
    await team?.stop();
  }
}

async function compare(args: CompareArgs, io: CliIo, team: WorkerTeam | undefined): Promise<number> {
  const cache = scenarioCacheFor(io.env);
  const resolved = resolveSides(args.scenarios, args.set, args.vs, io.cwd, cache);
  const ids = resolved.map((r) => r.meta.id);
  if (new Set(ids).size !== ids.length) throw new UsageError(`compare: expected different scenarios, found ${ids.join(", ")}`);
  const first = resolved[0]!;
  const runs = args.runs ?? first.meta.runs;
  const seed = args.seed !== undefined ? parseSeed(args.seed) : first.meta.seed;
  const threads = team ? (args.workers ?? defaultThreads(runs)) : 1;
  // The team's threads run each scenario's job (exact statistics) or every scenario side by side (streamed).
  const runJob = WorkerTeam.runJob(team, threads);
  const runPaired = WorkerTeam.runPaired(team, threads);
  const checkInvariants = args.checkInvariants === true;
  const progress = progressReporter(io, args.quiet);
  const models = resolved.map(compileModel);
  const summary = await compareScenarios(models, {
    runs,
    seed,
    checkInvariants,
    ...(args.sampler ? { sampler: args.sampler } : {}),
    ...(args.memoryBound !== undefined ? { memoryBoundBytes: args.memoryBound * 2 ** 20 } : {}),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    ...(runJob ? { runJob } : {}),
    ...(runPaired ? { runPaired } : {}),
  }).finally(() => progress.stop());

  const metrics = args.metrics ?? HEADLINE_METRICS.filter((m) => summary.metrics[m]);
  for (const m of metrics) if (!summary.metrics[m]) throw new UsageError(`--metric: expected a metric all the scenarios have, found "${m}"${didYouMean(m, Object.keys(summary.metrics))}`);
  const changes: CompareReport["changes"] = {};
  const attribution: Attribution[] = [];
  for (const other of resolved.slice(1)) {
    changes[`${other.meta.id} - ${first.meta.id}`] = scenarioChanges(first, other).map(describeChange);
    const isVariant = resolved.indexOf(other) >= args.scenarios.length;
    if (isVariant && changes[`${other.meta.id} - ${first.meta.id}`]?.length === 0 && !args.quiet) {
      io.stderr.write(`note: ${other.meta.id} is the same scenario as ${first.meta.id} (it already has those values): its differences are 0\n`);
    }
    if (args.attribution) {
      attribution.push(await attributeDifference(first, other, { runs: args.attributionRuns ?? Math.min(runs, 2000), seed, metrics, checkInvariants, ...(args.sampler ? { sampler: args.sampler } : {}), ...(runJob ? { runJob } : {}) }));
    }
  }
  // The counts go to stderr, not into compare.json: a checked comparison writes the unchecked one's bytes.
  const { quartersChecked, ...results } = summary;
  const overrides = first.meta.overrides ? { overrides: first.meta.overrides } : {};
  const report: CompareReport = { ...results, ...overrides, changes, attribution: attribution.map(({ quartersChecked: _counted, ...a }) => a) };
  if (checkInvariants && !args.quiet) {
    models.forEach((m) => io.stderr.write(checkedLine(quartersChecked?.[m.scenario.meta.id] ?? 0, runs, m.world.layout.quarters, m.scenario.meta.id)));
    for (const a of attribution) {
      const pieces = a.groups.length + 2;
      io.stderr.write(checkedLine(a.quartersChecked ?? 0, pieces * a.runs, models[0]!.world.layout.quarters, `attribution ${a.to} - ${a.from} (${pieces} run sets)`));
    }
  }
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (args.out !== undefined) {
    const written = writeFilesAtomically(args.out, { "compare.json": json });
    if (!args.quiet) io.stderr.write(`wrote ${written.join(", ")}\n`);
  }
  if (!args.quiet) io.stdout.write(args.format === "json" ? json : renderCompare(report, metrics, metricLabels(models[0]!.metrics)));
  return 0;
}

function describeChange(c: ScenarioChange): { path: string; from: string; to: string } {
  const text = (v: unknown) => (v === undefined ? "(none)" : v instanceof Param ? describeParam(v).distribution : JSON.stringify(v));
  return { path: c.path, from: text(c.before), to: text(c.after) };
}

export function renderCompare(report: CompareReport, metrics: readonly string[], labels: MetricLabels): string {
  const [base] = report.scenarios;
  const baseSummary = report.summaries[base ?? ""];
  const lines = [`Compare ${report.scenarios.join(", ")}: ${report.runs.toLocaleString("en-US")} runs each, seed ${String(report.seed)}, common random numbers`];
  if (report.overrides?.length) lines.push(`every scenario with --set ${report.overrides.join(", ")}`);
  const allYears = Object.keys(report.metrics[metrics[0] ?? ""] ?? {});
  const skipped = yearsShownNote(
    SHOWN_YEARS.filter((y) => allYears.includes(y)),
    allYears,
    "--format json and compare.json give",
  );
  lines.push(wrap(`Each scenario's median, and the paired difference run by run (differences of shares in percentage points).${skipped ? ` ${skipped}` : ""}`), "");
  for (const metric of metrics) {
    const byYear = report.metrics[metric] ?? {};
    const years = SHOWN_YEARS.filter((y) => byYear[y]);
    const unit = baseSummary?.units[metric] ?? "";
    const value = (x: number) => formatValue(x, unit);
    // A difference is noise below a millionth of the values compared.
    const scale = (y: string) => Math.max(...report.scenarios.map((id) => Math.abs((byYear[y]?.[id] as SeriesSummary | undefined)?.p95 ?? 0)));
    const signed = (x: number, y: string) => formatDifference(x, unit, { scale: scale(y) });
    const rows: string[][] = [[`${metricTitle(labels, metric)} [${metric}]`, ...years]];
    for (const id of report.scenarios) rows.push([`  ${id}  P50`, ...years.map((y) => value((byYear[y]?.[id] as SeriesSummary).p50))]);
    for (const key of Object.keys((byYear[years[0] ?? ""]?.["diff"] as Record<string, DiffSummary> | undefined) ?? {})) {
      const d = (y: string) => (byYear[y]?.["diff"] as Record<string, DiffSummary>)[key] as DiffSummary;
      rows.push([`  ${key}  P50 [P5, P95]`, ...years.map((y) => `${signed(d(y).p50, y)} [${signed(d(y).p5, y)}, ${signed(d(y).p95, y)}]`)]);
      rows.push([`  ${key}  P(higher)`, ...years.map((y) => formatShare(d(y).pGreater))]);
    }
    lines.push(padTable(rows), "");
  }
  if (metrics.some((m) => baseSummary?.units[m] === "H100e")) lines.push(wrap(H100E_NOTE), "");
  for (const [pair, list] of Object.entries(report.changes)) {
    lines.push(`What differs (${pair}): ${list.length} field${list.length === 1 ? "" : "s"}`);
    for (const c of list.slice(0, 40)) lines.push(`  ${c.path}: ${c.from} -> ${c.to}`);
    if (list.length > 40) lines.push(`  ... and ${list.length - 40} more (see --format json)`);
    lines.push("");
  }
  for (const a of report.attribution) {
    const cols = metrics.flatMap((m) => ["2030"].map((y) => [m, y] as const)).filter(([m, y]) => a.total[m]?.[y] !== undefined);
    const rows: string[][] = [[`Attribution of the mean difference, ${a.to} - ${a.from} (${a.runs} runs per piece)`, ...cols.map(([m, y]) => `${m} ${y}`)]];
    const unitOf = (m: string) => report.summaries[a.from]?.units[m] ?? "";
    const scaleOf = (m: string, y: string) => Math.max(...report.scenarios.map((id) => Math.abs(report.summaries[id]?.metrics[m]?.[y]?.mean ?? 0)));
    const fmt = (m: string, y: string, x: number) => formatDifference(x, unitOf(m), { scale: scaleOf(m, y) });
    for (const g of a.groups) rows.push([`  ${g.group}`, ...cols.map(([m, y]) => fmt(m, y, g.effect[m]?.[y] ?? 0))]);
    rows.push(["  interaction", ...cols.map(([m, y]) => fmt(m, y, a.interaction[m]?.[y] ?? 0))]);
    rows.push(["  total", ...cols.map(([m, y]) => fmt(m, y, a.total[m]?.[y] ?? 0))]);
    lines.push(padTable(rows));
    lines.push(wrap(`(Columns by metric id: ${cols.map(([m]) => `${m} is ${metricTitle(labels, m)}`).join("; ")}.)`), "");
  }
  return lines.join("\n");
}
