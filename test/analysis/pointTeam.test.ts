import { ChipsimError, compileModel, evaluateRowsWith, ModelEvaluator, StreamRng } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { PointTeam } from "../../packages/cli/src/parallel/pointTeam.js";
import { stopWorkers } from "../../packages/cli/src/parallel/sharedWork.js";
import { chipsim } from "../helpers/cli.js";
import { resolve, spoiledForWorkers, zeroTflops } from "../helpers/scenario.js";

/** `rows` rows of uniforms for `dimensions` parameters, from a fixed stream. */
function randomPoints(rows: number, dimensions: number): Float64Array {
  const rng = new StreamRng();
  rng.reset(1, 2, 3);
  return Float64Array.from({ length: rows * dimensions }, () => rng.next());
}

/**
 * A batch of 4,000 rows (about half a second, so the worker claims some
 * after building its model) on this thread and one worker, the worker
 * given the baseline spoiled by `spoil`.
 */
async function evaluateOnSpoiledWorker(spoil: (tree: Record<string, unknown>) => void): Promise<Float64Array> {
  const { scenario, spoiled } = spoiledForWorkers(spoil);
  const model = compileModel(scenario);
  const workers = PointTeam.startWorkers(1);
  try {
    return await PointTeam.forOutput(workers, spoiled, model, { metric: "accelerators.domestic", year: 2030 }).evaluate(randomPoints(4000, model.table.size), 4000);
  } finally {
    await stopWorkers(workers);
  }
}

/**
 * `chipsim sensitivity --workers N` evaluates its batches of points on N
 * threads: every output lands at its row, so the outputs, and the report,
 * are the same bits for any N.
 */
describe("evaluating points on several threads", () => {
  it("gives each row the output one thread gives it", async () => {
    const scenario = resolve("baseline");
    const model = compileModel(scenario);
    const dimensions = model.table.size;
    const points = randomPoints(600, dimensions);
    const serial = evaluateRowsWith(new ModelEvaluator(compileModel(scenario), "accelerators.domestic", 2030))(points, 600) as Float64Array;
    const workers = PointTeam.startWorkers(2);
    try {
      const progress: number[] = [];
      const team = PointTeam.forOutput(workers, scenario, model, { metric: "accelerators.domestic", year: 2030 }, (done) => progress.push(done));
      // Two batches: the second's rows are numbered on from the first's.
      const first = await team.evaluate(points.subarray(0, 200 * dimensions), 200);
      const second = await team.evaluate(points.subarray(200 * dimensions), 400);
      expect([...first, ...second]).toEqual([...serial]);
      // Progress counts every thread's rows, over both batches, and never goes back.
      expect(progress.at(-1)).toBe(600);
      expect(progress).toContain(200);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
      await expect(team.evaluate(points, 3)).rejects.toThrow(`expected 3 rows of ${dimensions} uniforms, found ${points.length} numbers`);
    } finally {
      await stopWorkers(workers);
    }
  });

  it("evaluates each row of a batch as that row alone", () => {
    const model = compileModel(resolve("baseline"));
    const dimensions = model.table.size;
    const points = randomPoints(3, dimensions);
    const evaluator = new ModelEvaluator(model, "accelerators.domestic", 2030);
    const together = new Float64Array(3);
    evaluator.evaluateRows(points, 0, 3, together, 0);
    const alone = [0, 1, 2].map((r) => {
      const out = new Float64Array(1);
      evaluator.evaluateRows(Float64Array.from(points.subarray(r * dimensions, (r + 1) * dimensions)), 0, 1, out, r);
      return out[0];
    });
    expect([...together]).toEqual(alone);
    expect(new Set(alone).size).toBe(3);
    expect(evaluator.runs).toBe(6);
  });

  it("stops the batch on a worker's error and passes it on with its code", async () => {
    const batch = evaluateOnSpoiledWorker(zeroTflops);
    await expect(batch).rejects.toBeInstanceOf(ChipsimError);
    // Named as the analysis's evaluation, which --replay (a Monte Carlo run) would not reproduce.
    await expect(batch).rejects.toMatchObject({ exitCode: 1, message: expect.stringMatching(/^scenario baseline, sensitivity evaluation (\d+), \d{4}Q\d: .* is (NaN|-?Infinity), not a finite number \(the same sensitivity command.*--replay \1 would not/) });
  });

  it("reports why a worker could not build its model, at the first batch", async () => {
    const batch = evaluateOnSpoiledWorker((tree) => delete tree["packaging"]);
    await expect(batch).rejects.toThrow(/^a worker stopped: /);
    await expect(batch).rejects.not.toThrow(/before the model/);
  });

  it("gives chipsim sensitivity the same report on one thread and on three", async () => {
    const args = ["sensitivity", "baseline", "--metric", "compute.installedH100e", "--year", "2029", "--runs", "3000", "--format", "json"];
    const one = await chipsim([...args, "--workers", "1"]);
    const three = await chipsim([...args, "--workers", "3"]);
    expect(one.code).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    const morris = ["sensitivity", "hbm-chokehold", "--metric", "accelerators.domestic", "--year", "2028", "--method", "morris", "--group-by", "param", "--runs", "1500", "--format", "json"];
    expect((await chipsim([...morris, "--workers", "2"])).stdout).toBe((await chipsim([...morris, "--workers", "1"])).stdout);
  });

  it("refuses a number of threads that is not a whole number above 0", async () => {
    const r = await chipsim(["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2030", "--workers", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--workers: expected a whole number of threads, at least 1, found 0");
  });
});
