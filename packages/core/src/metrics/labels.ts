import type { LeverId } from "../schema/leverIds.js";
import type { ObservableLabel } from "../model/observables.js";

/**
 * The words tables, charts, the report and the playground use for metrics:
 * each metric's label and its unit in words. Machine formats (summary.json,
 * CSV, Parquet) keep the ids; these are for people.
 */

/** A metric's label and unit in words, as the metric registry gives them. */
export interface MetricLabel {
  readonly label: string;
  readonly unitLabel: string;
}

/** Labels by metric id. */
export type MetricLabels = Readonly<Record<string, MetricLabel>>;

/** A flow's unit in words: summed over the calendar year. */
export const perYear = (units: string): string => `${units} per year`;

/** A stock's unit in words: its level at the end of the year. */
export const yearEnd = (units: string): string => `${units}, year end`;

/** What an H100-equivalent is, said once wherever compute is shown (docs/model.md, Market). */
export const H100E_NOTE =
  "H100e (H100-equivalent): compute counted in NVIDIA H100s. An accelerator counts its dense BF16 peak throughput divided by the H100 SXM's 989 TFLOPS, times its software efficiency (the share of that peak its software stack delivers relative to an NVIDIA part), so one H100 counts 1.";

/** The milestones in words. */
export const MILESTONE_LABELS: Readonly<Record<string, string>> = {
  domesticEuvReady: "Domestic EUV tool production-worthy",
  domesticSupplyExceedsDemand: "Domestic supply exceeds demand",
};

const LEVER_NAMES: Readonly<Record<LeverId, string>> = {
  "us-euv-ban": "US EUV ban",
  "us-duv-controls": "US DUV export controls",
  "us-duv-servicing": "US DUV servicing ban",
  "us-hbm-ban": "US HBM ban",
  "us-ai-chip-exports": "US AI-chip export controls",
  "us-next-generation-exports": "US licences withheld from later generations",
  "us-foundry-ban": "US foreign-foundry ban",
  "cn-domestic-mandate": "China's domestic-chip mandate",
  "cn-import-rejection": "China's rejection of imported chips",
  "cn-minerals-controls": "China's minerals export controls",
  "cn-subsidies": "China's support package",
};

/** A lever in words ("US HBM ban"). */
export function leverName(id: LeverId): string {
  return LEVER_NAMES[id];
}

/**
 * A design in words, from its id and its designer: the designer's own
 * spelling where the id starts with it ("nvidia-h200" by NVIDIA is
 * "NVIDIA H200"), model numbers in capitals ("ascend-910c" is "Ascend 910C").
 */
export function designName(id: string, designer: string): string {
  const words = id.split("-").filter((w) => w !== "");
  const designerWords = designer.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const startsWithDesigner = designerWords.length > 0 && designerWords.every((w, k) => words[k] === w.toLowerCase());
  const rest = (startsWithDesigner ? words.slice(designerWords.length) : words).map((w) => (/\d/.test(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)));
  return [...(startsWithDesigner ? [designer] : []), ...rest].join(" ");
}

/** A node in words: its label up to the first parenthesis ("SMIC N+2 (7nm-class, ...)" is "SMIC N+2"). */
export function nodeName(id: string, label: string | undefined): string {
  const short = (label ?? "").replace(/\s*\(.*$/, "").trim();
  return short === "" ? id : short;
}

/** Labels by id, from a compiled model's metrics or a summary frame's. */
export function metricLabels(metrics: readonly ({ readonly id: string } & Partial<MetricLabel>)[]): MetricLabels {
  const labels: Record<string, MetricLabel> = {};
  for (const m of metrics) if (m.label !== undefined && m.unitLabel !== undefined) labels[m.id] = { label: m.label, unitLabel: m.unitLabel };
  return labels;
}

/** "Domestic AI accelerators, units per year": the label with its unit, or the id where no label is known. */
export function metricTitle(labels: MetricLabels, id: string): string {
  const l = labels[id];
  return l ? `${l.label}, ${l.unitLabel}` : id;
}

/** The label alone ("Domestic AI accelerators"), or the id where no label is known. */
export function metricName(labels: MetricLabels, id: string): string {
  return labels[id]?.label ?? id;
}

/** An observable's label, written where the observable is registered. */
export const labelled = (label: string, unitLabel: string): ObservableLabel => ({ label, unitLabel });
