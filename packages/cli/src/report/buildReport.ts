import {
  bottleneckChart,
  compareScenarios,
  compileModel,
  describeParam,
  fanChart,
  formatCount,
  formatDifference,
  formatShare,
  formatValue,
  H100E_NOTE,
  metricLabels,
  metricTitle,
  MILESTONE_LABELS,
  ModelEvaluator,
  evaluateRowsWith,
  overlayChart,
  planJob,
  runJobHere,
  summarize,
  tornado,
  tornadoChart,
  type ComparisonSummary,
  type MetricLabels,
  type SeriesSummary,
  type ResolvedScenario,
  type RunJob,
  type Summary,
} from "@chipsim/core";
import { yearList, yearsShownNote } from "../output/format.js";
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
  const labels = metricLabels(model.metrics);
  const summary = summarize(model, await runJob(model, planJob(model, { runs, seed }), { checkInvariants: false, summaries: true }), seed);
  const manifest = runManifest(scenario, seed, runs);
  const charts: Record<string, string> = {};
  const chart = async (name: string, spec: Record<string, unknown>) => (charts[name] = await renderSvg(spec));

  const sections: string[] = [];
  sections.push(
    `<h1>${escapeHtml(scenario.meta.title)}</h1>`,
    `<p class="meta">Scenario <code>${escapeHtml(scenario.meta.id)}</code>, ${formatCount(runs)} runs, seed ${escapeHtml(String(seed))}, chipsim ${escapeHtml(manifest.chipsim)}, ${escapeHtml(manifest.scenarioHash)}</p>`,
  );
  if (scenario.meta.question) sections.push(`<p><strong>Question.</strong> ${escapeHtml(oneLine(scenario.meta.question))}</p>`);
  sections.push(`<p>${escapeHtml(oneLine(scenario.meta.description))}</p>`);

  sections.push("<h2>Headline results</h2>", resultsTable(summary, labels));
  sections.push(`<p class="note">${escapeHtml(H100E_NOTE)}</p>`);
  for (const metric of REPORT_METRICS) {
    if (!summary.metrics[metric]) continue;
    sections.push(figure(await chart(`fan-${metric}.svg`, fanChart(summary, metric, labels)), `${metricTitle(labels, metric)}: median, P25-P75 and P5-P95 across runs, every year.`));
  }

  sections.push("<h2>What limits output</h2>", figure(await chart("bottlenecks.svg", bottleneckChart(summary)), "Share of domestic design-quarters in which each constraint allowed the fewest accelerators."));
  sections.push(
    table(
      ["milestone", ...TABLE_YEARS],
      Object.entries(summary.milestones).map(([id, byYear]) => [MILESTONE_LABELS[id] ?? id, ...TABLE_YEARS.map((y) => formatShare(byYear[y] ?? 0))]),
      `Share of runs that reach each milestone by the end of the year (${yearList(TABLE_YEARS)} shown)`,
    ),
  );

  const evaluator = new ModelEvaluator(model, input.tornado.metric, input.tornado.year);
  const bars = await tornado(evaluateRowsWith(evaluator), model.table.params.map((p) => p.path), model.table.distributions);
  sections.push(
    "<h2>Which assumptions matter</h2>",
    figure(
      await chart("tornado.svg", tornadoChart(bars, input.tornado.metric, input.tornado.year, labels, summary.units[input.tornado.metric] ?? "")),
      `${metricTitle(labels, input.tornado.metric)} in ${input.tornado.year}: each parameter at its P10 and P90 with the others at their medians (${bars.runs} model runs); \`chipsim sensitivity\` adds global indices.`,
    ),
  );

  if (input.compare.length > 0) {
    const comparison = await compareScenarios([model, ...input.compare.map(compileModel)], { runs, seed, ...(input.runJob ? { runJob: input.runJob } : {}) });
    const summaries = comparison.scenarios.map((id) => comparison.summaries[id] as Summary);
    sections.push("<h2>Compared with other scenarios</h2>");
    for (const metric of REPORT_METRICS) {
      if (!comparison.metrics[metric]) continue;
      sections.push(figure(await chart(`overlay-${metric}.svg`, overlayChart(summaries, metric, labels)), `${metricTitle(labels, metric)}: each scenario's median and P5-P95, with common random numbers.`));
    }
    sections.push(diffTable(comparison, labels));
  }

  sections.push("<h2>Parameters and sources</h2>", parameterTable(scenario));
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(
    scenario.meta.title,
  )} - chipsim</title><style>${REPORT_CSS}</style></head><body><main>${sections.join("\n")}</main></body></html>\n`;
  return { html, charts };
}

function resultsTable(summary: Summary, labels: MetricLabels): string {
  const rows = REPORT_METRICS.filter((m) => summary.metrics[m]).map((metric) => {
    const fmt = (x: number) => formatValue(x, summary.units[metric] ?? "");
    return [
      metricTitle(labels, metric),
      ...TABLE_YEARS.map((y) => {
        const s = summary.metrics[metric]?.[y];
        return s ? `${fmt(s.p50)} (${fmt(s.p5)} to ${fmt(s.p95)})` : "";
      }),
    ];
  });
  const years = yearsShownNote(TABLE_YEARS, Object.keys(summary.metrics[REPORT_METRICS[0]] ?? {}), "the charts below show");
  return table(["median (P5 to P95)", ...TABLE_YEARS], rows, years);
}

function diffTable(comparison: ComparisonSummary, labels: MetricLabels): string {
  const [base, ...others] = comparison.scenarios;
  const rows: string[][] = [];
  for (const metric of REPORT_METRICS) {
    const unit = comparison.summaries[base ?? ""]?.units[metric] ?? "";
    for (const other of others) {
      const key = `${other} - ${base}`;
      rows.push([
        `${metricTitle(labels, metric)}: ${key}`,
        ...TABLE_YEARS.map((y) => {
          const entry = comparison.metrics[metric]?.[y];
          const d = (entry?.["diff"] as Record<string, { p50: number; pGreater: number }> | undefined)?.[key];
          const scale = Math.max(...comparison.scenarios.map((id) => Math.abs((entry?.[id] as SeriesSummary | undefined)?.p95 ?? 0)));
          return d ? `${formatDifference(d.p50, unit, { scale })} (higher in ${formatShare(d.pGreater)} of runs)` : "";
        }),
      ]);
    }
  }
  return table(
    ["paired difference: median (share of runs higher)", ...TABLE_YEARS],
    rows,
    `Paired differences, run by run; differences of shares in percentage points (${yearList(TABLE_YEARS)} shown; \`chipsim compare\` gives every year)`,
  );
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
