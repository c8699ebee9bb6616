import { compileModel, formatValue, quarterLabel, replayRun, START_YEAR, yearsOf, type Sampler } from "@chipsim/core";
import type { CliIo } from "../io.js";
import { padTable } from "../output/format.js";
import { loadResolved } from "../scenarioInput.js";
import { UsageError } from "../usageError.js";

/** Observables traced quarter by quarter in the table: the main flows and stocks of the supply chain. */
const TRACED = ["wafers.advanced", "hbm.stacksUsed", "accelerators.domestic", "accelerators.imported", "compute.installedH100e", "share.domestic"] as const;

export interface ReplayArgs {
  readonly scenario: string;
  readonly seed: number | string | undefined;
  readonly set?: readonly string[];
  readonly runIndex: number;
  readonly format: "table" | "json";
  /** The job's sampler: run I of a Sobol or Latin hypercube job is another run than run I of random draws. */
  readonly sampler?: Sampler;
}

/**
 * `chipsim run SCENARIO --seed S --replay I`: run I of the job alone, with
 * the invariants checked after every quarter (a broken one fails with the
 * quarter and invariant), and every metric's value in every year of it.
 */
export function replayCommand(args: ReplayArgs, io: CliIo): number {
  if (!(Number.isSafeInteger(args.runIndex) && args.runIndex >= 0)) {
    throw new UsageError(`--replay: expected a run index, a whole number from 0, found ${String(args.runIndex)}`);
  }
  const scenario = loadResolved(args.scenario, args.set, io.cwd);
  const model = compileModel(scenario);
  const seed = args.seed ?? scenario.meta.seed;
  const sampler = args.sampler ?? "random";
  const run = replayRun(model, seed, args.runIndex, sampler);
  const years = yearsOf(model);
  const yearLabels = Array.from({ length: years }, (_, y) => String(START_YEAR + y));
  const milestoneYear = (y: number) => (Number.isFinite(y) ? START_YEAR + y : null);
  const milestones = { domesticEuvReady: milestoneYear(run.euvReadyYear), domesticSupplyExceedsDemand: milestoneYear(run.supplyMetDemandYear) };
  const observables = model.observables.list;
  const quarterCount = run.quarters.length / observables.length;
  const quarterLabels = Array.from({ length: quarterCount }, (_, q) => quarterLabel(q));
  const traced = (o: number) => quarterLabels.map((_l, q) => run.quarters[q * observables.length + o] as number);
  if (args.format === "json") {
    const values = Object.fromEntries(model.metrics.map((m, k) => [m.id, Object.fromEntries(yearLabels.map((label, y) => [label, run.values[k * years + y] as number]))]));
    const quarters = { labels: quarterLabels, observables: Object.fromEntries(observables.map((info, o) => [info.id, traced(o)])) };
    io.stdout.write(`${JSON.stringify({ scenario: scenario.meta.id, seed, ...(sampler !== "random" ? { sampler } : {}), run: run.runIndex, invariants: "held in every quarter", milestones, values, quarters }, null, 2)}\n`);
    return 0;
  }
  const tracedIds = TRACED.filter((id) => model.observables.indexOf(id) !== undefined);
  const trace = [
    ["quarter", ...tracedIds],
    ...quarterLabels.map((label, q) => [label, ...tracedIds.map((id) => {
        const o = model.observables.indexOf(id) as number;
        return formatValue(run.quarters[q * observables.length + o] as number, observables[o]?.unit ?? "");
      })]),
  ];
  const rows = [["metric", ...yearLabels], ...model.metrics.map((m, k) => [`${m.label}, ${m.unitLabel} [${m.id}]`, ...yearLabels.map((_l, y) => formatValue(run.values[k * years + y] as number, m.unit))])];
  const never = (year: number | null) => (year === null ? "not by the horizon" : String(year));
  io.stdout.write(
    [
      `${scenario.meta.title} (${scenario.meta.id}): run ${run.runIndex} of seed ${String(seed)}${sampler !== "random" ? ` (--sampler ${sampler})` : ""}; every invariant held in every quarter`,
      `domestic EUV ready: ${never(milestones.domesticEuvReady)}; domestic supply met demand: ${never(milestones.domesticSupplyExceedsDemand)}`,
      "",
      padTable(rows),
      "",
      "quarter by quarter (all observables with --format json):",
      padTable(trace),
      "",
    ].join("\n"),
  );
  return 0;
}
