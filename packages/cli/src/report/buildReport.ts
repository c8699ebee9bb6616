import {
  bottleneckChart,
  compareScenarios,
  compileModel,
  describeParam,
  fanChart,
  formatCount,
  formatDifference,
  formatNumber,
  formatShare,
  formatValue,
  H100E_NOTE,
  linkableUrl,
  metricLabels,
  metricName,
  metricTitle,
  MILESTONE_LABELS,
  ModelEvaluator,
  evaluateRowsWith,
  overlayChart,
  planJob,
  runJobHere,
  type RunPaired,
  summarize,
  tornado,
  tornadoChart,
  type BacktestReport,
  type BibliographyEntry,
  type ComparisonSummary,
  type DiffSummary,
  type MetricLabels,
  type ResolvedScenario,
  type RunJob,
  type SeriesSummary,
  type Summary,
} from "@chipsim/core";
import { yearList, yearsShownNote } from "../output/format.js";
import { runManifest } from "../output/manifest.js";
import { caveatsBox } from "./caveats.js";
import { coincidence, INDISTINGUISHABLE } from "./coincide.js";
import { escapeHtml, figure, link, REPORT_CSS, table, type Html } from "./html.js";
import { renderSvg } from "./renderSvg.js";

export const REPORT_METRICS = ["accelerators.domestic", "compute.installedH100e", "share.domestic", "hbm.stacksUsed"] as const;
const TABLE_YEARS = ["2025", "2027", "2030", "2035"];

export interface ReportInput {
  readonly scenario: ResolvedScenario;
  readonly compare: readonly ResolvedScenario[];
  readonly runs: number;
  readonly seed: number | string;
  readonly tornado: { readonly metric: string; readonly year: number };
  /** The baseline against the figures reported for 2024-2028, for the caveats (none: the box says so). */
  readonly backtest?: { readonly report: BacktestReport; readonly labels: MetricLabels };
  /** The day the page is generated, YYYY-MM-DD: the one thing on it that is not a function of the inputs. */
  readonly generated: string;
  /** Runs each Monte Carlo job, the scenario's and the comparison's (default: on this thread); the tornado's few runs stay here. */
  readonly runJob?: RunJob;
  /** Runs a streamed comparison's paired runs (default: on this thread). */
  readonly runPaired?: RunPaired;
}

export interface ReportOutput {
  readonly html: string;
  /** Every chart, as embedded in the HTML, by file name. */
  readonly charts: Record<string, string>;
}

/**
 * One self-contained HTML page: the scenario's question, the caveats,
 * headline results with fan charts, what limits output, the milestones, a
 * tornado, the comparison with other scenarios, and every parameter with
 * its source. Metrics are named by their labels and units. Charts are
 * inline SVG; no script, stylesheet or image is fetched, and the only
 * addresses are the sources' links.
 */
export async function buildReport(input: ReportInput): Promise<ReportOutput> {
  const { scenario, runs, seed } = input;
  const runJob = input.runJob ?? runJobHere;
  const model = compileModel(scenario);
  const labels = metricLabels(model.metrics);
  // With scenarios to compare, the comparison runs this one too (the same exact statistics): its summary serves, run once.
  const comparison =
    input.compare.length > 0 ? await compareScenarios([model, ...input.compare.map(compileModel)], { runs, seed, ...(input.runJob ? { runJob: input.runJob } : {}), ...(input.runPaired ? { runPaired: input.runPaired } : {}) }) : undefined;
  const summary =
    (comparison?.summaries[scenario.meta.id] as Summary | undefined) ??
    summarize(model, await runJob(model, planJob(model, { runs, seed }), { checkInvariants: false, summaries: true }), seed);
  const manifest = runManifest(scenario, seed, runs);
  const charts: Record<string, string> = {};
  const chart = async (name: string, spec: Record<string, unknown>) => (charts[name] = await renderSvg(spec));

  const sections: string[] = [];
  sections.push(
    `<h1>${escapeHtml(scenario.meta.title)}</h1>`,
    `<p class="meta">Scenario <code>${escapeHtml(scenario.meta.id)}</code>${overridesText(scenario.meta.overrides)}, ${formatCount(runs)} runs, seed ${escapeHtml(String(seed))}, chipsim ${escapeHtml(manifest.chipsim)}, ${escapeHtml(manifest.scenarioHash)}</p>`,
    `<p class="generated" id="generated">Generated on <time datetime="${escapeHtml(input.generated)}">${escapeHtml(input.generated)}</time>. Everything else on this page follows from the scenario, the runs and the seed: the same command gives the same page on another day but for this date.</p>`,
  );
  if (scenario.meta.question) sections.push(`<p><strong>Question.</strong> ${escapeHtml(oneLine(scenario.meta.question))}</p>`);
  // A scenario without a description of its own is shown by its title alone (a parent's would describe something else).
  if (scenario.meta.description !== undefined) sections.push(`<p>${escapeHtml(oneLine(scenario.meta.description))}</p>`);
  sections.push(caveatsBox(input.backtest?.report, input.backtest?.labels ?? labels));

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
  const tornadoUnit = summary.units[input.tornado.metric] ?? "";
  sections.push(
    "<h2>Which assumptions matter</h2>",
    figure(
      await chart("tornado.svg", tornadoChart(bars, input.tornado.metric, input.tornado.year, labels, tornadoUnit)),
      `${metricTitle(labels, input.tornado.metric)} in ${input.tornado.year}: each parameter at its P10 and P90 with the others at their medians. The tornado has its own budget: ${formatCount(bars.runs)} deterministic model runs, apart from the ${formatCount(runs)} Monte Carlo runs above; \`chipsim sensitivity\` adds global indices.`,
    ),
  );

  if (comparison) {
    sections.push("<h2>Compared with other scenarios</h2>", `<p class="note">Every scenario runs with the same seed, so run i of each draws the same random numbers wherever they share parameters (common random numbers), and each run gives a paired difference.</p>`);
    sections.push(...(await comparisonFigures(comparison, labels, chart)));
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

/**
 * One chart per metric with every scenario's median and P5-P95 band, except
 * where the compared scenarios coincide with the first: then words say so,
 * rather than one band drawn over another.
 */
async function comparisonFigures(comparison: ComparisonSummary, labels: MetricLabels, chart: (name: string, spec: Record<string, unknown>) => Promise<string>): Promise<string[]> {
  const [base, ...others] = comparison.scenarios as [string, ...string[]];
  const summaries = [...new Set(comparison.scenarios)].map((id) => comparison.summaries[id] as Summary);
  const out: string[] = [];
  for (const metric of REPORT_METRICS) {
    if (!comparison.metrics[metric]) continue;
    const unit = comparison.summaries[base]?.units[metric] ?? "";
    const said = others.map((other) => {
      const c = coincidence(comparison.metrics, metric, base, other);
      if (c.kind === "identical") return `<code>${escapeHtml(other)}</code> and <code>${escapeHtml(base)}</code> coincide: the paired difference is zero in every run and every year.`;
      if (c.kind === "indistinguishable") {
        return `<code>${escapeHtml(other)}</code> and <code>${escapeHtml(base)}</code> coincide on a chart: in no year do their medians or P5-P95 bands differ by more than ${formatShare(INDISTINGUISHABLE)} of the chart's range (at most ${escapeHtml(unit === "1" ? formatDifference(c.largest, unit) : formatNumber(c.largest))}, in ${c.year}). The paired differences are in the table below.`;
      }
      return undefined;
    });
    const title = `<h3>${escapeHtml(metricTitle(labels, metric))}</h3>`;
    if (said.every((s) => s !== undefined)) {
      out.push(title, `<p class="coincide">${said.join(" ")} One band would cover the other, so no chart is drawn.</p>`);
      continue;
    }
    out.push(title, figure(await chart(`overlay-${metric}.svg`, overlayChart(summaries, metric, labels)), `${metricName(labels, metric)}: each scenario's median and P5-P95 band, every year.`));
    const coinciding = said.filter((s): s is string => s !== undefined);
    if (coinciding.length > 0) out.push(`<p class="coincide">${coinciding.join(" ")} Their bands lie on top of each other in the chart.</p>`);
  }
  return out;
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
          const d = (entry?.["diff"] as Record<string, DiffSummary> | undefined)?.[key];
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
  const rows = scenario.params.map((p): (string | Html)[] => {
    const d = describeParam(p);
    const source = d.source ? scenario.bibliography.get(d.source) : undefined;
    const why: Html = source ? sourceCell(source, d.claim) : { html: escapeHtml(`assumption: ${d.assumption ?? ""}`) };
    return [d.path, d.distribution, d.unit, why];
  });
  return `<div class="params">${table(["parameter", "distribution", "unit", "source or assumption"], rows)}</div><p class="note">Sources with a whole web address are linked; the others are in the shared source set or cited in shortened form (packages/scenarios/bibliography.yaml has each entry).</p>`;
}

/**
 * A parameter's source: publisher, title and date, linked to the source's
 * address where it has a whole one; an address cited only in shortened
 * form is shown as cited.
 */
function sourceCell(source: BibliographyEntry, claim: string | undefined): Html {
  const url = linkableUrl(source.url);
  const cited = `${source.publisher}, "${source.title}", ${source.date}`;
  const shortened = source.url !== undefined && url === undefined ? ` (cited as ${source.url})` : "";
  return { html: `${link(url, cited).html}${escapeHtml(`${shortened} [${source.id}]${claim ? `: ${claim}` : ""}`)}` };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The --set overrides after the scenario's id: every comparison in the report has them too. */
function overridesText(overrides: readonly string[] | undefined): string {
  return overrides?.length ? ` with --set ${overrides.map((o) => `<code>${escapeHtml(o)}</code>`).join(", ")}` : "";
}
