/**
 * Scenario fields that have moved or been replaced, so that a file or a
 * `--set` written for an older layout is told where the field went rather
 * than only that it is unknown. Checked where unknown fields are reported
 * (zodIssues.ts) and where `--set` paths are walked (overrides.ts).
 */
interface MovedPath {
  readonly from: string;
  /** The field's new path, when it moved whole. */
  readonly to?: string;
  /** What replaces it, when it did not move whole. */
  readonly replacedBy?: string;
}

const STACKS_PER_WAFER =
  "good stacks per wafer now follow from each generation's coreDieArea, stackHeight and stack yields under memory.domestic.generations and the defect density of the DRAM node it needs (nodes.<node>.d0AtStart, d0Floor, learningWafers)";

export const MOVED_PATHS: readonly MovedPath[] = [
  // HBM DRAM capacity became a fab line on a DRAM node, drawing on the shared scanners.
  { from: "memory.domestic.wafersAtStart", to: "fabs.cxmt-hbm.capacityAtStart" },
  { from: "memory.domestic.plannedAdditionsPerYear", to: "fabs.cxmt-hbm.plannedAdditionsPerYear" },
  { from: "memory.domestic.maxWafers", to: "fabs.cxmt-hbm.maxCapacity" },
  { from: "memory.domestic.rampTime", to: "fabs.cxmt-hbm.rampTime" },
  { from: "memory.domestic.stacksPerWaferAtStart", replacedBy: STACKS_PER_WAFER },
  { from: "memory.domestic.stacksPerWaferMature", replacedBy: STACKS_PER_WAFER },
  // Demand became money: buyers' budgets spent by price-performance.
  { from: "market.demandAtStart", replacedBy: "market.spendAtStart, the money buyers spend on AI accelerators a year (USD/year), which buys compute at each design's price" },
  { from: "memory.domestic.learningTime", replacedBy: "stack yield learns by memory.domestic.generations.<generation>.stackYieldGainPerYear, die yield by the DRAM node's learningWafers" },
];

/** How the issue for a field found at an old path reads: what to expect, what was found, and the new path to suggest. */
export interface MovedPathIssue {
  readonly expected: string;
  readonly found: string;
  readonly suggestion?: string;
  /** Where the field went, as a sentence ("x has moved to y"). */
  readonly moved: string;
}

/** The issue for `path` (dotted) if it is a field that has moved or been replaced, else undefined. */
export function movedPathIssue(path: string): MovedPathIssue | undefined {
  const entry = MOVED_PATHS.find((m) => m.from === path);
  if (!entry) return undefined;
  const key = path.slice(path.lastIndexOf(".") + 1);
  const found = `the old field "${key}"`;
  const moved = entry.to !== undefined ? `${entry.from} has moved to ${entry.to}` : `${entry.from} has been replaced: ${entry.replacedBy ?? "see docs/model.md"}`;
  return { expected: `no field here (${moved})`, found, moved, ...(entry.to !== undefined ? { suggestion: entry.to } : {}) };
}
