import { compileModel, replayRun, runMonteCarlo } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { resolve } from "../helpers/scenario.js";

/** The designers' one-quarter metrics, against the quarter's observables of the same run. */
describe("quarterly designer figures", () => {
  const model = compileModel(resolve("baseline", [{ path: "quarterly", value: true }]));
  const years = Math.ceil(model.context.quarters / 4);
  const metric = (id: string) => {
    const m = model.metrics.findIndex((x) => x.id === id);
    if (m < 0) throw new Error(`no metric ${id}`);
    return m;
  };
  const huawei = model.context.designIds.filter((id) => model.scenario.tree.designs[id]?.designer === "Huawei");

  it("are off unless the scenario asks: the baseline has none", () => {
    const plain = compileModel(resolve("baseline"));
    expect(plain.metrics.some((m) => m.aggregation.kind === "quarter")).toBe(false);
    // Three quantities, four quarters, every designer.
    const designers = new Set(model.context.designIds.map((id) => model.scenario.tree.designs[id]?.designer));
    expect(model.metrics.length - plain.metrics.length).toBe(12 * designers.size);
  });

  it("give each quarter's own deployments, which sum to the year's", () => {
    const run = replayRun(model, 5, 3);
    const count = model.observables.size;
    // Huawei's units in quarter q of the run, by hand from every Huawei design's observable.
    const byHand = (q: number, prefix: string) =>
      huawei.reduce((sum, id) => sum + (run.quarters[q * count + (model.observables.indexOf(`${prefix}.${id}`) as number)] as number), 0);
    const at = (id: string, y: number) => run.values[metric(id) * years + y] as number;
    // 2026 (year 2): quarters 8-11.
    for (let k = 0; k < 4; k++) {
      expect(at(`designer.huawei.accelerators.Q${k + 1}`, 2)).toBeCloseTo(byHand(8 + k, "accelerators"), 6);
      expect(at(`designer.huawei.H100e.Q${k + 1}`, 2)).toBeCloseTo(byHand(8 + k, "h100e"), 6);
      expect(at(`designer.huawei.revenueUSD.Q${k + 1}`, 2)).toBeCloseTo(byHand(8 + k, "revenue"), 0);
    }
    // Deployments grow through 2026 in this run, so the quarters differ: a metric that repeated the year's or one quarter's value would fail.
    expect(at("designer.huawei.accelerators.Q4", 2)).not.toBeCloseTo(at("designer.huawei.accelerators.Q1", 2), 0);
    expect(at("designer.huawei.accelerators.Q1", 2)).toBeGreaterThan(0);
    for (let y = 0; y < years; y++) {
      for (const quantity of ["accelerators", "H100e", "revenueUSD"]) {
        const quarters = [1, 2, 3, 4].reduce((sum, k) => sum + at(`designer.huawei.${quantity}.Q${k}`, y), 0);
        expect(quarters).toBeCloseTo(at(`designer.huawei.${quantity}`, y), quantity === "revenueUSD" ? -1 : 3);
      }
    }
  });

  it("leave every other metric as it was, run by run", () => {
    const plain = compileModel(resolve("baseline"));
    const seen: Float64Array[] = [];
    const withQuarters: Float64Array[] = [];
    runMonteCarlo(plain, { runs: 3, seed: 9, discardValues: true, onRun: (_r, values) => seen.push(values.slice()) });
    runMonteCarlo(model, { runs: 3, seed: 9, discardValues: true, onRun: (_r, values) => withQuarters.push(values.slice(0, plain.metrics.length * years)) });
    expect(withQuarters).toEqual(seen);
  });
});
