import { backtest, checkTargets, compileModel, formatCount, formatNumber, formatShare, metricLabels, metricTitle, MILESTONE_LABELS, type BacktestReport, type MetricLabels, type TargetResult } from "@chipsim/core";
import { loadTargets } from "@chipsim/scenarios";
import type { CliIo } from "../io.js";
import { padTable } from "../output/format.js";
import { loadResolved } from "../scenarioInput.js";
import { UsageError } from "../usageError.js";
import { parseSeed } from "./run.js";

export interface BacktestArgs {
  readonly scenario: string;
  readonly targets?: string;
  readonly runs?: number;
  readonly seed?: string;
  readonly set?: readonly string[];
  readonly format: "table" | "json";
}

/** `chipsim backtest`: the scenario against the figures reported for 2024-2028. */
export function backtestCommand(args: BacktestArgs, io: CliIo): number {
  if (args.runs !== undefined && !(Number.isInteger(args.runs) && args.runs > 0)) {
    throw new UsageError(`--runs: expected a whole number of runs above 0, found ${String(args.runs)}`);
  }
  const scenario = loadResolved(args.scenario, args.set, io.cwd);
  const model = compileModel(scenario);
  const targets = args.targets ? loadTargets(args.targets, io.cwd) : loadTargets(undefined, io.cwd);
  const problems = checkTargets(model, targets);
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  const report = backtest(model, targets, args.runs ?? scenario.meta.runs, args.seed !== undefined ? parseSeed(args.seed) : scenario.meta.seed);
  io.stdout.write(args.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderBacktest(report, metricLabels(model.metrics)));
  return 0;
}

export function renderBacktest(report: BacktestReport, labels: MetricLabels): string {
  const rows: string[][] = [["target", "nature", "metric", "year", "reported", "model P5 / P50 / P95", "covered", "score"]];
  for (const r of report.results) {
    const share = r.target.metric.startsWith("share.") || r.target.transform === "growth" || r.target.metric.startsWith("milestone.");
    const fmt = share ? formatShare : formatNumber;
    rows.push([
      r.target.id,
      r.target.nature,
      targetMetric(r, labels),
      String(r.target.year),
      reported(r, fmt),
      `${fmt(r.p5)} / ${fmt(r.p50)} / ${fmt(r.p95)}`,
      r.covered ? "yes" : "no",
      r.score.kind === "mass" ? `${formatShare(r.score.mass)} of runs inside` : `CRPS ${fmt(r.score.crps)} (${formatShare(r.score.relative)} of the figure)`,
    ]);
  }
  const lines = [
    `Backtest of ${report.scenario}: ${formatCount(report.runs)} runs, seed ${String(report.seed)}`,
    `${report.covered} of ${report.results.length} reported figures inside the model's P5-P95 band (coverage ${formatShare(report.coverage)})`,
    "",
    padTable(rows, (c) => c === 3),
    "",
  ];
  if (report.disagreements.length > 0) {
    lines.push("Targets that disagree with each other (both kept):");
    for (const d of report.disagreements) lines.push(`  ${d.a} and ${d.b} (${d.metric}, ${d.year})`);
    lines.push("");
  }
  lines.push(
    "Score: for a range or bound, the share of runs inside it; for a point, the continuous ranked probability score (lower is better).",
    "",
  );
  return lines.join("\n");
}

/** The metric a target is about, in words: its label and unit, a milestone's name, or a growth rate. */
export function targetMetric(r: TargetResult, labels: MetricLabels): string {
  const { metric, transform } = r.target;
  if (metric.startsWith("milestone.")) return `${MILESTONE_LABELS[metric.slice("milestone.".length)] ?? metric} (share of runs)`;
  const title = metricTitle(labels, metric);
  return transform === "growth" ? `growth of ${title} (year on year)` : title;
}

function reported(r: TargetResult, fmt: (x: number) => string): string {
  const t = r.target;
  if (t.value !== undefined) return fmt(t.value);
  if (t.range) return `${fmt(t.range[0])}-${fmt(t.range[1])}`;
  if (t.atLeast !== undefined && t.atMost !== undefined) return `${fmt(t.atLeast)}-${fmt(t.atMost)}`;
  return t.atLeast !== undefined ? `>= ${fmt(t.atLeast)}` : `<= ${fmt(t.atMost ?? 0)}`;
}
