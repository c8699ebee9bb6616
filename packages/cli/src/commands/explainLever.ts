import {
  compareScenarios,
  compileModel,
  describeParam,
  formatDifference,
  formatValue,
  LEVER_EFFECTS,
  leverName,
  type ComparisonSummary,
  type DiffSummary,
  type LeverId,
  type MetricDef,
  type ResolvedScenario,
  type SeriesSummary,
} from "@chipsim/core";
import type { CliIo } from "../io.js";
import { loadResolved } from "../scenarioInput.js";

/** Runs a lever's paired measurement takes: enough for a sign and a size, quick enough for a question. */
export const LEVER_RUNS = 400;

/** The years a lever's effect is shown in: a near one, the middle of the build-out, and the horizon's end. */
function shownYears(horizon: number): number[] {
  return [...new Set([2025, 2027, 2030, horizon].filter((y) => y <= horizon))];
}

export interface LeverMeasurement {
  readonly metric: string;
  readonly label: string;
  readonly unit: string;
  readonly year: number;
  /** Median with the lever off, and as the scenario sets it. */
  readonly off: number;
  readonly on: number;
  /** Mean of the paired differences (scenario minus lever off). */
  readonly difference: number;
  /** The expected sign of the difference, where the lever has one. */
  readonly expectedSign?: -1 | 1;
  /** Whether the mean difference has the other sign (and is more than noise). */
  readonly opposite: boolean;
  /** Whether the difference is noise: under a thousandth of the level it changes. */
  readonly none: boolean;
}

/**
 * `chipsim explain levers.<id>`: what the lever does, where the scenario
 * puts it, and what it changes, measured with paired runs: the scenario as
 * it is against the same scenario with the lever off (strength 0 in every
 * period), run for run on common random numbers.
 */
export async function explainLever(id: LeverId, scenarioRef: string, sets: readonly string[] | undefined, format: "table" | "json", io: CliIo): Promise<number> {
  const scenario = loadResolved(scenarioRef, sets, io.cwd);
  const lever = scenario.tree.levers[id];
  const periods = (lever.windows ?? []).length;
  const offSets = [`levers.${id}.strength=0`, ...Array.from({ length: periods }, (_, k) => `levers.${id}.windows.${k}.strength=0`)];
  const off = loadResolved(scenarioRef, [...(sets ?? []), ...offSets], io.cwd);
  const offNamed: ResolvedScenario = { ...off, meta: { ...off.meta, id: `${scenario.meta.id}[${id} off]` } };
  const effect = LEVER_EFFECTS[id];
  const seed = scenario.meta.seed;
  const model = compileModel(scenario);
  const comparison = await compareScenarios([compileModel(offNamed), model], { runs: LEVER_RUNS, seed });
  const metrics = [effect.direct, ...(effect.headline ? [effect.headline] : [])];
  const measured = metrics.flatMap(({ metric, sign }) => {
    const def = model.metrics.find((m) => m.id === metric);
    if (!def) throw new Error(`lever ${id} names metric ${metric}, which the model does not publish`);
    return shownYears(scenario.meta.horizon).map((year) => measurement(comparison, offNamed.meta.id, scenario.meta.id, def, year, sign));
  });
  const strength = describeParam(scenario.params.find((p) => p.path === `levers.${id}.strength`)!);
  const triggered = Object.entries(scenario.tree.triggers ?? {}).filter(([, t]) => t.then.lever === id).map(([tid]) => tid);
  if (format === "json") {
    io.stdout.write(`${JSON.stringify({ scenario: scenario.meta.id, lever: id, name: leverName(id), ...effect, strength: strength.distribution, triggers: triggered, runs: LEVER_RUNS, seed, measured }, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `levers.${id}  ${leverName(id)}  (in ${scenario.meta.id})`,
    ...(lever.description ? [`  ${lever.description}`] : []),
    "",
    `  read by        ${effect.readBy}`,
    `  mechanism      at strength s: ${effect.mechanism}`,
    `  strength       ${strength.distribution}, from ${formatParam(scenario, `levers.${id}.start`)}${lever.end ? ` to ${formatParam(scenario, `levers.${id}.end`)}` : ""}${periods > 0 ? ` (and ${periods} further period${periods > 1 ? "s" : ""})` : ""}`,
    ...(triggered.length > 0 ? [`  triggers       ${triggered.join(", ")} can move it (switching the lever off leaves them in place)`] : []),
    "",
    `  Paired runs (${LEVER_RUNS} runs, seed ${seed}): the scenario against the lever off; the change is the mean of run-by-run differences.`,
    ...table(measured),
  ];
  const reversed = measured.filter((m) => m.opposite);
  const inert = measured.filter((m) => m.none && m.year > 2025);
  const where = (ms: readonly LeverMeasurement[]) => [...new Set(ms.map((m) => m.label))].map((label) => `${label} (${ms.filter((m) => m.label === label).map((m) => m.year).join(", ")})`).join("; ");
  if (reversed.length > 0) lines.push("", `  Against the obvious sign: ${where(reversed)}.`);
  if (inert.length > 0) lines.push("", `  No measurable effect: ${where(inert)}.`);
  if (effect.net) lines.push("", `  Why: ${effect.net}`);
  else if (reversed.length > 0 || inert.length > 0) lines.push("", "  No explanation is recorded for this; docs/model.md lists the levers whose net effect differs from their direct one.");
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

/**
 * One metric in one year: the medians, the mean paired difference, and
 * whether that difference is noise or has the other sign than expected.
 */
export function measurement(c: ComparisonSummary, offId: string, onId: string, def: MetricDef, year: number, sign: -1 | 1): LeverMeasurement {
  const { id: metric, unit, label } = def;
  const entry = c.metrics[metric]?.[String(year)];
  if (!entry) throw new Error(`no ${metric} in ${year} in the lever's comparison`);
  const off = (entry[offId] as SeriesSummary).p50;
  const on = (entry[onId] as SeriesSummary).p50;
  const diff = (entry["diff"] as Record<string, DiffSummary>)[`${onId} - ${offId}`]!;
  // A difference below a thousandth of the level it changes is noise, not a sign.
  const scale = Math.max(Math.abs(off), Math.abs(on));
  const none = !(Math.abs(diff.mean) > 1e-3 * scale);
  const opposite = !none && Math.sign(diff.mean) === -sign;
  return { metric, label, unit, year, off, on, difference: diff.mean, expectedSign: sign, opposite, none };
}

function table(rows: readonly LeverMeasurement[]): string[] {
  const header = ["metric", "year", "lever off", "as set", "change", ""];
  const body = rows.map((r) => [
    r.label,
    String(r.year),
    formatValue(r.off, r.unit),
    formatValue(r.on, r.unit),
    formatDifference(r.difference, r.unit),
    r.opposite ? "opposite to the obvious sign" : r.none ? "no measurable effect" : "",
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((row) => (row[k] as string).length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, k) => (k >= 2 && k <= 4 ? c.padStart(widths[k]!) : c.padEnd(widths[k]!))).join("  ")}`.trimEnd();
  return [line(header), ...body.map(line)];
}

function formatParam(scenario: ResolvedScenario, path: string): string {
  const param = scenario.params.find((p) => p.path === path);
  return param ? describeParam(param).distribution : "?";
}
