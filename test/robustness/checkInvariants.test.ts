import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChipsimError, compareScenarios, compileModel, hybridScenario, InvariantError, ModelError, ModelEvaluator, planJob, runMonteCarlo, type CompiledModel } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { WorkerTeam } from "../../packages/cli/src/parallel/workerTeam.js";
import { checkedAndPlain, chipsim } from "../helpers/cli.js";
import { resolve, spoiledForWorkers, zeroTflops } from "../helpers/scenario.js";

const temp = () => mkdtempSync(join(tmpdir(), "chipsim-invariants-"));

/** The model with a last agent that leaves a negative count behind in quarter 3: only the check can see it. */
const sabotaged = (model: CompiledModel): CompiledModel => {
  const saboteur = { name: "market" as const, reset() {}, step: (w: CompiledModel["world"]) => void (w.q === 3 && (w.goodDies[0] = -1)) };
  return { ...model, agents: [...model.agents, saboteur] };
};

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
      // The run is named with the command that replays it alone.
      await expect(job).rejects.toMatchObject({ exitCode: 1, message: expect.stringMatching(/^scenario baseline, run (\d+), \d{4}Q\d: .*\(replay this run with: chipsim run baseline --seed 3 --replay \1, and the same --set flags\)$/) });
    } finally {
      await team.stop();
    }
  });

  it("names a Monte Carlo run's value that is not finite with the command that replays it", () => {
    const model = compileModel(spoiledForWorkers(zeroTflops).spoiled);
    expect(() => runMonteCarlo(model, { runs: 1, seed: 3 })).toThrow(ModelError);
    // The model's recorder is kept from job to job: the second job's error names its own seed.
    expect(() => runMonteCarlo(model, { runs: 1, seed: 7 })).toThrow(
      /^scenario baseline, run 0, 2024Q1: \S+ is (NaN|-?Infinity), not a finite number \(replay this run with: chipsim run baseline --seed 7 --replay 0, and the same --set flags\)$/,
    );
  });
});

describe("compare --check-invariants", () => {
  it("checks every run of every scenario on every thread, and the attribution's, and writes the unchecked JSON", async () => {
    const args = ["compare", "baseline", "hbm-chokehold", "--runs", "2100", "--attribution-runs", "200", "--seed", "5", "--format", "json"];
    const { checked, plain } = await checkedAndPlain(args, 3);
    for (const id of ["baseline", "hbm-chokehold"]) {
      expect(checked.stderr).toContain(`${id}: invariants held in all 100,800 quarters checked, of 100,800 (2,100 runs x 48 quarters)`);
    }
    // Baseline, hbm-chokehold and one hybrid per group of changes, 200 runs each.
    const pieces = JSON.parse(plain.stdout).attribution[0].groups.length + 2;
    const quarters = (pieces * 200 * 48).toLocaleString("en-US");
    expect(checked.stderr).toContain(`attribution hbm-chokehold - baseline (${pieces} run sets): invariants held in all ${quarters} quarters checked, of ${quarters}`);
  });

  it("stops at a broken invariant, with stored runs or streamed pairs", async () => {
    const models = [compileModel(resolve("baseline")), sabotaged(compileModel(resolve("hbm-chokehold")))];
    for (const memoryBoundBytes of [undefined, 1]) {
      const options = { runs: 30, seed: 2, ...(memoryBoundBytes ? { memoryBoundBytes } : {}) };
      await expect(compareScenarios(models, { ...options, checkInvariants: true })).rejects.toThrow(InvariantError);
      await expect(compareScenarios(models, { ...options, checkInvariants: true })).rejects.toThrow(/hbm-chokehold, run 0, 2024Q4: invariant nonNegative broken/);
      expect((await compareScenarios(models, options)).runs).toBe(30);
    }
  });
});


describe("a broken invariant in an attribution hybrid", () => {
  it("names the hybrid's run and points to the comparison, since no command runs a hybrid alone", () => {
    const hybrid = hybridScenario(resolve("baseline"), resolve("hbm-chokehold"), ["policy"]);
    const model = sabotaged(compileModel(hybrid));
    expect(() => runMonteCarlo(model, { runs: 3, seed: 2, checkInvariants: true })).toThrow(
      /^scenario baseline\+policy, attribution run 0 \(baseline with hbm-chokehold's policy\), 2024Q4: invariant nonNegative broken: .*\(a hybrid of the attribution cannot be run alone; chipsim compare baseline hbm-chokehold with the same --seed/,
    );
  });
});

describe("sensitivity --check-invariants", () => {
  it("checks every model run on every thread and writes the unchecked report", async () => {
    const args = ["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2030", "--runs", "3000", "--format", "json"];
    const { checked, plain } = await checkedAndPlain(args, 3);
    // Every model run of the analysis: the tornado's, the screen's and the global design's.
    const report = JSON.parse(plain.stdout);
    const runs = report.tornado.runs + report.rankCorrelations.samples + report.global.runs;
    const n = (x: number) => x.toLocaleString("en-US");
    expect(checked.stderr).toContain(`invariants held in all ${n(runs * 48)} quarters checked, of ${n(runs * 48)} (${n(runs)} runs x 48 quarters)`);
  });

  it("names the evaluation that broke one, and says that --replay would not reproduce it", () => {
    const model = sabotaged(compileModel(resolve("baseline")));
    const point = new Float64Array(model.table.size).fill(0.5);
    const out = new Float64Array(1);
    const unchecked = new ModelEvaluator(model, "accelerators.domestic", 2030);
    expect(() => unchecked.evaluateRows(point, 0, 1, out, 5)).not.toThrow();
    expect(unchecked.quartersChecked).toBe(0);
    const evaluator = new ModelEvaluator(model, "accelerators.domestic", 2030, { checkInvariants: true });
    const evaluate = () => evaluator.evaluateRows(point, 0, 1, out, 5);
    expect(evaluate).toThrow(InvariantError);
    expect(evaluate).toThrow(/^scenario baseline, sensitivity evaluation 5, 2024Q4: invariant nonNegative broken: .*\(the same sensitivity command, .*--replay 5 would not/);
    expect(evaluator.quartersChecked).toBe(0);
    // A model that keeps its invariants: every quarter of every row counted.
    const sound = new ModelEvaluator(compileModel(resolve("baseline")), "accelerators.domestic", 2030, { checkInvariants: true });
    sound.evaluateRows(new Float64Array(2 * model.table.size).fill(0.5), 0, 2, new Float64Array(2), 0);
    expect(sound.quartersChecked).toBe(2 * 48);
  });
});
