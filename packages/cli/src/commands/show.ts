import { describeParam, formatNumber } from "@chipsim/core";
import type { CliIo } from "../io.js";
import { padTable } from "../output/format.js";
import { loadResolved } from "../scenarioInput.js";

/** `chipsim show SCENARIO`: every resolved parameter with its distribution, unit and source. */
export function showCommand(args: { scenario: string; set?: readonly string[]; format: "table" | "json" }, io: CliIo): number {
  const scenario = loadResolved(args.scenario, args.set, io.cwd);
  const params = scenario.params.map(describeParam);
  if (args.format === "json") {
    const meta = scenario.meta;
    io.stdout.write(`${JSON.stringify({ scenario: meta, parameters: params }, null, 2)}\n`);
    return 0;
  }
  const rows: string[][] = [["parameter", "distribution", "unit", "P5", "P50", "P95", "source / assumption"]];
  for (const p of params) {
    const why = p.source !== undefined ? p.source : `assumption: ${p.assumption ?? ""}`;
    rows.push([p.path, p.distribution, p.unit, shownStatistic(p.p5), shownStatistic(p.p50), shownStatistic(p.p95), why]);
  }
  io.stdout.write(`${scenario.meta.title} (${scenario.meta.id}), from ${scenario.meta.files.join(" <- ")}\n\n${padTable(rows, (c) => c >= 3 && c <= 5)}\n`);
  return 0;
}

/** A parameter's P5, P50 or P95 as tables show numbers (three significant figures, k/M/B/T); a date as it is. */
export function shownStatistic(value: number | string): string {
  if (typeof value === "number") return formatNumber(value);
  return /^-?\d+(\.\d+)?e-?\d+$/.test(value) ? formatNumber(Number(value)) : value;
}
