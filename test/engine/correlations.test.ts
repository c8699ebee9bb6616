import { compileModel, jobKey, rankCorrelation } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { chipsim } from "../helpers/cli.js";
import { resolve } from "../helpers/scenario.js";
import { childScenario, tempDir } from "../helpers/tempScenarios.js";

const A = "subsidies.packageTotal"; // uniform(28e9, 70e9) USD in the baseline
const B = "fabs.smic-n2.plannedAdditionsPerYear";

function correlated(rank: number, extra = ""): string {
  return childScenario(tempDir(), "correlated.yaml", `correlations:\n  - {between: [${A}, ${B}], rank: ${rank}, assumption: test}\n${extra}`);
}

/** Parameter values of runs 0..n-1, as the engine draws them. */
function draws(file: string, paths: string[], n: number): number[][] {
  const model = compileModel(resolve(file));
  const index = paths.map((p) => model.table.indexOfPath(p) as number);
  const key = jobKey(1);
  const words = new Uint32Array(2);
  const out = paths.map(() => [] as number[]);
  const values = new Float64Array(model.table.size);
  for (let run = 0; run < n; run++) {
    keyOf(key, run, words);
    model.table.draw(words, values);
    index.forEach((i, k) => out[k]!.push(values[i] as number));
  }
  return out;
}

function keyOf(key: readonly [number, number], run: number, words: Uint32Array): void {
  // A different but fixed key per run is all the correlation test needs.
  words[0] = (key[0] + Math.imul(run, 0x9e3779b1)) >>> 0;
  words[1] = (key[1] ^ run) >>> 0;
}

describe("rank correlations", () => {
  const n = 4000;

  it("reach the requested rank correlation within sampling error", () => {
    for (const rank of [0.7, -0.5]) {
      const [a, b] = draws(correlated(rank), [A, B], n);
      // Spearman's standard error here is about (1 - rho^2) / sqrt(n) < 0.016; allow 3 of them.
      expect(rankCorrelation(a!, b!)).toBeCloseTo(rank, 1);
      expect(Math.abs(rankCorrelation(a!, b!) - rank)).toBeLessThan(0.05);
    }
  });

  it("leave each parameter's own distribution unchanged", () => {
    const [a] = draws(correlated(0.8), [A], n);
    // Kolmogorov-Smirnov distance from the exact uniform(28e9, 70e9) CDF; 1.63 / sqrt(n) is its 99% critical value.
    const sorted = [...a!].sort((x, y) => x - y);
    const ks = sorted.reduce((d, x, i) => {
      const f = (x - 28e9) / 42e9;
      return Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }, 0);
    expect(ks).toBeLessThan(1.63 / Math.sqrt(n));
    expect(Math.min(...a!)).toBeGreaterThanOrEqual(28e9);
    expect(Math.max(...a!)).toBeLessThanOrEqual(70e9);
  });

  it("does nothing to parameters outside the correlation", () => {
    const other = "market.demandGrowth";
    const [with_] = draws(correlated(0.9), [other], 200);
    const [without] = draws(childScenario(tempDir(), "plain.yaml", ""), [other], 200);
    expect(with_).toEqual(without);
  });

  it("refuses coefficients that cannot hold together, and ill-formed ones", async () => {
    const dir = tempDir();
    const impossible = childScenario(
      dir,
      "impossible.yaml",
      [
        "correlations:",
        `  - {between: [${A}, ${B}], rank: -0.9, assumption: test}`,
        `  - {between: [${A}, market.demandGrowth], rank: -0.9, assumption: test}`,
        `  - {between: [${B}, market.demandGrowth], rank: -0.9, assumption: test}`,
        "",
      ].join("\n"),
    );
    const r = await chipsim(["run", impossible, "--runs", "10"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("correlations: expected correlations that can hold together (a positive-definite correlation matrix)");
    const fixed = await chipsim(["validate", childScenario(dir, "fixed.yaml", `correlations:\n  - {between: [${A}, yield.waferDiameter], rank: 0.5, assumption: test}\n`)]);
    expect(fixed.stderr).toContain('correlations.0.between.1: expected an uncertain parameter (a distribution, not a fixed value), found "yield.waferDiameter" fixed at 300');
    const drawn = await chipsim(["validate", childScenario(dir, "drawn.yaml", `correlations:\n  - {between: [${A}, ${B}], rank: {dist: uniform, min: 0.1, max: 0.5}, assumption: test}\n`)]);
    expect(drawn.stderr).toContain("correlations.0.rank: expected a fixed correlation coefficient, found a uniform distribution");
  });
});
