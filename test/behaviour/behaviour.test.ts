import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BEHAVIOUR_RUNS, BEHAVIOUR_SEED, BEHAVIOURS, BehaviourRunner, behaviourDoc, STOCK_BOUNDS } from "@chipsim/cli";
import { formatShare } from "@chipsim/core";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

// One runner for the whole file: the baseline runs once, and the document test reads the rows the tests measured.
const runner = new BehaviourRunner({ runs: BEHAVIOUR_RUNS, seed: BEHAVIOUR_SEED, cwd: root });

// A pending row waits for a mechanism the model lacks: it must fail today, and its test turns red
// once the mechanism makes it hold, so that the mark comes off.
const expectedTo = (pending: string | undefined) => (pending === undefined ? it : it.fails);

describe("what each change does, on paired runs (docs/behaviour.md)", () => {
  for (const b of BEHAVIOURS) {
    expectedTo(b.pending)(`${b.id}: ${b.direction} by at least ${formatShare(b.minSize)} in ${b.year}`, () => {
      const m = runner.measure(b);
      const because = `${b.change}: ${b.why}`;
      expect(Math.sign(m.effect), because).toBe(b.direction === "up" ? 1 : -1);
      expect(Math.abs(m.effect), because).toBeGreaterThanOrEqual(b.minSize);
    });
  }

  for (const b of STOCK_BOUNDS) {
    expectedTo(b.pending)(`${b.id}: ${b.metric} at the end of ${b.year} is at most ${b.atMostQuarters} quarters of its flow`, () => {
      expect(runner.bound(b).medianQuarters, b.why).toBeLessThanOrEqual(b.atMostQuarters);
    });
  }

  it("names each row once, with a size to meet and a mechanism", () => {
    const ids = [...BEHAVIOURS, ...STOCK_BOUNDS].map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of BEHAVIOURS) expect(b.minSize, b.id).toBeGreaterThan(0);
    for (const b of [...BEHAVIOURS, ...STOCK_BOUNDS]) expect(b.why, b.id).toMatch(/^[A-Z].*\.$/);
  });
});

describe("docs/behaviour.md", () => {
  it("is what the generator writes from these paired runs (regenerate with pnpm docs:behaviour)", () => {
    expect(behaviourDoc(runner)).toBe(readFileSync(`${root}/docs/behaviour.md`, "utf8"));
  });
});
