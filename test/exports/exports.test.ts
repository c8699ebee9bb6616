import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { CHIPSIM_VERSION } from "@chipsim/cli";
import { chipsim } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempScenarios.js";

const RUNS = 120;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjects() as Record<string, unknown>[];
}

describe("exports", () => {
  const a = tempDir("chipsim-export-");
  const b = tempDir("chipsim-export-");
  const args = (out: string) => ["run", "baseline", "--runs", String(RUNS), "--seed", "4", "--out", out, "--formats", "json,csv,parquet", "--per-run", "--quiet"];

  beforeAll(async () => {
    expect((await chipsim(args(a))).code).toBe(0);
    expect((await chipsim(args(b))).code).toBe(0);
  });

  it("gives byte-identical summary files for identical runs; only the sidecar manifest differs", () => {
    for (const f of ["summary.json", "summary.csv", "chip_sales.csv", "summary.parquet", "per_run.csv", "per_run.parquet"]) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
    const sidecar = JSON.parse(readFileSync(join(a, "manifest.json"), "utf8"));
    expect(sidecar).toMatchObject({ scenario: "baseline", seed: 4, runs: RUNS, chipsim: CHIPSIM_VERSION });
    expect(sidecar.command).toBe(`chipsim ${args(a).join(" ")}`);
    expect(sidecar.scenarioHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Date.parse(sidecar.date)).toBeGreaterThan(0);
  });

  it("writes chip_sales.csv: units, H100e and money per chip and per designer, as the summary gives them", async () => {
    const summary = JSON.parse(readFileSync(join(a, "summary.json"), "utf8"));
    const rows = (await query(`select * from read_csv('${join(a, "chip_sales.csv")}', header = true, all_varchar = true)`)) as Record<string, string>[];
    const row = (designer: string, chip: string, year: string, quantity: string) => {
      const found = rows.filter((r) => r["designer"] === designer && r["chip"] === chip && r["year"] === year && r["quantity"] === quantity);
      expect(found, `${designer} ${chip} ${year} ${quantity}`).toHaveLength(1);
      return found[0] as Record<string, string>;
    };
    const check = (r: Record<string, string>, metric: string) => {
      for (const stat of ["p5", "p50", "p95", "mean"]) expect(Number(r[stat]), `${metric} ${stat}`).toBe(summary.metrics[metric]["2025"][stat]);
    };
    check(row("Huawei", "ascend-910c", "2025", "units"), "accelerators.ascend-910c");
    check(row("Huawei", "ascend-910c", "2025", "H100e"), "h100e.ascend-910c");
    check(row("Huawei", "ascend-910c", "2025", "revenue"), "revenue.ascend-910c");
    check(row("Huawei", "all", "2025", "units"), "designer.huawei.accelerators");
    check(row("Huawei", "all", "2025", "unitsCumulative"), "designer.huawei.acceleratorsCumulative");
    check(row("Enflame, Biren, Iluvatar", "all", "2025", "revenue"), "designer.enflame-biren-iluvatar.revenueUSD");
    check(row("NVIDIA", "nvidia-h20", "2025", "units"), "accelerators.nvidia-h20");
    expect(new Set(rows.map((r) => r["unit"]))).toEqual(new Set(["accelerator", "H100e", "USD"]));
    // Without --quarterly every row is a year's.
    expect(new Set(rows.map((r) => r["quarter"]))).toEqual(new Set([null]));
  });

  it("adds each designer's quarters to chip_sales.csv with --quarterly, after the year they make up", async () => {
    const out = tempDir("chipsim-quarterly-");
    expect((await chipsim(["run", "baseline", "--runs", "40", "--seed", "4", "--out", out, "--quarterly", "--quiet"])).code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    const lines = readFileSync(join(out, "chip_sales.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe("scenario,designer,chip,year,quarter,quantity,unit,p5,p50,p95,mean");
    const at = lines.findIndex((l) => l.startsWith("baseline,Huawei,all,2026,,units,"));
    const quarters = lines.slice(at + 1, at + 5).map((l) => l.split(","));
    expect(quarters.map((f) => f[4])).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    quarters.forEach((f, k) => {
      const s = summary.metrics[`designer.huawei.accelerators.Q${k + 1}`]["2026"];
      expect(f.slice(7).map(Number)).toEqual([s.p5, s.p50, s.p95, s.mean]);
    });
    // The quarters' means add up to the year's mean.
    const yearMean = Number((lines[at] as string).split(",")[10]);
    expect(quarters.reduce((sum, f) => sum + Number(f[10]), 0)).toBeCloseTo(yearMean, 3);
    // Chips and cumulative counts stay yearly.
    const quarterRows = lines.filter((l) => /,\d{4},Q[1-4],/.test(l));
    expect(quarterRows.length).toBeGreaterThan(0);
    expect(quarterRows.filter((l) => !/,all,\d{4},Q[1-4],(units|H100e|revenue),/.test(l))).toEqual([]);
  });

  it("carries the run manifest in summary.json and in the Parquet metadata", async () => {
    const summary = JSON.parse(readFileSync(join(a, "summary.json"), "utf8"));
    const sidecar = JSON.parse(readFileSync(join(a, "manifest.json"), "utf8"));
    expect(summary.manifest).toEqual({ chipsim: CHIPSIM_VERSION, scenario: "baseline", scenarioHash: sidecar.scenarioHash, seed: 4, runs: RUNS, horizon: 2035 });
    const kv = await query(`select decode(key) as k, decode(value) as v from parquet_kv_metadata('${join(a, "summary.parquet")}') order by k`);
    expect(Object.fromEntries(kv.map((r) => [r["k"], r["v"]]))).toEqual({
      "chipsim.chipsim": CHIPSIM_VERSION,
      "chipsim.horizon": "2035",
      "chipsim.runs": String(RUNS),
      "chipsim.scenario": "baseline",
      "chipsim.scenarioHash": sidecar.scenarioHash,
      "chipsim.seed": "4",
    });
  });

  it("writes a summary.parquet that DuckDB reads back with the same values as summary.csv", async () => {
    const rows = await query(`select * from read_parquet('${join(a, "summary.parquet")}')`);
    const csv = readFileSync(join(a, "summary.csv"), "utf8").trim().split("\n").slice(1);
    expect(rows).toHaveLength(csv.length);
    rows.forEach((r, i) => {
      const [scenario, metric, year, statistic, value] = (csv[i] as string).split(",");
      expect([r["scenario"], r["metric"], r["year"], r["statistic"]]).toEqual([scenario, metric, Number(year), statistic]);
      expect(r["value"]).toBe(Number(value));
    });
  });

  it("writes every run's values, and they give back the summary's statistics", async () => {
    const summary = JSON.parse(readFileSync(join(a, "summary.json"), "utf8"));
    const counted = await query(`select count(*)::INTEGER as n, count(distinct run)::INTEGER as runs from read_parquet('${join(a, "per_run.parquet")}')`);
    const metrics = Object.keys(summary.metrics).length;
    expect(counted[0]).toEqual({ n: RUNS * metrics * 12, runs: RUNS });
    // R type 7 is DuckDB's quantile_cont; the mean is avg.
    const stats = await query(
      `select quantile_cont(value, 0.5) as p50, avg(value) as mean from read_parquet('${join(a, "per_run.parquet")}') where metric = 'accelerators.domestic' and year = 2030`,
    );
    expect(stats[0]?.["p50"]).toBeCloseTo(summary.metrics["accelerators.domestic"]["2030"].p50, 6);
    expect(stats[0]?.["mean"]).toBeCloseTo(summary.metrics["accelerators.domestic"]["2030"].mean, 6);
    const csvLines = readFileSync(join(a, "per_run.csv"), "utf8").trim().split("\n");
    expect(csvLines[0]).toBe("scenario,run,metric,year,value");
    expect(csvLines.length - 1).toBe(RUNS * metrics * 12);
  });

  it("gives the standard errors of the mean and the median", () => {
    const summary = JSON.parse(readFileSync(join(a, "summary.json"), "utf8"));
    const stats = summary.metrics["compute.installedH100e"]["2030"];
    const se = summary.precision["compute.installedH100e"]["2030"];
    expect(se.seMean).toBeCloseTo(stats.sd / Math.sqrt(RUNS), 10);
    expect(se.seMedian).toBeGreaterThan(0);
    expect(se.seMedian).toBeLessThan(stats.p75 - stats.p25);
  });
});

describe("stopping on a standard-error target", () => {
  it("stops once the target is met, after a whole round of 1,024 runs, at the same run and with the same bytes on one thread and on two", async () => {
    const runOnce = async (workers: string) => {
      const out = tempDir("chipsim-se-");
      const r = await chipsim(["run", "baseline", "--runs", "5000", "--seed", "9", "--target-se", "accelerators.domestic@2030=3%", "--out", out, "--workers", workers]);
      expect(r.code).toBe(0);
      const text = readFileSync(join(out, "summary.json"), "utf8");
      return { stderr: r.stderr, text, summary: JSON.parse(text) };
    };
    const first = await runOnce("1");
    const second = await runOnce("2");
    expect(first.summary.scenario.runs).toBeLessThan(5000);
    expect(first.summary.scenario.runs % 1024).toBe(0);
    expect(second.text).toBe(first.text);
    expect(first.summary.manifest.runs).toBe(first.summary.scenario.runs);
    const { mean } = first.summary.metrics["accelerators.domestic"]["2030"];
    expect(first.summary.precision["accelerators.domestic"]["2030"].seMean).toBeLessThanOrEqual(0.03 * mean);
    expect(first.stderr).toContain(`standard-error targets met after ${first.summary.scenario.runs} runs`);
  });

  it("refuses a target on an unknown metric", async () => {
    const r = await chipsim(["run", "baseline", "--runs", "100", "--target-se", "unicorns=5"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--target-se: expected a metric id (see summary.json), found "unicorns"');
  });
});
