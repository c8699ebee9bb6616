import { compileModel, didYouMean, formatCount, formatDifference, formatNumber, formatPercent, formatValue, metricLabels, metricTitle, sensitivity, type MetricLabels, type MorrisIndex, type Sampler, type SensitivityReport, type SobolIndex } from "@chipsim/core";
import type { CliIo } from "../io.js";
import { padTable } from "../output/format.js";
import { checkedLine } from "../output/invariantsLine.js";
import { progressReporter } from "../output/progress.js";
import { refuseToOverwrite, writeFilesAtomically } from "../output/writeResults.js";
import { scenarioCacheFor } from "../scenarioCache.js";
import { loadResolved } from "../scenarioInput.js";
import { UsageError } from "../usageError.js";
import { stopWorkers } from "../parallel/sharedWork.js";
import { checkWorkersFlag, threadsToStart } from "../parallel/workerTeam.js";
import { PointTeam } from "../parallel/pointTeam.js";
import { parseSeed } from "./run.js";

export interface SensitivityArgs {
  readonly scenario: string;
  readonly metric: string;
  readonly year: number;
  readonly method: "auto" | "sobol" | "morris";
  readonly groupBy: "section" | "param";
  readonly runs?: number;
  readonly seed?: string;
  readonly set?: readonly string[];
  readonly out?: string;
  /** Replace a sensitivity.json already in --out. */
  readonly force?: boolean;
  readonly format: "table" | "json";
  readonly top: number;
  readonly quiet: boolean;
  /** Threads (default: one per core, for budgets that keep them busy). */
  readonly workers?: number;
  /** Check the model's invariants after every quarter of every model run, on every thread. */
  readonly checkInvariants?: boolean;
  /** How the screen's sample and the Sobol design's base points are drawn (default random). */
  readonly sampler?: Sampler;
}

export const DEFAULT_SENSITIVITY_RUNS = 20_000;

/** `chipsim sensitivity`: which assumptions drive one output, one at a time and globally. */
export async function sensitivityCommand(args: SensitivityArgs, io: CliIo): Promise<number> {
  const budget = args.runs ?? DEFAULT_SENSITIVITY_RUNS;
  if (!(Number.isInteger(budget) && budget > 0)) throw new UsageError(`--runs: expected a whole number above 0, found ${String(args.runs)}`);
  checkWorkersFlag(args.workers);
  if (args.out !== undefined) refuseToOverwrite(args.out, ["sensitivity.json"], args.force);
  const workers = PointTeam.startWorkers(threadsToStart(args.workers, budget) - 1);
  let report: SensitivityReport;
  let labels: MetricLabels = {};
  let unit = "";
  let overrides: readonly string[] | undefined;
  /** What --check-invariants found, for stderr. */
  let checked = "";
  try {
    const scenario = loadResolved(args.scenario, args.set, io.cwd, scenarioCacheFor(io.env));
    const model = compileModel(scenario);
    if (!model.metrics.some((m) => m.id === args.metric)) throw new UsageError(`--metric: expected a metric id (see summary.json), found "${args.metric}"${didYouMean(args.metric, model.metrics.map((m) => m.id))}`);
    labels = metricLabels(model.metrics);
    overrides = scenario.meta.overrides;
    unit = model.metrics.find((m) => m.id === args.metric)?.unit ?? "";
    if (!(Number.isInteger(args.year) && args.year >= 2024 && args.year <= scenario.meta.horizon)) {
      throw new UsageError(`--year: expected a year from 2024 to ${scenario.meta.horizon}, found ${String(args.year)}`);
    }
    // The analyses take about the budget in runs (a few more when Sobol's minimum sample is larger).
    const progress = progressReporter(io, args.quiet);
    const onProgress = progress.onProgress;
    const output = { metric: args.metric, year: args.year, checkInvariants: args.checkInvariants === true };
    const team = PointTeam.forOutput(workers, scenario, model, output, onProgress ? (done) => onProgress(Math.min(done, budget), budget) : undefined);
    report = await sensitivity(model, {
      metric: args.metric,
      year: args.year,
      budget,
      seed: args.seed !== undefined ? parseSeed(args.seed) : scenario.meta.seed,
      grouping: args.groupBy,
      evaluate: team.evaluate,
      ...(args.method !== "auto" ? { method: args.method } : {}),
      ...(args.sampler ? { sampler: args.sampler } : {}),
    }).finally(() => progress.stop());
    if (output.checkInvariants) checked = checkedLine(team.quartersChecked, team.rows, model.world.layout.quarters);
  } finally {
    await stopWorkers(workers);
  }
  // The count goes to stderr, not into sensitivity.json: a checked analysis writes the unchecked one's bytes.
  if (checked && !args.quiet) io.stderr.write(checked);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (args.out !== undefined) {
    const written = writeFilesAtomically(args.out, { "sensitivity.json": json });
    if (!args.quiet) io.stderr.write(`wrote ${written.join(", ")}\n`);
  }
  if (!args.quiet) io.stdout.write(args.format === "json" ? json : renderSensitivity(report, args.top, labels, unit, overrides));
  return 0;
}

/** How the samples were drawn, in the table's words. */
const SAMPLE_WORDS: Record<Sampler, string> = { random: "random draws", sobol: "scrambled Sobol points", lhs: "Latin hypercube points" };

export function renderSensitivity(report: SensitivityReport, top: number, labels: MetricLabels, unit: string, overrides?: readonly string[]): string {
  const t = report.tornado;
  const value = (x: number) => formatValue(x, unit);
  // A swing or an effect is a difference: of shares, in percentage points.
  const size = (x: number) => (unit === "1" ? formatDifference(x, unit).replace(/^[+]/, "") : formatNumber(x));
  const lines = [
    `Sensitivity of ${metricTitle(labels, report.metric)} [${report.metric}] in ${report.year} (${report.scenario})`,
    ...(overrides?.length ? [`with --set ${overrides.join(", ")}`] : []),
    "",
    `One at a time: each parameter at its P10 and P90, the others at their medians (${formatCount(t.runs)} model runs). All at medians: ${value(t.base)}.`,
    padTable([["parameter", "at P10", "at P90", "swing"], ...t.bars.slice(0, top).map((b) => [b.path, value(b.low), value(b.high), size(b.swing)])]),
    "",
  ];
  const rc = report.rankCorrelations;
  lines.push(
    `Rank correlation with the output over ${formatCount(rc.samples)} ${SAMPLE_WORDS[report.global.sampler ?? "random"]} of all inputs:`,
    padTable([["parameter", "Spearman"], ...rc.params.slice(0, top).map((p) => [p.path, p.rank.toFixed(2).replace(/^-(0\.00)$/, "$1")])]),
    "",
  );
  const g = report.global;
  const over = `${g.factors.length} ${g.grouping === "section" ? "sections (parameters moved together)" : "parameters"}`;
  if (g.method === "sobol") {
    const base = g.sampler ? `, A and B from ${SAMPLE_WORDS[g.sampler]}` : "";
    lines.push(`Global: Sobol indices over ${over}; Saltelli design, ${g.size} base samples${base}, ${formatCount(g.runs)} model runs; 95% bootstrap intervals.`);
    const pct = (x: number) => formatPercent(x);
    const rows = g.factors.slice(0, top).map((f) => {
      const s = f as unknown as SobolIndex & { factor: string };
      return [s.factor, `${pct(s.first)} [${pct(s.firstInterval[0])}, ${pct(s.firstInterval[1])}]`, `${pct(s.total)} [${pct(s.totalInterval[0])}, ${pct(s.totalInterval[1])}]`];
    });
    lines.push(padTable([["factor", "first order (alone)", "total (with interactions)"], ...rows]));
  } else {
    lines.push(`Global: Morris elementary effects over ${over}; ${g.size} trajectories, ${formatCount(g.runs)} model runs; 95% bootstrap intervals on mu*.`);
    const effect = size;
    const rows = g.factors.slice(0, top).map((f) => {
      const m = f as unknown as MorrisIndex & { factor: string };
      return [m.factor, `${effect(m.muStar)} [${effect(m.muStarInterval[0])}, ${effect(m.muStarInterval[1])}]`, effect(m.sigma)];
    });
    lines.push(padTable([["factor", "mu* (mean |effect|)", "sigma"], ...rows]));
  }
  lines.push("", report.note, "");
  return lines.join("\n");
}
