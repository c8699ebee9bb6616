import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CHIPSIM_BIN } from "../helpers/bin.js";
import { tempDir } from "../helpers/tempScenarios.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = CHIPSIM_BIN;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("chipsim, the built command", () => {
  const out = tempDir("chipsim-e2e-");
  const result = run(["run", "baseline", "--runs", "300", "--seed", "11", "--out", out, "--quiet"]);
  const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));

  it("runs the baseline and writes summary.json and summary.csv", () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(readFileSync(join(out, "summary.csv"), "utf8").split("\n")[0]).toBe("scenario,metric,year,statistic,value");
  });

  it("keeps the documented summary.json contract", () => {
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(["scenario", "metrics", "bottlenecks", "milestones"]));
    expect(summary.scenario).toMatchObject({ id: "baseline", seed: 11, runs: 300, horizon: 2035 });
    for (const id of [
      "wafers.advanced",
      "accelerators.domestic",
      "accelerators.imported",
      "compute.addedH100e",
      "compute.installedH100e",
      "share.domestic",
      "hbm.stacksUsed",
      "power.availableGW",
    ]) {
      const y2028 = summary.metrics[id]?.["2028"];
      expect(Object.keys(y2028 ?? {}), id).toEqual(["mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95"]);
      expect(y2028.p5 <= y2028.p50 && y2028.p50 <= y2028.p95, id).toBe(true);
    }
    const shares = summary.bottlenecks.all["2028"];
    expect(Object.keys(shares).sort()).toEqual(["demand", "fab", "hbm", "litho", "packaging", "power"]);
    expect(Object.values(shares as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Object.keys(summary.milestones)).toEqual(["domesticEuvReady", "domesticSupplyExceedsDemand"]);
    expect(summary.milestones.domesticEuvReady["2035"]).toBeGreaterThanOrEqual(summary.milestones.domesticEuvReady["2030"]);
  });

  it("writes byte-identical files for the same seed", () => {
    const again = tempDir("chipsim-e2e-");
    expect(run(["run", "baseline", "--runs", "300", "--seed", "11", "--out", again, "--quiet"]).code).toBe(0);
    expect(readFileSync(join(again, "summary.json"), "utf8")).toBe(readFileSync(join(out, "summary.json"), "utf8"));
    expect(readFileSync(join(again, "summary.csv"), "utf8")).toBe(readFileSync(join(out, "summary.csv"), "utf8"));
  });

  it("prints a table, JSON or CSV, and takes --set", () => {
    const table = run(["run", "baseline", "--runs", "50", "--set", "lithography.domesticEuv.readyYear=2028"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Domestic AI accelerators deployed, units per year [accelerators.domestic]");
    expect(table.stdout).toMatch(/Domestic EUV tool production-worthy\s+0%\s+0%\s+0%\s+0%\s+100%/);
    const json = run(["run", "baseline", "--runs", "50", "--format", "json"]);
    expect(JSON.parse(json.stdout).scenario.runs).toBe(50);
    const csv = run(["run", "baseline", "--runs", "50", "--format", "csv", "--set", "levers.us-hbm-ban.strength={dist: uniform, min: 0.5, max: 0.7}"]);
    expect(csv.stdout.startsWith("scenario,metric,year,statistic,value\nbaseline,")).toBe(true);
  });

  it("lists, shows, validates and prints the schema", () => {
    expect(run(["list"]).stdout).toMatch(/^id\s+title\s+question\nbaseline\s+Baseline/);
    const shown = JSON.parse(run(["show", "baseline", "--format", "json"]).stdout);
    const ready = shown.parameters.find((p: { path: string }) => p.path === "lithography.domesticEuv.readyYear");
    expect(ready).toMatchObject({ distribution: "pert(2028Q1, 2030Q1, 2033Q4)", unit: "date", source: "tokenring-euv-2025" });
    expect(shown.parameters.every((p: { source?: string; assumption?: string }) => p.source || p.assumption)).toBe(true);
    expect(run(["validate", join(root, "packages/scenarios/scenarios/baseline.yaml")]).stdout).toMatch(/^ok: baseline/);
    const schema = JSON.parse(run(["schema"]).stdout);
    expect(schema.properties.lithography.properties.domesticEuv.properties.readyYear.description).toMatch(/production-worthy/);
  });

  it("exits 2 on bad input without a stack trace", () => {
    const r = run(["run", "no-such-scenario"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no-such-scenario");
    expect(r.stderr).not.toContain("    at ");
  });
});



describe("chipsim with its output piped to a reader that stops early", () => {
  it("ends quietly with its own exit code, not with a stack trace", async () => {
    // `chipsim show baseline | head -1`, with the reader gone before the first line is written.
    const child = spawn(process.execPath, [CHIPSIM_BIN, "show", "baseline"], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|    at /);
    expect(code).toBe(0);
  });
});
