import { describe, expect, it } from "vitest";
import { ScrambleMeans, scrambleSeMean } from "./scrambleMeans.js";

/** One series; each block is one scramble's runs. */
function fed(blocks: readonly (readonly [number, readonly number[]])[]): ScrambleMeans {
  const means = new ScrambleMeans(1, 8);
  for (const [scramble, values] of blocks) {
    means.addRuns(Float64Array.from(values), values.length, scramble);
    means.endBlock();
  }
  return means;
}

describe("the standard error from the scrambles' means", () => {
  // Scrambles 0-3 hold 3, 1, 2 and 2 runs with means 2, 4, 0 and 6; the overall mean is 22 / 8 = 2.75.
  const blocks = [
    [0, [1, 2, 3]],
    [1, [4]],
    [2, [0, 0]],
    [3, [5, 7]],
  ] as const;
  // sqrt(R / (R - 1) x sum (n_r / N)^2 (mean_r - mean)^2), by hand:
  const byHand = Math.sqrt((4 / 3) * ((3 / 8) ** 2 * 0.75 ** 2 + (1 / 8) ** 2 * 1.25 ** 2 + (2 / 8) ** 2 * 2.75 ** 2 + (2 / 8) ** 2 * 3.25 ** 2));

  it("weighs each scramble's mean by its share of the runs", () => {
    expect(fed(blocks).seMean(0)).toBeCloseTo(byHand, 12);
    // With equal shares it is the sd of the R means over sqrt R.
    const equal = fed([[0, [1]], [1, [2]], [2, [3]], [3, [6]]]).seMean(0);
    const m = [1, 2, 3, 6];
    const sd = Math.sqrt(m.reduce((a, x) => a + (x - 3) ** 2, 0) / 3);
    expect(equal).toBeCloseTo(sd / 2, 12);
  });

  it("gives the same from stored runs, and from halves merged as they travel", () => {
    // Runs 0-7 stored in order, their scrambles as the blocks above.
    const scrambleOfRun = [0, 0, 0, 1, 2, 2, 3, 3];
    expect(scrambleSeMean(Float64Array.from([1, 2, 3, 4, 0, 0, 5, 7]), 0, 8, (run) => scrambleOfRun[run] as number)).toBeCloseTo(byHand, 12);
    const first = fed(blocks.slice(0, 2));
    first.mergeJSON(JSON.parse(JSON.stringify(fed(blocks.slice(2)).toJSON())));
    expect(first.seMean(0)).toBe(fed(blocks).seMean(0));
  });

  it("is not given with fewer than four scrambles, nor while a block mixes two", () => {
    expect(fed(blocks.slice(0, 3)).seMean(0)).toBeNaN();
    const open = new ScrambleMeans(1, 8);
    open.addRuns(Float64Array.of(1), 1, 0);
    expect(() => open.addRuns(Float64Array.of(1), 1, 1)).toThrow(/a block mixes scrambles/);
    expect(() => open.toJSON()).toThrow(/still open/);
  });
});
