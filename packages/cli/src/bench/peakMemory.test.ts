import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { peakMemoryMiB } from "./peakMemory.js";

describe("peak memory", () => {
  it("reads VmHWM (kB) from the process status", () => {
    expect(peakMemoryMiB(() => "Name:\tnode\nVmPeak:\t 1000000 kB\nVmHWM:\t  131072 kB\nVmRSS:\t   65536 kB\n")).toBe(128);
  });

  it("falls back to getrusage's maxRSS where there is no process status", () => {
    const rss = process.memoryUsage().rss / 2 ** 20;
    const peak = peakMemoryMiB(() => {
      throw new Error("no /proc here");
    });
    expect(peak).toBeGreaterThanOrEqual(Math.floor(rss) - 1);
  });

  it.runIf(process.platform === "linux")("gives a child started by a large process its own peak, which maxRSS does not", () => {
    // 320 MiB resident in this process while it starts the child.
    const ballast = new Float64Array(40e6).fill(1);
    const module = fileURLToPath(new URL("../../dist/bench/peakMemory.js", import.meta.url));
    const child = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", `import { peakMemoryMiB } from ${JSON.stringify(module)}; console.log(JSON.stringify([peakMemoryMiB(), process.resourceUsage().maxRSS / 1024]));`],
      { encoding: "utf8" },
    );
    expect(child.status, child.stderr).toBe(0);
    const [own, maxRss] = JSON.parse(child.stdout) as [number, number];
    expect(ballast[0]).toBe(1);
    expect(maxRss).toBeGreaterThan(300);
    expect(own).toBeLessThan(120);
  });
});
