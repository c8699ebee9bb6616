import { describeParam, didYouMean, LEVER_IDS, movedPathIssue, type BibliographyEntry, type LeverId, type ParamDescription } from "@chipsim/core";
import type { CliIo } from "../io.js";
import { loadResolved } from "../scenarioInput.js";
import { UsageError } from "../usageError.js";
import { explainLever } from "./explainLever.js";
import { citation } from "./sources.js";
import { shownStatistic } from "./show.js";

/** Which agent reads each section of a scenario (docs/model.md has the how). */
export const READ_BY: Readonly<Record<string, string>> = {
  levers: "the policy agent, which passes each lever to the agent docs/model.md names",
  triggers: "the policy agent",
  lithography: "the lithography agent",
  nodes: "the fabs agent (exposures), the yield agent (logic defect density, cycle time), the memory agent (DRAM defect density) and the planning agent (cycle time)",
  fabs: "the fabs agent (logic and DRAM lines)",
  subsidies: "the policy agent (spending); fabs (logic and HBM DRAM lines) and packaging (capacity bought)",
  yield: "the yield and memory agents",
  memory: "the memory agent",
  packaging: "the packaging, designs and market agents",
  dieBanks: "the designs and planning agents",
  designs: "the yield, designs, planning, power and market agents",
  power: "the power agent",
  market: "the market agent",
  planning: "the planning and designs agents",
};

export interface ExplainArgs {
  readonly path: string;
  readonly scenario: string;
  readonly set?: readonly string[];
  readonly format: "table" | "json";
}

/**
 * `chipsim explain PATH`: what a parameter means, its unit and distribution,
 * and where its value comes from; for a lever (`levers.<id>`), what it does
 * and what it changes, measured.
 */
export function explainCommand(args: ExplainArgs, io: CliIo): number | Promise<number> {
  const lever = LEVER_IDS.find((id) => args.path === `levers.${id}`);
  if (lever !== undefined) return explainLever(lever as LeverId, args.scenario, args.set, args.format, io);
  const scenario = loadResolved(args.scenario, args.set, io.cwd);
  const exact = scenario.params.find((p) => p.path === args.path);
  const matches = exact ? [exact] : scenario.params.filter((p) => p.path.toLowerCase().includes(args.path.toLowerCase()));
  if (matches.length === 0) {
    const moved = movedPathIssue(args.path);
    if (moved) {
      throw new UsageError(`explain ${args.path}: expected a parameter path (see chipsim show ${args.scenario}), found an old path (${moved.moved})${moved.suggestion !== undefined ? `; did you mean ${moved.suggestion}?` : ""}`);
    }
    throw new UsageError(`explain ${args.path}: expected a parameter path (see chipsim show ${args.scenario}), found no parameter matching "${args.path}"${didYouMean(args.path, scenario.params.map((p) => p.path))}`);
  }
  if (matches.length > 1) {
    io.stdout.write(`${matches.length} parameters match "${args.path}"; name one:\n${matches.map((p) => `  ${p.path}`).join("\n")}\n`);
    return 0;
  }
  const param = matches[0]!;
  const d = describeParam(param);
  const source = d.source !== undefined ? scenario.bibliography.get(d.source) : undefined;
  const at = scenario.locate(param.path);
  const location = at.line !== undefined ? `${at.file}:${at.line}` : at.file;
  const readBy = READ_BY[param.path.split(".")[0] ?? ""] ?? "";
  if (args.format === "json") {
    io.stdout.write(`${JSON.stringify({ scenario: scenario.meta.id, ...d, setIn: location, readBy, sourceEntry: source ?? null }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(render(d, scenario.meta.id, location, readBy, source));
  return 0;
}

function render(d: ParamDescription, scenario: string, location: string, readBy: string, source: BibliographyEntry | undefined): string {
  const lines = [
    `${d.path}  (in ${scenario})`,
    `  ${d.description}`,
    "",
    `  unit           ${d.unit || "dimensionless"}`,
    `  distribution   ${d.distribution}`,
    `  P5 / P50 / P95 ${shownStatistic(d.p5)} / ${shownStatistic(d.p50)} / ${shownStatistic(d.p95)}`,
  ];
  if (d.source !== undefined) lines.push(`  source         ${source ? citation(source) : d.source}`);
  if (d.claim !== undefined) lines.push(`  claim          ${d.claim}`);
  if (d.assumption !== undefined) lines.push(`  assumption     ${d.assumption}`);
  if (d.note !== undefined) lines.push(`  note           ${d.note}`);
  lines.push(`  set in         ${location}`, `  read by        ${readBy}`, "");
  return lines.join("\n");
}
