import { compileModel, PairedRuns, pairedSharedFor, planPairedJob } from "@chipsim/core";
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

describe("paired runs of a streamed comparison", () => {
  const models = [compileModel(resolve("baseline")), compileModel(resolve("hbm-chokehold"))];
  const runs = 2100;
  const planned = planPairedJob(models, { runs, seed: 3, checkInvariants: false, sampling: {} });

  it("gives the same bits from slices run apart and merged in another order, as they travel between threads", async () => {
    const plan = await planned;
    const whole = new PairedRuns(models, plan);
    whole.runSlice(0, runs);
    const expected = fingerprint(whole);
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

  it("gives the same bits when the threads fill shared histograms and only sums and counts travel, and places the same bins from a pilot run that way", async () => {
    const plan = await planned;
    const whole = new PairedRuns(models, plan);
    whole.runSlice(0, runs);
    const expected = fingerprint(whole);
    const shared = pairedSharedFor(models, plan);
    const mine = new PairedRuns(models, plan, shared);
    const theirs = new PairedRuns(models, plan, shared);
    theirs.runSlice(1024, 1024);
    mine.runSlice(2048, 52);
    mine.runSlice(0, 1024);
    const partial = theirs.toPartial(true);
    expect(partial.sides.every((side) => side.arrays["bins"] === undefined) && partial.pairs.every((pair) => pair.bins === undefined)).toBe(true);
    mine.mergePartial(partial, true);
    mine.requireCoversJob();
    expect(fingerprint(mine)).toBe(expected);
    // The pilot's runs split between two threads sharing every value: the same bins.
    const threadedPilot = await planPairedJob(models, { runs, seed: 3, checkInvariants: false, sampling: {} }, (m, pilotPlan) => {
      const buffers = pairedSharedFor(m, pilotPlan);
      const here = new PairedRuns(m, pilotPlan, buffers);
      const there = new PairedRuns(m, pilotPlan, buffers);
      there.runSlice(1024, 1024);
      here.runSlice(0, 1024);
      here.mergePartial(there.toPartial(true), true);
      here.requireCoversJob();
      return here;
    });
    expect(JSON.stringify(threadedPilot)).toBe(JSON.stringify(plan));
  });

  it("refuses a slice that is not block-aligned, and notices runs missing from the merge", async () => {
    const plan = await planned;
    expect(() => new PairedRuns(models, plan).runSlice(10, 100)).toThrow(/a slice starts and ends at a multiple of 1024 runs/);
    const part = new PairedRuns(models, plan);
    part.runSlice(0, 1024);
    expect(() => part.requireCoversJob()).toThrow(/runs 1024\.\.2099 are missing/);
  });
});
