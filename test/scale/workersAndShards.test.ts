import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { compileModel, planJob, runMonteCarlo, summarize, type StoredSeries } from "@chipsim/core";
import { describe, expect, it, vi } from "vitest";
import { WorkerTeam } from "../../packages/cli/src/parallel/workerTeam.js";
import { resolve } from "../helpers/scenario.js";
import { CHIPSIM_BIN } from "../helpers/bin.js";
import { parseShard, partialFileName } from "../../packages/cli/src/shardSpec.js";
import { chipsim } from "../helpers/cli.js";

const run = promisify(execFile);
const bin = CHIPSIM_BIN;
const temp = () => mkdtempSync(join(tmpdir(), "chipsim-scale-"));

describe("worker threads", () => {
  for (const statistics of ["exact", "streaming"] as const) {
    it(`give the same summary.json for 1 and 3 threads (${statistics} statistics)`, async () => {
      const dir = temp();
      const args = ["run", "baseline", "--runs", "2500", "--seed", "11", "--statistics", statistics, "--quiet"];
      const one = await chipsim([...args, "--workers", "1", "--out", join(dir, "one")]);
      const three = await chipsim([...args, "--workers", "3", "--out", join(dir, "three")]);
      expect(one.code).toBe(0);
      expect(three.code).toBe(0);
      const a = readFileSync(join(dir, "one", "summary.json"), "utf8");
      expect(readFileSync(join(dir, "three", "summary.json"), "utf8")).toBe(a);
      expect(JSON.parse(a).scenario.quantiles.method).toBe(statistics === "exact" ? "exact" : "histogram");
    });
  }

  it("summarise an exact job side by side: the summary one thread computes, none of it left to compute", async () => {
    const scenario = resolve("baseline");
    const model = compileModel(scenario);
    const plan = planJob(model, { runs: 2100, seed: 11, statistics: "exact" });
    const team = WorkerTeam.start(2);
    try {
      const aggregate = await team.run({ scenario, model, plan, checkInvariants: false }, 0, plan.runs);
      await team.summarize(aggregate);
      const computeHere = vi.spyOn(aggregate.stored as StoredSeries, "summary");
      const threaded = JSON.stringify(summarize(model, aggregate, 11));
      expect(computeHere).not.toHaveBeenCalled();
      expect(threaded).toBe(JSON.stringify(summarize(model, runMonteCarlo(compileModel(scenario), { plan }), 11)));
    } finally {
      await team.stop();
    }
  });

  it("stops its workers and reports bad input plainly when the scenario cannot be loaded", async () => {
    const started = Date.now();
    const r = await chipsim(["run", "no-such-scenario", "--runs", "20000", "--workers", "2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-scenario/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("refuses a thread count that is not a whole number", async () => {
    expect((await chipsim(["run", "baseline", "--runs", "10", "--workers", "0"])).stderr).toMatch(/--workers: expected a whole number of threads, at least 1, found 0/);
  });

  it("write --per-run files of the same bytes on 1 and 3 threads, every run in order, CSV and Parquet", async () => {
    const dir = temp();
    // Four slices of 1,024 runs and a short one: the threads take them in any order, and the rows come out in run order.
    const args = ["run", "baseline", "--runs", "4200", "--seed", "12", "--per-run", "--metrics", "accelerators.domestic,share.domestic", "--formats", "csv,parquet", "--quiet"];
    const one = await chipsim([...args, "--workers", "1", "--out", join(dir, "one")]);
    const three = await chipsim([...args, "--workers", "3", "--out", join(dir, "three")]);
    expect(one.code, one.stderr).toBe(0);
    expect(three.code, three.stderr).toBe(0);
    for (const file of ["per_run.csv", "per_run.parquet", "summary.csv"]) expect(readFileSync(join(dir, "three", file)).equals(readFileSync(join(dir, "one", file))), file).toBe(true);
    const runs = readFileSync(join(dir, "three", "per_run.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => Number(line.split(",")[1]));
    expect(runs.length).toBe(4200 * 2 * 12);
    expect(runs.every((r, k) => k === 0 || r >= (runs[k - 1] as number))).toBe(true);
    expect(runs.at(-1)).toBe(4199);
  });
});

describe("statistics and memory", () => {
  it("refuses exact statistics that would not fit the memory bound, up front, with the estimate and the way out", async () => {
    const r = await chipsim(["run", "baseline", "--runs", "1000000", "--statistics", "exact"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/need 24719 MiB, expected at most --memory-bound 512 MiB; use --statistics streaming, or raise --memory-bound/);
  });

  it("streams once the stored values pass --memory-bound", async () => {
    const dir = temp();
    // 300 runs x 3,240 metric-years x 8 bytes is 7.4 MiB: above a 2 MiB bound.
    const r = await chipsim(["run", "baseline", "--runs", "300", "--memory-bound", "2", "--quiet", "--out", dir, "--workers", "1"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")).scenario.quantiles.method).toBe("histogram");
  });
});

describe("shards", () => {
  it("four shard processes merged give the single run's summary.json byte for byte", async () => {
    const dir = temp();
    const common = ["run", "baseline", "--runs", "3000", "--seed", "21", "--quiet"];
    await run(process.execPath, [bin, ...common, "--out", join(dir, "single"), "--workers", "1"]);
    await Promise.all([0, 1, 2, 3].map((i) => run(process.execPath, [bin, ...common, "--shard", `${i}/4`, "--out", join(dir, "parts"), "--workers", "1"])));
    expect(readdirSync(join(dir, "parts")).sort()).toEqual(["partial-0-of-4.chipsim", "partial-1-of-4.chipsim", "partial-2-of-4.chipsim", "partial-3-of-4.chipsim"]);
    await run(process.execPath, [bin, "merge", join(dir, "parts"), "--out", join(dir, "merged"), "--quiet"]);
    expect(readFileSync(join(dir, "merged", "summary.json"), "utf8")).toBe(readFileSync(join(dir, "single", "summary.json"), "utf8"));
    expect(readFileSync(join(dir, "merged", "summary.csv"), "utf8")).toBe(readFileSync(join(dir, "single", "summary.csv"), "utf8"));
  });

  it("streamed shards from the environment (Slurm array numbered from 1) merge to the single run", async () => {
    const dir = temp();
    const common = ["run", "baseline", "--runs", "4096", "--seed", "5", "--statistics", "streaming", "--quiet"];
    await run(process.execPath, [bin, ...common, "--out", join(dir, "single"), "--workers", "1"]);
    await Promise.all(
      [1, 2].map((id) =>
        run(process.execPath, [bin, ...common, "--shard", "auto", "--out", join(dir, "parts"), "--workers", "1"], {
          env: { ...process.env, SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_COUNT: "2", SLURM_ARRAY_TASK_MIN: "1" },
        }),
      ),
    );
    await run(process.execPath, [bin, "merge", join(dir, "parts"), "--out", join(dir, "merged"), "--quiet"]);
    expect(readFileSync(join(dir, "merged", "summary.json"), "utf8")).toBe(readFileSync(join(dir, "single", "summary.json"), "utf8"));
  });

  it("refuses to merge a missing shard, a repeated one, another seed, or a damaged file, naming the file", async () => {
    const dir = temp();
    const common = ["run", "baseline", "--runs", "300", "--quiet", "--workers", "1"];
    for (const i of [0, 1, 2]) await chipsim([...common, "--seed", "1", "--shard", `${i}/3`, "--out", join(dir, "a")]);
    await chipsim([...common, "--seed", "2", "--shard", "2/3", "--out", join(dir, "b")]);
    const missing = await chipsim(["merge", join(dir, "a", "partial-0-of-3.chipsim"), join(dir, "a", "partial-1-of-3.chipsim")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/found no partial result for shard 2/);
    const twice = await chipsim(["merge", join(dir, "a"), join(dir, "a", "partial-1-of-3.chipsim")]);
    expect(twice.stderr).toMatch(/shard 1 appears twice/);
    const otherSeed = await chipsim(["merge", join(dir, "a", "partial-0-of-3.chipsim"), join(dir, "a", "partial-1-of-3.chipsim"), join(dir, "b", "partial-2-of-3.chipsim")]);
    expect(otherSeed.code).toBe(2);
    expect(otherSeed.stderr).toMatch(/partial-2-of-3\.chipsim: not from the same job: expected seed 1 \(as in .*partial-0-of-3\.chipsim\), found 2/);
    const damaged = join(dir, "damaged.chipsim");
    writeFileSync(damaged, readFileSync(join(dir, "a", "partial-0-of-3.chipsim")).subarray(0, 5000));
    const cut = await chipsim(["merge", damaged]);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/damaged\.chipsim: .*cut short/);
    expect(cut.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe("--shard", () => {
  it("reads i/n, Kubernetes Indexed Job and Slurm array variables", () => {
    expect(parseShard("2/5", {})).toEqual({ index: 2, count: 5 });
    expect(parseShard("auto", { JOB_COMPLETION_INDEX: "3", JOB_COMPLETIONS: "8" })).toEqual({ index: 3, count: 8 });
    expect(parseShard("auto", { SLURM_ARRAY_TASK_ID: "7", SLURM_ARRAY_TASK_COUNT: "4", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_STEP: "2" })).toEqual({ index: 3, count: 4 });
    expect(partialFileName({ index: 3, count: 12 })).toBe("partial-03-of-12.chipsim");
  });

  it("explains what is wrong", () => {
    expect(() => parseShard("4/4", {})).toThrow(/expected a shard index from 0 to 3, found 4/);
    expect(() => parseShard("1-4", {})).toThrow(/expected i\/n \(such as 0\/4\) or auto, found "1-4"/);
    expect(() => parseShard("auto", {})).toThrow(/found neither/);
    expect(() => parseShard("auto", { JOB_COMPLETION_INDEX: "1" })).toThrow(/no JOB_COMPLETIONS/);
  });
});
