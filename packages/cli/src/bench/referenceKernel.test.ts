import { normalCdf } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { baselineAgentSteps } from "./agentSteps.js";
import { agentYear, KERNEL_AGENT_STEPS, KERNEL_DRAWS_PER_AGENT_YEAR, KERNEL_QUANTILES, KERNEL_SERIES, KERNEL_YEARS, referenceKernelDraws, runReferenceKernel } from "./referenceKernel.js";
import { nextSfc32, seedSfc32 } from "./sfc32.js";
import { zigguratNormal } from "./ziggurat.js";

describe("sfc32", () => {
  it("gives the published sequence for a = 0, b = 12345, c = 0, counter 1 after 12 discarded outputs", () => {
    // The test vector of maloquacious/prng (sfc32_test.go), an independent implementation.
    const state = new Int32Array(4);
    seedSfc32(state, 0, 12345, 0);
    const outputs = Array.from({ length: 5 }, () => nextSfc32(state) >>> 0);
    expect(outputs).toEqual([235160590, 2967261163, 116171463, 2882324903, 362604721]);
  });
});

describe("the ziggurat", () => {
  it("draws standard normals: moments, the distribution function and the tail beyond R", () => {
    const state = new Int32Array(4);
    seedSfc32(state, 1, 2, 3);
    const n = 200_000;
    const draws = new Float64Array(n);
    for (let i = 0; i < n; i++) draws[i] = zigguratNormal(state);
    let sum = 0;
    let squares = 0;
    let tail = 0;
    for (const z of draws) {
      sum += z;
      squares += z * z;
      if (Math.abs(z) > 3.442619855899) tail++;
    }
    // Standard errors: 0.0022 for the mean, 0.0032 for the variance.
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.015);
    // P(|Z| > R) = 2 (1 - Phi(3.4426)) = 5.76e-4: 115 of 200,000 expected.
    expect(tail).toBeGreaterThan(70);
    expect(tail).toBeLessThan(170);
    // Kolmogorov distance from Phi; 0.003 is the 5% critical value for this n.
    draws.sort();
    let distance = 0;
    for (let i = 0; i < n; i++) {
      const f = normalCdf(draws[i] as number);
      distance = Math.max(distance, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(distance).toBeLessThan(0.004);
  });
});

describe("the reference kernel", () => {
  it("steps an agent's year as written out by hand", () => {
    const capacity = Float64Array.of(2);
    const efficiency = Float64Array.of(0.7);
    const totals = new Float64Array(5);
    agentYear(capacity, efficiency, 0, 1, -2, 0.5, 1, -1, totals);
    // capacity 2 (1.05 + 0.02) = 2.14; efficiency 0.7 - 0.02 = 0.68; utilisation 0.8 + 0.025 = 0.825;
    // made 2.14 x 0.68 x 0.825 = 1.20054; demand 2.14 x 0.9 = 1.926, so all is sold, at price 1.1, and the agent is short.
    expect(capacity[0]).toBeCloseTo(2.14, 12);
    expect(efficiency[0]).toBeCloseTo(0.68, 12);
    const expected = [2.14, 1.20054, 1.20054, 1.320594, 1];
    expected.forEach((x, o) => expect(totals[o]).toBeCloseTo(x, 12));
    // Efficiency and utilisation stop at 1; a demand pushed below 0 is 0, so nothing is sold and nobody is short.
    const high = Float64Array.of(0.995);
    agentYear(Float64Array.of(1), high, 0, 0, 1, 5, 0, -20, totals.fill(0));
    expect(high[0]).toBe(1);
    expect(Array.from(totals)).toEqual([1.05, 1.05, 0, 0, 0]);
  });

  it("gives the same quantiles for the same seed, in order, and the first year's capacity as computed by hand", () => {
    const runs = 4000;
    const a = runReferenceKernel(runs, 7);
    expect(a).toHaveLength(KERNEL_SERIES * KERNEL_QUANTILES.length);
    expect(runReferenceKernel(runs, 7)).toEqual(a);
    expect(runReferenceKernel(runs, 8)).not.toEqual(a);
    for (let s = 0; s < KERNEL_SERIES; s++) {
      expect(a[s * 3] as number).toBeLessThanOrEqual(a[s * 3 + 1] as number);
      expect(a[s * 3 + 1] as number).toBeLessThanOrEqual(a[s * 3 + 2] as number);
    }
    // Year 0's capacity is sum_a (1 + a/30)(1.05 + 0.02 z_a): mean 1.05 x 44.5 = 46.725 and
    // sd 0.02 sqrt(sum_a (1 + a/30)^2) = 0.02 sqrt(68.5056) = 0.16554, so P5 and P95 lie 0.27230 either side.
    expect(a[1] as number).toBeCloseTo(46.725, 1);
    expect(a[0] as number).toBeCloseTo(46.725 - 0.2723, 1);
    expect(a[2] as number).toBeCloseTo(46.725 + 0.2723, 1);
  });

  it("draws 1,800 normals a run for its floor, as the kernel does", () => {
    expect(KERNEL_AGENT_STEPS * KERNEL_DRAWS_PER_AGENT_YEAR).toBe(1800);
    expect(KERNEL_YEARS).toBe(12);
    // The mean of 1,000 runs x 1,800 standard normals has a standard error of 1 / sqrt(1.8e6) = 7.5e-4.
    expect(Math.abs(referenceKernelDraws(1000, 7) / 1.8e6)).toBeLessThan(3e-3);
  });
});

describe("the baseline's agent-steps", () => {
  it("counts each entity of the world's lists and each single agent once a quarter", () => {
    // 48 quarters x (11 designs + 2 nodes + 4 HBM pools + 1 die bank + 10 levers + 4 single agents) = 48 x 32.
    expect(baselineAgentSteps({ quarters: 48, params: 262, observables: 79, levers: 10, nodes: 2, designs: 11, hbmPools: 4, dieBanks: 1 })).toBe(1536);
  });
});
