import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  compileModel,
  designName,
  fanChart,
  metricLabels,
  metricTitle,
  overlayChart,
  runMonteCarlo,
  summarize,
  summaryFrame,
  tornadoChart,
  type Summary,
} from "@chipsim/core";
import { renderSummaryTable } from "@chipsim/cli";
import { builtinIds } from "@chipsim/scenarios";
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../packages/cli/src/report/renderSvg.js";
import { chipsim } from "../helpers/cli.js";
import { resolve } from "../helpers/scenario.js";
import { tempDir } from "../helpers/tempScenarios.js";

const model = compileModel(resolve("baseline"));
const labels = metricLabels(model.metrics);

describe("metric labels", () => {
  it("gives every metric of every built-in scenario a label and a unit in words that say how the year is made", () => {
    // The built-ins, and the baseline with the designers' quarters.
    for (const [id, overrides] of [...builtinIds().map((b) => [b, []] as const), ["baseline", [{ path: "quarterly", value: true }]] as const]) {
      const m = compileModel(resolve(id, [...overrides]));
      const seen = new Set<string>();
      for (const def of m.metrics) {
        expect(def.label, def.id).toMatch(/^\S.*\S$/);
        expect(def.label, def.id).not.toContain(def.id);
        const kind = def.aggregation.kind;
        const unit = kind === "sum" ? /per year$/ : kind === "last" ? /, year end$/ : kind === "cumulative" ? /to the end of the year$/ : kind === "quarter" ? /in the year's (first|second|third|fourth) quarter$/ : /^(share of|good dies per candidate die)/;
        expect(def.unitLabel, def.id).toMatch(unit);
        const title = metricTitle(metricLabels(m.metrics), def.id);
        expect(seen.has(title), `${id}: ${title} twice`).toBe(false);
        seen.add(title);
      }
    }
  });

  it("names the headline metrics and generates names for designs, designers, nodes and levers", () => {
    expect(metricTitle(labels, "accelerators.domestic")).toBe("Domestic AI accelerators deployed, units per year");
    expect(metricTitle(labels, "compute.installedH100e")).toBe("Installed AI compute, H100-equivalents, year end");
    expect(metricTitle(labels, "share.domestic")).toBe("Domestic share of AI accelerators deployed, share of units");
    expect(metricTitle(labels, "power.availableGW")).toBe("Data-centre power connected for AI, GW, year end");
    expect(metricTitle(labels, "designer.huawei.accelerators")).toBe("Huawei accelerators deployed, units per year");
    expect(metricTitle(labels, "accelerators.ascend-910c")).toBe("Ascend 910C accelerators deployed, units per year");
    expect(metricTitle(labels, "accelerators.nvidia-h200")).toBe("NVIDIA H200 accelerators deployed, units per year");
    expect(metricTitle(labels, "share.designer.metax")).toBe("MetaX's share of AI accelerators deployed, share of units");
    expect(metricTitle(labels, "yield.ascend-910b")).toBe("Ascend 910B die yield, good dies per candidate die");
    expect(metricTitle(labels, "wafers.n7")).toBe("Wafer starts on SMIC N+2, wafers per year");
    expect(metricTitle(labels, "levers.us-hbm-ban")).toBe("US HBM ban, effective strength, share of full enforcement, year end");
    expect(designName("moore-threads-s4000", "Moore Threads")).toBe("Moore Threads S4000");
    // A metric no model declares keeps its id.
    expect(metricTitle(labels, "accelerators.unicorns")).toBe("accelerators.unicorns");
  });

  it("carries the labels in a summary frame, for merge, and never into summary files", () => {
    expect(metricLabels(summaryFrame(model).metrics)).toEqual(labels);
    const summary = summarize(model, runMonteCarlo(model, { runs: 20, seed: 1 }), 1);
    expect(JSON.stringify(summary)).not.toContain("Domestic AI accelerators deployed");
  });
});

describe("each surface names metrics by label and unit", () => {
  const summary = summarize(model, runMonteCarlo(model, { runs: 40, seed: 3 }), 3);

  it("the run table, with its unit, the id in brackets, the years it leaves out, and H100e explained once", () => {
    const table = renderSummaryTable(summary, labels);
    expect(table).toContain("\nDomestic AI accelerators deployed, units per year [accelerators.domestic]\n  median");
    expect(table).toContain("Installed AI compute, H100-equivalents, year end [compute.installedH100e]");
    expect(table).toMatch(/Years shown: 2024-2028, 2030, 2032 and 2035; 2029,\s2031, 2033 and 2034 are left out/);
    expect(table.match(/H100e \(H100-equivalent\)/g)).toHaveLength(1);
    expect(table).not.toMatch(/\d[KGE]\b|e[+-]?\d/);
  });

  it("chart specs: the value axis has the label and the unit, and numbers as the tables give them", () => {
    const fan = fanChart(summary, "accelerators.domestic", labels);
    const y = (spec: Record<string, unknown>) => ((spec["layer"] as { encoding: { y: { title: unknown; axis: Record<string, string> } } }[])[0] as { encoding: { y: { title: unknown; axis: Record<string, string> } } }).encoding.y;
    expect(y(fan).title).toEqual(["Domestic AI accelerators deployed", "units per year"]);
    expect(fan["title"]).toBe(`Domestic AI accelerators deployed (${summary.scenario.title})`);
    expect(y(overlayChart([summary], "compute.installedH100e", labels)).title).toEqual(["Installed AI compute", "H100-equivalents, year end"]);
    expect(y(fanChart(summary, "share.domestic", labels)).axis).toEqual({ format: "%" });
    const tornado = tornadoChart({ base: 1e6, runs: 3, bars: [{ path: "a", low: 5e5, high: 2e6, swing: 1.5e6 }] }, "accelerators.domestic", 2030, labels, "accelerator");
    const x = ((tornado["layer"] as { encoding: { x: { title: unknown } } }[])[0] as { encoding: { x: { title: unknown } } }).encoding.x;
    expect(x.title).toEqual(["Domestic AI accelerators deployed", "units per year, 2030"]);
  });

  it("rendered axes read B for billions, as the tables do, not Vega's G", async () => {
    const big: Summary = {
      ...summary,
      metrics: { ...summary.metrics, "imports.revenueSharePaidUSD": Object.fromEntries(Object.keys(summary.metrics["accelerators.domestic"] ?? {}).map((y, k) => [y, { mean: 0, sd: 0, p5: 1e9, p10: 1e9, p25: 1.5e9, p50: 2e9 + k * 1e8, p75: 3e9, p90: 3e9, p95: 4e9 }])) },
    };
    const svg = await renderSvg(fanChart(big, "imports.revenueSharePaidUSD", labels));
    expect(svg).toMatch(/>[1-4](\.5)?B</);
    expect(svg).not.toMatch(/>\d+(\.\d+)?G</);
    expect(svg).toContain(">Revenue share paid to the US on imports<");
  });

  it("compare, sweep, backtest and merge tables", async () => {
    const compare = await chipsim(["compare", "baseline", "hbm-chokehold", "--runs", "60", "--no-attribution"]);
    expect(compare.code).toBe(0);
    expect(compare.stdout).toContain("Domestic AI accelerators deployed, units per year [accelerators.domestic]");
    expect(compare.stdout).toMatch(/Domestic share of AI accelerators deployed, share of units \[share\.domestic\][^\n]*\n[\s\S]*?[+-]\d+\.\d pp \[/);
    expect(compare.stdout).toContain("Years shown: 2025, 2027, 2030 and 2035;");
    const sweep = await chipsim(["sweep", "baseline", "--vary", "power.connectionsGrowth=0.1:0.3:2", "--runs", "40"]);
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toContain("Domestic AI accelerators deployed, units per year [accelerators.domestic]");
    const backtest = await chipsim(["backtest", "--runs", "60"]);
    expect(backtest.stdout).toContain("Huawei accelerators deployed, units per year");
    const dir = tempDir();
    expect((await chipsim(["run", "baseline", "--runs", "50", "--shard", "0/1", "--out", dir, "--quiet"])).code).toBe(0);
    const merged = await chipsim(["merge", join(dir, readdirSync(dir)[0] as string)]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain("Domestic AI accelerators deployed, units per year [accelerators.domestic]");
  });
});
