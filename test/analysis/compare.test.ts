import { attributeDifference, compareScenarios, compileModel, runMonteCarlo, summarize, type CompiledModel, type DiffSummary, type JobPlan } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";
import { resolve } from "../helpers/scenario.js";
import { childScenario, tempDir } from "../helpers/tempScenarios.js";

describe("compare", () => {
  it("finds differences of exactly zero, in every run, between two identical scenarios", async () => {
    const dir = tempDir();
    const twin = childScenario(dir, "twin.yaml", "");
    const result = await compareScenarios([compileModel(resolve("baseline")), compileModel(resolve(twin))], { runs: 60, seed: 2 });
    for (const [metric, byYear] of Object.entries(result.metrics)) {
      for (const [year, entry] of Object.entries(byYear)) {
        const d = (entry["diff"] as Record<string, DiffSummary>)["twin - baseline"] as DiffSummary;
        expect([d.p5, d.p50, d.p95, d.mean, d.pGreater], `${metric} ${year}`).toEqual([0, 0, 0, 0, 0]);
      }
    }
  });

  it("streams past its memory bound, each scenario's summary the same bits as its own streamed run", async () => {
    const base = compileModel(resolve("baseline"));
    const other = compileModel(resolve("hbm-chokehold"));
    const runs = 2100;
    const result = await compareScenarios([base, other], { runs, seed: 4, memoryBoundBytes: 1 });
    expect(result.summaries["baseline"]!.scenario.quantiles.method).toBe("histogram");
    for (const model of [base, other]) {
      const alone = summarize(model, runMonteCarlo(model, { runs, seed: 4, statistics: "streaming" }), 4);
      expect(JSON.stringify(result.summaries[model.scenario.meta.id])).toBe(JSON.stringify(alone));
    }
    const d = (result.metrics["accelerators.domestic"]!["2026"]!["diff"] as Record<string, DiffSummary>)["hbm-chokehold - baseline"] as DiffSummary;
    expect(d.p50).toBeLessThan(0);
  });

  it("computes differences run by run under common random numbers", async () => {
    const result = await compareScenarios([compileModel(resolve("baseline")), compileModel(resolve("full-decoupling"))], { runs: 80, seed: 5 });
    const entry = result.metrics["accelerators.imported"]?.["2030"];
    const d = (entry?.["diff"] as Record<string, DiffSummary>)["full-decoupling - baseline"] as DiffSummary;
    // No imports at all once exports end: the paired difference is minus the baseline's imports in each run.
    expect(d.mean).toBeCloseTo(-(entry?.["baseline"] as { mean: number }).mean, 6);
    expect(d.pGreater).toBe(0);
  });

  it("attributes the whole difference to the one lever a scenario changes", async () => {
    const a = resolve("baseline");
    const b = resolve("korea-memory-squeeze");
    const attribution = await attributeDifference(a, b, { runs: 60, seed: 3, metrics: ["accelerators.domestic", "compute.installedH100e"] });
    expect(attribution.groups.map((g) => g.group)).toEqual(["levers.us-hbm-ban"]);
    for (const metric of ["accelerators.domestic", "compute.installedH100e"]) {
      for (const [year, total] of Object.entries(attribution.total[metric] ?? {})) {
        expect(attribution.groups[0]?.effect[metric]?.[year], `${metric} ${year}`).toBe(total);
        expect(attribution.interaction[metric]?.[year], `${metric} ${year}`).toBe(0);
      }
    }
    // Through a runner (chipsim compare passes its threads): one job per piece, the same attribution.
    const ran: string[] = [];
    const runJob = (model: CompiledModel, plan: JobPlan) => {
      ran.push(model.scenario.meta.id);
      return runMonteCarlo(model, { plan });
    };
    const viaRunner = await attributeDifference(a, b, { runs: 60, seed: 3, metrics: ["accelerators.domestic", "compute.installedH100e"], runJob });
    expect(ran).toHaveLength(3);
    expect(viaRunner).toEqual(attribution);
  });

  it("adds the pieces up to the total, interaction included", async () => {
    const attribution = await attributeDifference(resolve("baseline"), resolve("full-decoupling"), { runs: 60, seed: 3, metrics: ["compute.installedH100e"] });
    expect(attribution.groups.map((g) => g.group).sort()).toEqual(["levers.cn-minerals-controls", "levers.us-ai-chip-exports", "levers.us-duv-servicing"]);
    const year = "2030";
    const sum = attribution.groups.reduce((s, g) => s + (g.effect["compute.installedH100e"]?.[year] ?? 0), 0);
    expect(sum + (attribution.interaction["compute.installedH100e"]?.[year] ?? 0)).toBeCloseTo(attribution.total["compute.installedH100e"]?.[year] ?? NaN, 6);
    // The mineral controls act only through triggers, and there are none here.
    expect(attribution.groups.find((g) => g.group === "levers.cn-minerals-controls")?.effect["compute.installedH100e"]?.[year]).toBe(0);
  });

  it("prints a table, JSON with a diff object per pair, and refuses a single scenario", async () => {
    const table = await chipsim(["compare", "baseline", "h200-open-door", "--runs", "40", "--attribution-runs", "20", "--metric", "accelerators.imported"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("h200-open-door - baseline  P50 [P5, P95]");
    expect(table.stdout).toContain("What differs (h200-open-door - baseline): 3 fields");
    expect(table.stdout).toContain("Attribution of the mean difference, h200-open-door - baseline");
    const json = JSON.parse((await chipsim(["compare", "baseline", "euv-delayed", "--runs", "30", "--format", "json", "--no-attribution"])).stdout);
    expect(Object.keys(json.metrics["accelerators.domestic"]["2030"]).sort()).toEqual(["baseline", "diff", "euv-delayed"]);
    expect(Object.keys(json.metrics["accelerators.domestic"]["2030"].diff["euv-delayed - baseline"]).sort()).toEqual(["mean", "p5", "p50", "p95", "pGreater"]);
    const single = await chipsim(["compare", "baseline"]);
    expect(single.code).toBe(2);
  });

  it("runs each scenario's job through the runner it is given, and pairs the stored runs afterwards", async () => {
    const models = [compileModel(resolve("baseline")), compileModel(resolve("hbm-chokehold"))];
    const ran: string[] = [];
    const viaRunner = await compareScenarios(models, {
      runs: 70,
      seed: 6,
      runJob: (model, plan) => {
        ran.push(model.scenario.meta.id);
        return runMonteCarlo(model, { plan });
      },
    });
    expect(ran).toEqual(["baseline", "hbm-chokehold"]);
    expect(JSON.stringify(viaRunner)).toBe(JSON.stringify(await compareScenarios(models, { runs: 70, seed: 6 })));
    // The paired difference, run by run, against each scenario's own run.
    const runs = models.map((m) => runMonteCarlo(m, { runs: 70, seed: 6, statistics: "exact" }));
    const series = models.map((m) => m.metrics.findIndex((d) => d.id === "accelerators.domestic") * runs[0]!.years + 6);
    const differences = Array.from({ length: 70 }, (_, r) => runs[1]!.stored!.row(series[1]!)[r]! - runs[0]!.stored!.row(series[0]!)[r]!);
    const d = (viaRunner.metrics["accelerators.domestic"]!["2030"]!["diff"] as Record<string, DiffSummary>)["hbm-chokehold - baseline"] as DiffSummary;
    expect(d.pGreater).toBe(differences.filter((x) => x > 0).length / 70);
    const sorted = [...differences].sort((a, b) => a - b);
    // Type 7 median of 70 runs: halfway between the 35th and 36th smallest.
    expect(d.p50).toBeCloseTo(sorted[34]! + 0.5 * (sorted[35]! - sorted[34]!), 6);
  });

  it("gives the same JSON on one thread and on three", async () => {
    const args = ["compare", "baseline", "hbm-chokehold", "--runs", "2100", "--seed", "8", "--format", "json", "--no-attribution"];
    const one = await chipsim([...args, "--workers", "1"]);
    expect(one.code).toBe(0);
    expect((await chipsim([...args, "--workers", "3"])).stdout).toBe(one.stdout);
    expect((await chipsim(["compare", "baseline", "hbm-chokehold", "--workers", "0"])).stderr).toContain("--workers: expected a whole number of threads, at least 1, found 0");
  });

  it("streams past --memory-bound on every thread: the same JSON on one thread and on three, random draws and Sobol points", async () => {
    for (const sampler of ["random", "sobol"]) {
      // Two slices for the threads to share: 1,024 runs and 76.
      const args = ["compare", "baseline", "hbm-chokehold", "--runs", "1100", "--seed", "8", "--format", "json", "--no-attribution", "--memory-bound", "1", "--sampler", sampler];
      const one = await chipsim([...args, "--workers", "1"]);
      expect(one.code, one.stderr).toBe(0);
      const parsed = JSON.parse(one.stdout) as { summaries: Record<string, { scenario: { quantiles: { method: string } } }> };
      expect(parsed.summaries["baseline"]!.scenario.quantiles.method).toBe("histogram");
      expect((await chipsim([...args, "--workers", "3"])).stdout, sampler).toBe(one.stdout);
    }
    expect((await chipsim(["compare", "baseline", "hbm-chokehold", "--memory-bound", "0"])).stderr).toContain("--memory-bound: expected a number of MiB above 0, found 0");
  });
});

describe("compare with overrides", () => {
  it("refuses a --set on a field where the compared scenarios differ, and says how to change one side", async () => {
    const r = await chipsim(["compare", "baseline", "euv-delayed", "--set", "lithography.domesticEuv.readyYear=2030", "--runs", "50", "--no-attribution"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--set lithography.domesticEuv.readyYear: expected a field the compared scenarios share, found one where euv-delayed differs from baseline");
    expect(r.stderr).toContain("--vs 'lithography.domesticEuv.readyYear=2030'");
  });

  it("applies a --set on a shared field to every scenario, and says so in the header and compare.json", async () => {
    const r = await chipsim(["compare", "baseline", "euv-delayed", "--set", "levers.us-hbm-ban.strength = 0", "--runs", "50", "--no-attribution"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toBe("every scenario with --set levers.us-hbm-ban.strength=0");
    const json = await chipsim(["compare", "baseline", "euv-delayed", "--set", "levers.us-hbm-ban.strength=0", "--runs", "50", "--no-attribution", "--format", "json"]);
    expect(JSON.parse(json.stdout).overrides).toEqual(["levers.us-hbm-ban.strength=0"]);
  });

  it("compares a scenario with variants of itself made by --vs, each changing only what it names", async () => {
    const args = ["compare", "baseline", "--vs", "levers.us-hbm-ban.strength=0", "--vs", "lithography.domesticEuv.readyYear=2032; levers.us-duv-controls.strength=0", "--runs", "60", "--no-attribution", "--format", "json"];
    const r = await chipsim(args);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const noBan = "baseline[levers.us-hbm-ban.strength=0]";
    const both = "baseline[lithography.domesticEuv.readyYear=2032; levers.us-duv-controls.strength=0]";
    expect(report.scenarios).toEqual(["baseline", noBan, both]);
    expect(report.changes[`${noBan} - baseline`]).toEqual([{ path: "levers.us-hbm-ban.strength", from: "uniform(0.85, 1)", to: "0" }]);
    expect(report.changes[`${both} - baseline`].map((c: { path: string }) => c.path).sort()).toEqual(["levers.us-duv-controls.strength", "lithography.domesticEuv.readyYear"]);
    // Lifting the HBM ban must show: more domestic accelerators in 2027 in most runs.
    const d = report.metrics["accelerators.domestic"]["2027"].diff[`${noBan} - baseline`];
    expect(d.pGreater).toBeGreaterThan(0.8);
    expect(report.summaries[noBan].scenario.overrides).toEqual(["levers.us-hbm-ban.strength=0"]);
  });

  it("refuses a single scenario without --vs, and a --vs that is not path=value", async () => {
    const alone = await chipsim(["compare", "baseline"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("expected at least two scenarios, or one with --vs, found 1 scenario and no --vs");
    const bad = await chipsim(["compare", "baseline", "--vs", "levers.us-hbm-ban.strength"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--vs levers.us-hbm-ban.strength: expected path=value');
  });
});

describe("run with overrides", () => {
  it("lists them under the title of the table and in summary.json", async () => {
    const r = await chipsim(["run", "baseline", "--runs", "50", "--set", "levers.us-hbm-ban.strength=0", "--set", "lithography.domesticEuv.readyYear=2032"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toBe("with --set levers.us-hbm-ban.strength=0, lithography.domesticEuv.readyYear=2032");
    const json = await chipsim(["run", "baseline", "--runs", "50", "--set", "levers.us-hbm-ban.strength=0", "--format", "json"]);
    expect(JSON.parse(json.stdout).scenario.overrides).toEqual(["levers.us-hbm-ban.strength=0"]);
    const plain = await chipsim(["run", "baseline", "--runs", "50", "--format", "json"]);
    expect(JSON.parse(plain.stdout).scenario).not.toHaveProperty("overrides");
  });
});

describe("compare and sensitivity with --out", () => {
  it("refuse to replace an earlier result unless --force, before running anything", async () => {
    const out = tempDir();
    const compare = ["compare", "baseline", "hbm-chokehold", "--runs", "30", "--no-attribution", "--out", out, "--quiet"];
    expect((await chipsim(compare)).code).toBe(0);
    const again = await chipsim(compare);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`--out ${out}: expected a folder without earlier results, found compare.json; pass --force to replace them`);
    expect((await chipsim([...compare, "--force"])).code).toBe(0);

    const sensitivity = ["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2027", "--runs", "200", "--method", "morris", "--out", out, "--quiet"];
    expect((await chipsim(sensitivity)).code).toBe(0);
    const twice = await chipsim(sensitivity);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("found sensitivity.json; pass --force to replace them");
    expect((await chipsim([...sensitivity, "--force"])).code).toBe(0);
  });
});
