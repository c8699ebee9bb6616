import { mkdirSync, writeFileSync } from "node:fs";
import { compileModel, INVARIANTS, overrideValue, runMonteCarlo } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { resolve } from "../helpers/scenario.js";
import { resolveCase } from "./resolveCase.js";

/** The ends of each parameter's documented range are valid input, so the model must keep its invariants there too. */
describe("invariants at the ends of every range", () => {
  it("hold with each parameter of the baseline at either end of its documented range", () => {
    const base = resolve("baseline");
    let checked = 0;
    for (const param of base.params) {
      for (const end of [param.spec.min, param.spec.max]) {
        if (end === undefined) continue;
        const scenario = resolveCase({ base: "baseline", overrides: [{ path: param.path, value: overrideValue(param, end) }], seed: 1, runs: 5 });
        // An end can break a cross-field rule (a floor above its start): that scenario is refused, not run.
        if (!scenario) continue;
        const model = compileModel(scenario);
        expect(() => runMonteCarlo(model, { runs: 5, seed: 1, checkInvariants: true }), `${param.path} = ${end}`).not.toThrow();
        checked++;
      }
    }
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/robustness-range-ends.json", `${JSON.stringify({ scenario: "baseline", rangeEndsChecked: checked, runsEach: 5, invariantsPerQuarter: INVARIANTS }, null, 2)}\n`);
    expect(checked).toBeGreaterThan(100);
  });
});
