import { formatCount, formatNumber, formatShare, metricName, MILESTONE_LABELS, type BacktestReport, type MetricLabels, type TargetResult } from "@chipsim/core";

import { escapeHtml } from "./html.js";

/**
 * The model's known limits, in brief: docs/model.md's "Known limits", one
 * item per item there (a test keeps the count in step).
 */
export const KNOWN_LIMITS: readonly string[] = [
  "Near-term domestic volumes run high: the backtest puts the baseline's Huawei output for 2024 at the top of the reported range and for 2025 above it. The TSMC die bank is held for the 910C, but the sourced HBM supply would pair with more dies than the reported 2025 output used, and the 910B turns stacks into twice as many units as the 910C; what held 2025 back is not in the model, so read near-term domestic volumes as the upper part of the plausible range.",
  "Against IDC's 2025 counts the smaller designers come out low (T-Head and Kunlun well below, Cambricon inside): their claims on SMIC wafers and HBM are stated assumptions. NVIDIA's 2025 count there includes boards without HBM the model does not carry and H20s bought before the April 2025 halt, so the model's 2025 domestic share runs high.",
  "Once the foreign HBM stockpile is gone, output follows the total of HBM stacks, and designs built for HBM2E may use CXMT's HBM2 (an assumption): a delay to HBM3 shifts output between designs more than it cuts it.",
  "HBM binds in most quarters from 2026, and the binding-constraint shares name HBM even where scanner capacity cut the DRAM lines that make it (litho.dramWafersCut says how much): scenarios that change lithography reach accelerators through HBM.",
  "When DUV runs short, scanners serve the planned AI dies and the HBM DRAM before phone and other chips (an assumption about the state's priorities), so DUV controls and EUV reach accelerators only where even those cannot be served, mainly after 2028.",
  "A new HBM generation starts at a lower stack yield than the one it replaces, so a later HBM3 can raise stack output for a while (hbm-chokehold is slightly above the baseline in 2028).",
  "Within a quarter, slots are shared before HBM; when both are short, slots a design's HBM share cannot fill are not handed on until the next quarter.",
  "Plans expect this quarter's HBM and slots to last: dies run above their cover for a few quarters while a stock is drawn down or a design ends, and a design that needs HBM3 starts wafers only once HBM3 stacks exist.",
  "HBM goes by priority (waferShare), not by what each package needs: Huawei's designs, with the most stacks a package, take most of it, so the same stacks make fewer but larger accelerators.",
  "The gallium, germanium and rare-earth controls have no direct effect on Chinese production; they matter only through triggers.",
  "Buyers' money exceeds everything offered until about 2030, so before then supply alone decides what is deployed and the domestic mandate, weaker than buyers' own choice, does nothing; imports are the H20 (to 2025) and the licensed H200 with no later generation.",
  "Power is one national pool of connected data-centre capacity (no source splits it by region), and with the sourced build-out it is short in few runs before the 2030s.",
  "One currency rate (0.14 USD per yuan), and one PUE and server overhead for all of China's data centres.",
];

/** What the bands are, said once. */
const BANDS =
  "The bands are the spread of the scenario's assumptions: every run draws each uncertain parameter from its distribution (independently, unless the scenario declares a correlation) and is then deterministic. They are not forecast intervals, and a scenario is a set of assumptions, not a prediction.";

/**
 * The caveats box: how well the baseline reproduces what has been reported
 * (the backtest's coverage, and the figures outside the band), what the
 * bands mean, and the model's known limits.
 */
export function caveatsBox(backtest: BacktestReport | undefined, labels: MetricLabels): string {
  const items: string[] = [];
  if (backtest) {
    const outside = backtest.results.filter((r) => !r.covered);
    const fmt = (metric: string, transform: string | undefined) => (metric.startsWith("share.") || metric.startsWith("milestone.") || transform === "growth" ? formatShare : formatNumber);
    const listed = outside.map((r) => {
      const f = fmt(r.target.metric, r.target.transform);
      const t = r.target;
      const reported = t.value !== undefined ? f(t.value) : t.range ? `${f(t.range[0])}-${f(t.range[1])}` : t.atLeast !== undefined ? `at least ${f(t.atLeast)}` : `at most ${f(t.atMost ?? 0)}`;
      return `${figureName(r, labels)} in ${t.year}: reported ${reported}, model P5-P95 ${f(r.p5)}-${f(r.p95)}`;
    });
    items.push(
      `<strong>Backtest: ${backtest.covered} of ${backtest.results.length} reported figures</strong> for 2024-2028 fall inside the baseline's P5-P95 band (coverage ${escapeHtml(formatShare(backtest.coverage))}; ${escapeHtml(formatCount(backtest.runs))} runs of <code>${escapeHtml(backtest.scenario)}</code>, seed ${escapeHtml(String(backtest.seed))}; <code>chipsim backtest</code> lists each).` +
        (listed.length > 0 ? ` Outside the band: ${escapeHtml(listed.join("; "))}.` : ""),
    );
  } else {
    items.push("No backtest could be run against the reported figures.");
  }
  items.push(escapeHtml(BANDS));
  for (const limit of KNOWN_LIMITS) items.push(escapeHtml(limit));
  return `<aside class="caveats" aria-labelledby="caveats"><h2 id="caveats">Caveats</h2><ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul><p class="note">From docs/model.md ("Known limits"), which gives the reasons.</p></aside>`;
}

/** What a reported figure is about, briefly: a metric's label, a milestone, or a growth rate. */
function figureName(r: TargetResult, labels: MetricLabels): string {
  const { metric, transform } = r.target;
  if (metric.startsWith("milestone.")) return MILESTONE_LABELS[metric.slice("milestone.".length)] ?? metric;
  return transform === "growth" ? `growth of ${metricName(labels, metric)}` : metricName(labels, metric);
}
