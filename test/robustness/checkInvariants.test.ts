import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChipsimError, compareScenarios, compileModel, InvariantError, planJob, type CompiledModel } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { WorkerTeam } from "../../packages/cli/src/parallel/workerTeam.js";
import { chipsim } from "../helpers/cli.js";
import { resolve, spoiledForWorkers, zeroTflops } from "../helpers/scenario.js";

const temp = () => mkdtempSync(join(tmpdir(), "chipsim-invariants-"));

/**
 * `chipsim run --check-invariants` checks every quarter of every run on
 * whichever thread or shard runs it, says how many quarters it checked, and
 * changes no result.
 */
describe("run --check-invariants", () => {
  it("checks every quarter on every thread and gives the unchecked run's bytes", async () => {
    const dir = temp();
    const args = ["run", "baseline", "--runs", "2100", "--seed", "5"];
    const checked = await chipsim([...args, "--workers", "3", "--check-invariants", "--out", join(dir, "checked")]);
    const plain = await chipsim([...args, "--workers", "1", "--quiet", "--out", join(dir, "plain")]);
    expect(checked.code).toBe(0);
    // 2,100 runs x 48 quarters: the slices the two workers ran were checked too, not only this thread's.
    expect(checked.stderr).toContain("invariants held in all 100,800 quarters checked, of 100,800 (2,100 runs x 48 quarters)");
    expect(plain.stderr).not.toContain("invariants");
    expect(readFileSync(join(dir, "checked", "summary.json"), "utf8")).toBe(readFileSync(join(dir, "plain", "summary.json"), "utf8"));
  });

  it("carries the count through shards to chipsim merge", async () => {
    const dir = temp();
    const parts = join(dir, "parts");
    for (const shard of ["0/2", "1/2"]) {
      const r = await chipsim(["run", "baseline", "--runs", "2100", "--seed", "5", "--shard", shard, "--check-invariants", "--quiet", "--out", parts]);
      expect(r.code).toBe(0);
    }
    const merged = await chipsim(["merge", parts, "--out", join(dir, "merged")]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain("invariants held in all 100,800 quarters checked, of 100,800 (2,100 runs x 48 quarters)");
  });

  it("reports only the quarters checked when some shards ran without the check", async () => {
    const dir = temp();
    const parts = join(dir, "parts");
    await chipsim(["run", "baseline", "--runs", "2100", "--seed", "5", "--shard", "0/2", "--check-invariants", "--quiet", "--out", parts]);
    await chipsim(["run", "baseline", "--runs", "2100", "--seed", "5", "--shard", "1/2", "--quiet", "--out", parts]);
    const merged = await chipsim(["merge", parts, "--out", join(dir, "merged")]);
    // Shard 0 holds the first block of 1,024 runs and shard 1 the other 1,076.
    expect(merged.stderr).toContain("invariants held in all 49,152 quarters checked, of 100,800 (2,100 runs x 48 quarters)");
  });
});

describe("an error of chipsim's own inside a worker thread", () => {
  it("reaches the caller as that error, with its exit code, not as an internal error", async () => {
    // The only way to make a worker's run fail on valid input is to hand it a scenario the main
    // thread did not check: here an H100 of 0 TFLOPS, which the schema refuses, divides by zero.
    const { scenario, spoiled } = spoiledForWorkers(zeroTflops);
    const model = compileModel(scenario);
    const team = WorkerTeam.start(1);
    try {
      // 16 slices: the worker claims some even if it starts after this thread has run a few.
      const plan = planJob(model, { runs: 16 * 1024, seed: 3, statistics: "streaming" });
      const job = team.run({ scenario: spoiled, model, plan, checkInvariants: true }, 0, 16 * 1024);
      await expect(job).rejects.toBeInstanceOf(ChipsimError);
      await expect(job).rejects.toMatchObject({ exitCode: 1, message: expect.stringMatching(/baseline.*run \d+/) });
    } finally {
      await team.stop();
    }
  });
});

describe("compare --check-invariants", () => {
  it("checks every run of every scenario on every thread, and the attribution's, and writes the unchecked JSON", async () => {
    const args = ["compare", "baseline", "hbm-chokehold", "--runs", "2100", "--attribution-runs", "200", "--seed", "5", "--format", "json"];
    const checked = await chipsim([...args, "--workers", "3", "--check-invariants"]);
    const plain = await chipsim([...args, "--workers", "1"]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toBe(plain.stdout);
    expect(plain.stderr).not.toContain("invariants");
    for (const id of ["baseline", "hbm-chokehold"]) {
      expect(checked.stderr).toContain(`${id}: invariants held in all 100,800 quarters checked, of 100,800 (2,100 runs x 48 quarters)`);
    }
    // Baseline, hbm-chokehold and one hybrid per group of changes, 200 runs each.
    const pieces = JSON.parse(plain.stdout).attribution[0].groups.length + 2;
    const quarters = (pieces * 200 * 48).toLocaleString("en-US");
    expect(checked.stderr).toContain(`attribution hbm-chokehold - baseline (${pieces} run sets): invariants held in all ${quarters} quarters checked, of ${quarters}`);
  });

  it("stops at a broken invariant, with stored runs or streamed pairs", async () => {
    // A last agent that leaves a negative count behind in one quarter: only the check can see it.
    const sabotaged = (model: CompiledModel): CompiledModel => {
      const saboteur = { name: "market" as const, reset() {}, step: (w: CompiledModel["world"]) => void (w.q === 3 && (w.goodDies[0] = -1)) };
      return { ...model, agents: [...model.agents, saboteur] };
    };
    const models = [compileModel(resolve("baseline")), sabotaged(compileModel(resolve("hbm-chokehold")))];
    for (const memoryBoundBytes of [undefined, 1]) {
      const options = { runs: 30, seed: 2, ...(memoryBoundBytes ? { memoryBoundBytes } : {}) };
      await expect(compareScenarios(models, { ...options, checkInvariants: true })).rejects.toThrow(InvariantError);
      await expect(compareScenarios(models, { ...options, checkInvariants: true })).rejects.toThrow(/hbm-chokehold, run 0, 2024Q4: invariant nonNegative broken/);
      expect((await compareScenarios(models, options)).runs).toBe(30);
    }
  });
});

