import { compileModel, histogramLength, PairedRuns, planPairedJob, sharedHistogram, type PairedHistograms, type PairedPlan } from "@chipsim/core";
import { describe, expect, it } from "vitest";
import { resolve } from "../helpers/scenario.js";

/** Everything a paired job's statistics say, as text: each side's summaries and counts, each pair's summaries and counts of B > A. */
function fingerprint(paired: PairedRuns): string {
  const sides = paired.sides.map((side) => ({
    series: Array.from({ length: side.plan.series }, (_, s) => side.seriesSummary(s)),
    binding: Array.from(side.binding),
    euv: Array.from(side.euvReadyFirstYear),
    runs: side.runs,
  }));
  const pairs = paired.pairs.map((pair) => ({ series: Array.from({ length: pair.binned!.series }, (_, s) => pair.binned!.summary(s)), greater: Array.from(pair.greater) }));
  return JSON.stringify({ sides, pairs });
}

function histogramsFor(plan: PairedPlan): PairedHistograms {
  return {
    sides: plan.sides.map((side) => sharedHistogram(histogramLength(side.layout!))),
    pairs: plan.pairLayouts!.map((layout) => sharedHistogram(histogramLength(layout))),
  };
}

describe("paired runs of a streamed comparison", () => {
  const models = [compileModel(resolve("baseline")), compileModel(resolve("hbm-chokehold"))];
  const runs = 2100;
  const plan = planPairedJob(models, { runs, seed: 3, checkInvariants: false, sampling: {} });
  const whole = new PairedRuns(models, plan);
  whole.runSlice(0, runs);
  const expected = fingerprint(whole);

  it("gives the same bits from slices run apart and merged in another order, as they travel between threads", () => {
    const parts = [
      [1024, 1024],
      [2048, 52],
      [0, 1024],
    ].map(([first, count]) => {
      const part = new PairedRuns(models, plan);
      part.runSlice(first!, count!);
      return part;
    });
    const merged = parts[0]!;
    merged.mergePartial(parts[1]!.toPartial());
    merged.mergePartial(parts[2]!.toPartial());
    merged.requireCoversJob();
    expect(fingerprint(merged)).toBe(expected);
  });

  it("gives the same bits when the threads fill shared histograms and only sums and counts travel", () => {
    const histograms = histogramsFor(plan);
    const mine = new PairedRuns(models, plan, histograms);
    const theirs = new PairedRuns(models, plan, histograms);
    theirs.runSlice(1024, 1024);
    mine.runSlice(2048, 52);
    mine.runSlice(0, 1024);
    const partial = theirs.toPartial(true);
    expect(partial.sides.every((side) => side.arrays["bins"] === undefined) && partial.pairs.every((pair) => pair.bins === undefined)).toBe(true);
    mine.mergePartial(partial, true);
    mine.requireCoversJob();
    expect(fingerprint(mine)).toBe(expected);
  });

  it("refuses a slice that is not block-aligned, and notices runs missing from the merge", () => {
    expect(() => new PairedRuns(models, plan).runSlice(10, 100)).toThrow(/a slice starts and ends at a multiple of 1024 runs/);
    const part = new PairedRuns(models, plan);
    part.runSlice(0, 1024);
    expect(() => part.requireCoversJob()).toThrow(/runs 1024\.\.2099 are missing/);
  });
});
