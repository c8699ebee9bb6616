import { describe, expect, it } from "vitest";
import type { CliIo } from "../io.js";
import { barWidth, formatDuration, progressReporter, timeLeft } from "./progress.js";

function io(isTTY: boolean): CliIo & { written: () => string } {
  let text = "";
  return {
    cwd: ".",
    env: {},
    stdout: { write: () => undefined },
    stderr: Object.assign(
      {
        write: (t: string) => {
          text += t;
          return true;
        },
        isTTY,
        columns: 80,
      },
      { cursorTo: () => true, clearLine: () => true, moveCursor: () => true, on: () => undefined, removeListener: () => undefined },
    ),
    written: () => text,
  };
}

describe("progress bar", () => {
  it("stays silent when stderr is not a terminal or the run is quiet", () => {
    expect(progressReporter(io(false), false).onProgress).toBeUndefined();
    expect(progressReporter(io(true), true).onProgress).toBeUndefined();
  });

  it("appears on a terminal only once the run has taken more than a second", () => {
    let clock = 0;
    const terminal = io(true);
    const reporter = progressReporter(terminal, false, () => clock);
    clock = 500;
    reporter.onProgress?.(10, 100);
    expect(terminal.written()).toBe("");
    clock = 1500;
    reporter.onProgress?.(20, 100);
    reporter.onProgress?.(100, 100);
    reporter.stop();
    expect(terminal.written()).toMatch(/runs .* 100\/100/);
  });

  it("names what it counts", () => {
    let clock = 0;
    const terminal = io(true);
    const reporter = progressReporter(terminal, false, () => clock, "points");
    clock = 1500;
    reporter.onProgress?.(3, 25);
    reporter.stop();
    expect(terminal.written()).toMatch(/points .* 3\/25/);
  });
});

describe("the bar's time left", () => {
  it("rounds the whole duration before splitting it, so no field reads 60", () => {
    expect(formatDuration(179.7)).toBe("3m00s");
    expect(formatDuration(59.6)).toBe("1m00s");
    expect(formatDuration(59.4)).toBe("59s");
    expect(formatDuration(125)).toBe("2m05s");
    expect(formatDuration(3599.7)).toBe("1h00m");
    expect(formatDuration(3600 + 7 * 60 + 20)).toBe("1h07m");
    expect(formatDuration(2 * 3600 + 59 * 60 + 40)).toBe("3h00m");
  });

  it("says it is estimating until cli-progress has a rate, instead of 0s", () => {
    expect(timeLeft(0)).toBe("estimating time left");
    expect(timeLeft("NULL")).toBe("estimating time left");
    expect(timeLeft("INF")).toBe("estimating time left");
    expect(timeLeft(42)).toBe("42s left");
  });

  it("fits the bar to the terminal's width", () => {
    // "runs " + bar + " 2,000,000/2,000,000 | estimating time left" on 80 columns.
    const width = barWidth(80, "runs", 2_000_000);
    expect(5 + width + " 2,000,000/2,000,000 | estimating time left".length).toBeLessThan(80);
    expect(barWidth(200, "runs", 100)).toBe(40);
    expect(barWidth(30, "runs", 100)).toBe(10);
  });

  it("shows counts with thousands separators and leaves the cursor alone", () => {
    let clock = 0;
    const terminal = io(true);
    const reporter = progressReporter(terminal, false, () => clock);
    clock = 1500;
    reporter.onProgress?.(3072, 2_000_000);
    reporter.stop();
    reporter.stop();
    expect(terminal.written()).toMatch(/3,072\/2,000,000/);
    expect(terminal.written()).not.toContain("\x1b[?25l");
    expect(terminal.written()).not.toContain("\x1b[?7l");
  });
});
