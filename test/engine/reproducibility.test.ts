import { describe, expect, it } from "vitest";
import { runScenario } from "../helpers/scenario.js";

describe("reproducibility", () => {
  it("gives byte-identical summaries for the same scenario and seed", () => {
    const a = JSON.stringify(runScenario("baseline", [], 200, 7));
    const b = JSON.stringify(runScenario("baseline", [], 200, 7));
    expect(a).toBe(b);
  });

  it("gives different results for another seed", () => {
    const a = runScenario("baseline", [], 200, 7);
    const b = runScenario("baseline", [], 200, 8);
    expect(a.metrics["accelerators.domestic"]?.["2030"]?.mean).not.toBe(b.metrics["accelerators.domestic"]?.["2030"]?.mean);
  });

  it("shares random numbers between scenarios: a change leaves what it cannot reach untouched", () => {
    // The revenue share affects only the money paid on imports, not wafers or accelerators.
    const base = runScenario("baseline", [], 200, 3);
    const changed = runScenario("baseline", [{ path: "market.revenueShare", value: 0.5 }], 200, 3);
    expect(JSON.stringify(changed.metrics["wafers.advanced"])).toBe(JSON.stringify(base.metrics["wafers.advanced"]));
    expect(JSON.stringify(changed.metrics["accelerators.domestic"])).toBe(JSON.stringify(base.metrics["accelerators.domestic"]));
    expect(changed.metrics["imports.revenueSharePaidUSD"]?.["2026"]?.mean).not.toBe(base.metrics["imports.revenueSharePaidUSD"]?.["2026"]?.mean);
  });

  it("gives the same runs whether run in one block or as slices merged", async () => {
    const { compileModel, MonteCarloAggregate, planJob, runMonteCarlo, summarize } = await import("@chipsim/core");
    const { resolve } = await import("../helpers/scenario.js");
    const model = compileModel(resolve("baseline"));
    const plan = planJob(model, { runs: 90, seed: 5 });
    const whole = runMonteCarlo(model, { plan });
    const first = runMonteCarlo(model, { plan, firstRun: 0, count: 40 });
    const second = runMonteCarlo(model, { plan, firstRun: 40, count: 50 });
    const merged = MonteCarloAggregate.combine(plan, [second, first]);
    expect(JSON.stringify(summarize(model, merged, 5))).toBe(JSON.stringify(summarize(model, whole, 5)));
  });
});
