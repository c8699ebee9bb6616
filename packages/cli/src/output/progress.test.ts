import { describe, expect, it } from "vitest";
import type { CliIo } from "../io.js";
import { progressReporter } from "./progress.js";

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
