import { mkdirSync, writeFileSync } from "node:fs";
import { compileModel, INVARIANTS, runMonteCarlo, summarize, type ResolvedScenario, type Summary } from "@chipsim/core";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { scenarioCases, type ScenarioCase } from "./randomScenario.js";
import { resolveCase } from "./resolveCase.js";

/** Fixed, so the same scenarios are checked on every machine and every run of the tests. */
const FAST_CHECK_SEED = 20261130;
const SCENARIOS = 60;

const tally = { scenariosChecked: 0, discardedAsInvalid: 0, runs: 0, quarters: 0, properties: [] as string[] };

let quarters = 0;
function run(scenario: ResolvedScenario, c: ScenarioCase): Summary {
  const model = compileModel(scenario);
  quarters = model.world.layout.quarters;
  const aggregate = runMonteCarlo(model, { runs: c.runs, seed: c.seed, checkInvariants: true });
  return summarize(model, aggregate, c.seed);
}

/** Every number anywhere in the summary, with its path. */
function* numbersIn(value: unknown, path = ""): Generator<[string, number]> {
  if (typeof value === "number") yield [path, value];
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* numbersIn(v, `${path}.${k}`);
}

function checkSummary(s: Summary): void {
  for (const [path, v] of numbersIn(s)) expect(Number.isFinite(v), `${path} is ${v}`).toBe(true);
  for (const [design, byYear] of Object.entries(s.bottlenecks)) {
    for (const [year, shares] of Object.entries(byYear)) {
      const values = Object.values(shares) as number[];
      for (const v of values) expect(v, `${design} ${year}`).toBeGreaterThanOrEqual(0);
      // A year in which the design never shipped has no binding constraint at all.
      const total = values.reduce((a, b) => a + b, 0);
      if (total > 0) expect(Math.abs(total - 1), `bottleneck shares of ${design} in ${year} sum to ${total}`).toBeLessThanOrEqual(1e-9);
    }
  }
  for (const [id, byYear] of Object.entries(s.metrics)) {
    if (!id.startsWith("share.")) continue;
    for (const [year, series] of Object.entries(byYear)) {
      for (const [stat, v] of Object.entries(series)) {
        if (stat === "sd" || stat === "n") continue;
        if (typeof v === "number") expect(v >= 0 && v <= 1, `${id} ${year} ${stat} is ${v}`).toBe(true);
      }
    }
  }
  for (const [milestone, byYear] of Object.entries(s.milestones)) {
    let previous = 0;
    for (const [year, p] of Object.entries(byYear)) {
      expect(p >= 0 && p <= 1, `${milestone} ${year} is ${p}`).toBe(true);
      expect(p, `${milestone} falls in ${year}`).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  }
}

describe("invariants over random valid scenarios", () => {
  afterAll(() => {
    mkdirSync("test-results", { recursive: true });
    writeFileSync(
      "test-results/robustness-invariants.json",
      `${JSON.stringify({ fastCheckSeed: FAST_CHECK_SEED, invariantsPerQuarter: INVARIANTS, ...tally }, null, 2)}\n`,
    );
  });

  it("hold in every quarter of every run; summaries are finite, shares and probabilities in range; the same seed gives the same bytes", () => {
    fc.assert(
      fc.property(scenarioCases(), (c) => {
        const scenario = resolveCase(c);
        if (!scenario) {
          tally.discardedAsInvalid++;
          fc.pre(false);
          return;
        }
        const summary = run(scenario, c);
        checkSummary(summary);
        // Compiled afresh: nothing left over from the first job may change a byte.
        expect(JSON.stringify(run(scenario, c))).toBe(JSON.stringify(summary));
        tally.scenariosChecked++;
        tally.runs += c.runs;
        tally.quarters += c.runs * quarters;
      }),
      { seed: FAST_CHECK_SEED, numRuns: SCENARIOS },
    );
    tally.properties.push(
      ...INVARIANTS.map((i) => `invariant ${i}, every quarter of every run`),
      "summary numbers finite",
      "bottleneck shares per design-year sum to 1 (1e-9)",
      "share.* metrics in [0, 1]",
      "milestone probabilities in [0, 1] and non-decreasing",
      "same seed, byte-identical summary JSON",
    );
    expect(tally.scenariosChecked).toBe(SCENARIOS);
  });
});
