import { describe, expect, it } from "vitest";
import type { PerRunExport } from "../output/perRun.js";
import type { PerRunBlock, PerRunShape } from "../output/perRunBlock.js";
import { OrderedRows } from "./orderedRows.js";

/** An export that notes which blocks reach it, in what order. */
function recordingExport(): { perRun: PerRunExport; written: number[] } {
  const written: number[] = [];
  const shape: PerRunShape = { scenario: "s", metricIds: ["m"], chosen: [0], years: 1, csv: true, parquet: false };
  const perRun = { shape, add: () => {}, addBlock: (block: PerRunBlock) => written.push(block.first) } as unknown as PerRunExport;
  return { perRun, written };
}

const block = (first: number): PerRunBlock => ({ first, count: 1024, csv: [] });

describe("--per-run rows from several threads", () => {
  it("reach the export in slice order whatever order they arrive in, and count the slices written for the waiting workers", () => {
    const { perRun, written } = recordingExport();
    const ordered = new OrderedRows(perRun, 1);
    const count = new Int32Array(ordered.shared.written);
    ordered.accept(2, block(2048));
    ordered.accept(1, block(1024));
    expect(written).toEqual([]);
    expect(count[0]).toBe(0);
    ordered.accept(0, block(0));
    expect(written).toEqual([0, 1024, 2048]);
    expect(count[0]).toBe(3);
  });

  it("let every waiting worker go once the job fails, and drop rows that arrive after", () => {
    const { perRun, written } = recordingExport();
    const ordered = new OrderedRows(perRun, 1);
    ordered.accept(1, block(1024));
    ordered.release();
    // A worker waits while its slice is at least `window` past the count: none is now.
    expect(new Int32Array(ordered.shared.written)[0]).toBeGreaterThan(1_000_000);
    ordered.accept(0, block(0));
    expect(written).toEqual([]);
  });
});
