import {
  bottleneckChart,
  compareScenarios,
  compileModel,
  describeParam,
  fanChart,
  ModelEvaluator,
  evaluateRowsWith,
  overlayChart,
  planJob,
  runJobHere,
  summarize,
  tornado,
  tornadoChart,
  type ComparisonSummary,
  type ResolvedScenario,
  type RunJob,
  type Summary,
} from "@chipsim/core";
import { compact, percent } from "../output/format.js";
import { runManifest } from "../output/manifest.js";
import { escapeHtml, figure, REPORT_CSS, table } from "./html.js";
import { renderSvg } from "./renderSvg.js";

export const REPORT_METRICS = ["accelerators.domestic", "compute.installedH100e", "share.domestic", "hbm.stacksUsed"] as const;
const TABLE_YEARS = ["2025", "2027", "2030", "2035"];

export interface ReportInput {
  readonly scenario: ResolvedScenario;
  readonly compare: readonly ResolvedScenario[];
  readonly runs: number;
  readonly seed: number | string;
  readonly tornado: { readonly metric: string; readonly year: number };
  /** Runs each Monte Carlo job, the scenario's and the comparison's (default: on this thread); the tornado's few runs stay here. */
  readonly runJob?: RunJob;
}

export interface ReportOutput {
  readonly html: string;
  /** Every chart, as embedded in the HTML, by file name. */
  readonly charts: Record<string, string>;
}

/**
 * One self-contained HTML page: the scenario's question, headline results
 * with fan charts, what limits output, the milestones, a tornado, the
 * comparison with other scenarios, and every parameter with its source.
 * Charts are inline SVG; no script, stylesheet or image is fetched.
 */
export async function buildReport(input: ReportInput): Promise<ReportOutput> {
  const { scenario, runs, seed } = input;
  const runJob = input.runJob ?? runJobHere;
  const model = compileModel(scenario);
  const summary = summarize(model, await runJob(model, planJob(model, { runs, seed }), { checkInvariants: false, summaries: true }), seed);
  const manifest = runManifest(scenario, seed, runs);
  const charts: Record<string, string> = {};
  const chart = async (name: string, spec: Record<string, unknown>) => (charts[name] = await renderSvg(spec));

  const sections: string[] = [];
  sections.push(
    `<h1>${escapeHtml(scenario.meta.title)}</h1>`,
    `<p class="meta">Scenario <code>${escapeHtml(scenario.meta.id)}</code>, ${runs.toLocaleString("en-US")} runs, seed ${escapeHtml(String(seed))}, chipsim ${escapeHtml(manifest.chipsim)}, ${escapeHtml(manifest.scenarioHash)}</p>`,
  );
  if (scenario.meta.question) sections.push(`<p><strong>Question.</strong> ${escapeHtml(oneLine(scenario.meta.question))}</p>`);
  // A scenario without a description of its own is shown by its title alone (a parent's would describe something else).
  if (scenario.meta.description !== undefined) sections.push(`<p>${escapeHtml(oneLine(scenario.meta.description))}</p>`);

  sections.push("<h2>Headline results</h2>", resultsTable(summary));
  for (const metric of REPORT_METRICS) {
    if (!summary.metrics[metric]) continue;
    sections.push(figure(await chart(`fan-${metric}.svg`, fanChart(summary, metric)), `${metric}: median, P25-P75 and P5-P95 across runs.`));
  }

  sections.push("<h2>What limits output</h2>", figure(await chart("bottlenecks.svg", bottleneckChart(summary)), "Share of domestic design-quarters in which each constraint allowed the fewest accelerators."));
  sections.push(
    table(
      ["milestone", ...TABLE_YEARS],
      Object.entries(summary.milestones).map(([id, byYear]) => [id, ...TABLE_YEARS.map((y) => percent(byYear[y] ?? 0))]),
      "Probability of each milestone by the end of the year",
    ),
  );

  const evaluator = new ModelEvaluator(model, input.tornado.metric, input.tornado.year);
  const bars = await tornado(evaluateRowsWith(evaluator), model.table.params.map((p) => p.path), model.table.distributions);
  sections.push(
    "<h2>Which assumptions matter</h2>",
    figure(
      await chart("tornado.svg", tornadoChart(bars, input.tornado.metric, input.tornado.year)),
      `Each parameter at its P10 and P90 with the others at their medians (${bars.runs} model runs); \`chipsim sensitivity\` adds global indices.`,
    ),
  );

  if (input.compare.length > 0) {
    const comparison = await compareScenarios([model, ...input.compare.map(compileModel)], { runs, seed, ...(input.runJob ? { runJob: input.runJob } : {}) });
    const summaries = comparison.scenarios.map((id) => comparison.summaries[id] as Summary);
    sections.push("<h2>Compared with other scenarios</h2>");
    for (const metric of REPORT_METRICS) {
      if (!comparison.metrics[metric]) continue;
      sections.push(figure(await chart(`overlay-${metric}.svg`, overlayChart(summaries, metric)), `${metric}: each scenario's median and P5-P95, with common random numbers.`));
    }
    sections.push(diffTable(comparison.metrics, comparison.scenarios));
  }

  sections.push("<h2>Parameters and sources</h2>", parameterTable(scenario));
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(
    scenario.meta.title,
  )} - chipsim</title><style>${REPORT_CSS}</style></head><body><main>${sections.join("\n")}</main></body></html>\n`;
  return { html, charts };
}

function resultsTable(summary: Summary): string {
  const rows = REPORT_METRICS.filter((m) => summary.metrics[m]).map((metric) => {
    const fmt = summary.units[metric] === "1" ? percent : compact;
    return [metric, ...TABLE_YEARS.map((y) => {
      const s = summary.metrics[metric]?.[y];
      return s ? `${fmt(s.p50)} (${fmt(s.p5)} to ${fmt(s.p95)})` : "";
    })];
  });
  return table(["metric: median (P5 to P95)", ...TABLE_YEARS], rows);
}

function diffTable(metrics: ComparisonSummary["metrics"], scenarios: readonly string[]): string {
  const [base, ...others] = scenarios;
  const rows: string[][] = [];
  for (const metric of REPORT_METRICS) {
    for (const other of others) {
      const key = `${other} - ${base}`;
      rows.push([
        `${metric}: ${key}`,
        ...TABLE_YEARS.map((y) => {
          const d = (metrics[metric]?.[y]?.["diff"] as Record<string, { p50: number; pGreater: number }> | undefined)?.[key];
          return d ? `${compact(d.p50)} (P higher ${percent(d.pGreater)})` : "";
        }),
      ]);
    }
  }
  return table(["paired difference: median (share of runs higher)", ...TABLE_YEARS], rows);
}

function parameterTable(scenario: ResolvedScenario): string {
  const rows = scenario.params.map((p) => {
    const d = describeParam(p);
    const source = d.source ? scenario.bibliography.get(d.source) : undefined;
    const why = source ? `${source.publisher}, "${source.title}", ${source.date}${d.claim ? `: ${d.claim}` : ""}` : `assumption: ${d.assumption ?? ""}`;
    return [d.path, d.distribution, d.unit, why];
  });
  return `<div class="params">${table(["parameter", "distribution", "unit", "source or assumption"], rows)}</div>`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
