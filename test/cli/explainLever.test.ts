import type { ComparisonSummary, MetricDef } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { measurement } from "../../packages/cli/src/commands/explainLever.js";
import { chipsim } from "../helpers/cli.js";

/** A comparison of one metric in one year, as compareScenarios reports it, with given medians and mean difference. */
function comparison(off: number, on: number, meanDiff: number): ComparisonSummary {
  const stat = (p50: number) => ({ mean: p50, p5: p50, p50, p95: p50, sd: 0 });
  return {
    scenarios: ["off", "on"],
    runs: 10,
    seed: 1,
    metrics: { m: { "2030": { off: stat(off), on: stat(on), diff: { "on - off": { p5: meanDiff, p50: meanDiff, p95: meanDiff, mean: meanDiff, pGreater: meanDiff > 0 ? 1 : 0 } } } } },
    summaries: {},
  } as unknown as ComparisonSummary;
}
const def = { id: "m", unit: "accelerator", label: "Accelerators" } as MetricDef;

describe("explain levers.<id>", () => {
  it("flags a change against the expected sign, and calls a change under a thousandth of the level noise", () => {
    expect(measurement(comparison(1000, 1100, 100), "off", "on", def, 2030, -1)).toMatchObject({ opposite: true, none: false, difference: 100 });
    expect(measurement(comparison(1000, 900, -100), "off", "on", def, 2030, -1)).toMatchObject({ opposite: false, none: false });
    // 0.5 on a level of 1000 is 0.05%: no sign at all.
    expect(measurement(comparison(1000, 1000.5, 0.5), "off", "on", def, 2030, -1)).toMatchObject({ opposite: false, none: true });
  });

  it("prints what the lever does and its paired effect on the indicator it moves first and on the headline", async () => {
    const r = await chipsim(["explain", "levers.us-hbm-ban"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("read by        memory");
    expect(r.stdout).toContain("mechanism      at strength s: foreign HBM inflow times (1 - s)");
    expect(r.stdout).toMatch(/Paired runs \(400 runs, seed 2026\)/);
    for (const year of ["2025", "2027", "2030", "2035"]) {
      expect(r.stdout).toMatch(new RegExp(`Foreign HBM stockpile\\s+${year}`));
      expect(r.stdout).toMatch(new RegExp(`Domestic AI accelerators deployed\\s+${year}`));
    }
    // The ban keeps foreign stacks out, so with it the stockpile is smaller.
    const json = JSON.parse((await chipsim(["explain", "levers.us-hbm-ban", "--format", "json"])).stdout) as { measured: { metric: string; year: number; difference: number }[] };
    const stock2025 = json.measured.find((m) => m.metric === "hbm.foreignStock" && m.year === 2025);
    expect(stock2025?.difference).toBeLessThan(0);
  });

  it("still explains a lever's fields one by one", async () => {
    const r = await chipsim(["explain", "levers.us-hbm-ban.strength"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("levers.us-hbm-ban.strength");
    expect(r.stdout).not.toContain("Paired runs");
  });
});

describe("explain's reader of each section", () => {
  it("names who reads every section an agent owns", async () => {
    const { scenarioSchema } = await import("@chipsim/core");
    const { READ_BY } = await import("../../packages/cli/src/commands/explain.js");
    const own = new Set(["id", "title", "description", "question", "changes", "extends", "horizon", "runs", "seed", "quarterly", "bibliography", "correlations"]);
    const sections = Object.keys(scenarioSchema.shape).filter((key) => !own.has(key));
    expect(sections.filter((key) => !READ_BY[key])).toEqual([]);
    const r = await chipsim(["explain", "planning.inventoryCover"]);
    expect(r.stdout).toContain("read by        the planning and designs agents");
  });
});
