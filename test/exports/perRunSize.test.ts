import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempScenarios.js";

const RUNS = 200;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  return (await connection.runAndReadAll(sql)).getRowObjects() as Record<string, unknown>[];
}

/** "12 MB" -> 12e6 */
function bytesOf(text: string): number {
  const m = /^([\d.]+) (bytes|kB|MB|GB|TB)$/.exec(text);
  if (!m) throw new Error(`not a size: ${text}`);
  return Number(m[1]) * 1000 ** ["bytes", "kB", "MB", "GB", "TB"].indexOf(m[2] as string);
}

describe("--per-run size and --metrics", () => {
  const all = tempDir("chipsim-perrun-");
  const some = tempDir("chipsim-perrun-");
  const base = ["run", "baseline", "--runs", String(RUNS), "--seed", "3", "--formats", "json,csv,parquet", "--per-run"];
  let allStderr = "";
  let someStderr = "";

  beforeAll(async () => {
    const a = await chipsim([...base, "--out", all]);
    const s = await chipsim([...base, "--out", some, "--metrics", "accelerators.*", "share.domestic,compute.installedH100e", "--metrics", "share.domestic"]);
    expect(a.code).toBe(0);
    expect(s.code).toBe(0);
    allStderr = a.stderr;
    someStderr = s.stderr;
  });

  it("estimates the files' size before writing them, within 10% of what was written", () => {
    const line = /^per-run output: about (\S+ \S+) \(200 runs x 270 metrics x 12 years; per_run\.csv about (\S+ \S+), per_run\.parquet about (\S+ \S+)\)$/m.exec(allStderr);
    expect(line, allStderr).not.toBeNull();
    // The line comes before the files are listed as written.
    expect(allStderr.indexOf("per-run output")).toBeLessThan(allStderr.indexOf("wrote "));
    const [total, csv, parquet] = (line as RegExpExecArray).slice(1).map(bytesOf) as [number, number, number];
    const realCsv = statSync(join(all, "per_run.csv")).size;
    const realParquet = statSync(join(all, "per_run.parquet")).size;
    // Printed to two significant digits: that rounding (up to 5%) plus the estimate's own error.
    expect(Math.abs(csv / realCsv - 1)).toBeLessThan(0.1);
    expect(Math.abs(parquet / realParquet - 1)).toBeLessThan(0.1);
    expect(Math.abs(total / (realCsv + realParquet) - 1)).toBeLessThan(0.1);
  });

  it("estimates a chosen few metrics within 25% too", () => {
    const line = /^per-run output: about \S+ \S+ \(200 runs x 25 metrics x 12 years; per_run\.csv about (\S+ \S+), per_run\.parquet about (\S+ \S+)\)$/m.exec(someStderr);
    expect(line, someStderr).not.toBeNull();
    expect(Math.abs(bytesOf((line as RegExpExecArray)[1] as string) / statSync(join(some, "per_run.csv")).size - 1)).toBeLessThan(0.25);
  });

  it("writes only the chosen metrics, in the registry's order, with the same rows as a full export; summaries keep every metric", async () => {
    const rows = (dir: string) => readFileSync(join(dir, "per_run.csv"), "utf8").trim().split("\n");
    const metricOf = (row: string) => row.split(",")[2] as string;
    const full = rows(all);
    const chosen = rows(some);
    const ids = [...new Set(chosen.slice(1).map(metricOf))];
    const registry = [...new Set(full.slice(1).map(metricOf))];
    expect(ids).toEqual(registry.filter((id) => id.startsWith("accelerators.") || id === "share.domestic" || id === "compute.installedH100e"));
    expect(ids.length).toBe(25);
    expect(chosen).toEqual([full[0], ...full.slice(1).filter((row) => ids.includes(metricOf(row)))]);
    const parquet = await query(`select metric, count(*)::INTEGER as n from read_parquet('${join(some, "per_run.parquet")}') group by metric order by metric`);
    expect(parquet).toEqual([...ids].sort().map((metric) => ({ metric, n: RUNS * 12 })));
    for (const f of ["summary.json", "summary.csv", "summary.parquet"]) expect(readFileSync(join(some, f)).equals(readFileSync(join(all, f))), f).toBe(true);
  });

  it("refuses an unknown metric, a glob matching none, or --metrics without --per-run, and writes nothing", async () => {
    const cases: [string[], RegExp][] = [
      [["--per-run", "--metrics", "accelerators.domestc"], /^ {2}--metrics: expected a metric id of this scenario, found "accelerators\.domestc"; did you mean "accelerators\.domestic"\?$/m],
      [["--per-run", "--metrics", "share.domestic,acelerators.imp*"], /^ {2}--metrics: expected a glob matching a metric id of this scenario, found "acelerators\.imp\*"; did you mean "accelerators\.imported"\?$/m],
      [["--metrics", "share.domestic"], /^ {2}--metrics: chooses what --per-run writes \(summaries always hold every metric\); expected --per-run with it, found no --per-run$/m],
    ];
    for (const [flags, message] of cases) {
      const out = join(tempDir("chipsim-perrun-"), "out");
      const r = await chipsim(["run", "baseline", "--runs", "10", "--out", out, ...flags]);
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split("\n").filter((l) => l.startsWith("  --")).length).toBe(1);
      expect(existsSync(out)).toBe(false);
    }
  });

  it("refuses an export estimated above 1 GB before running, with the estimate, the bound and the ways to cut it", async () => {
    const out = join(tempDir("chipsim-perrun-"), "out");
    const started = performance.now();
    // 200,000 runs would take minutes; the refusal comes first.
    const r = await chipsim(["run", "baseline", "--runs", "200000", "--per-run", "--out", out]);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ {2}--per-run: expected at most 1 GB of per-run output without --force, found an estimated 38 GB \(200,000 runs x 270 metrics x 12 years\); choose fewer metrics with --metrics \(e\.g\. --metrics 'accelerators\.\*'\), run fewer --runs, or pass --force to write it$/m,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("writes a large run's per-run output once --metrics brings it under the bound", async () => {
    const out = join(tempDir("chipsim-perrun-"), "out");
    const refused = await chipsim(["run", "baseline", "--runs", "20000", "--workers", "1", "--per-run", "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/found an estimated 3\.8 GB \(20,000 runs x 270 metrics x 12 years\)/);
    const cut = await chipsim(["run", "baseline", "--runs", "20000", "--workers", "1", "--per-run", "--metrics", "accelerators.domestic", "--formats", "json,csv", "--out", out]);
    expect(cut.code).toBe(0);
    expect(cut.stderr).toMatch(/^per-run output: about 14 MB \(20,000 runs x 1 metric x 12 years\)$/m);
    expect(Math.abs(statSync(join(out, "per_run.csv")).size / 14e6 - 1)).toBeLessThan(0.1);
  });
});
