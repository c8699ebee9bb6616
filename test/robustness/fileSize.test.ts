import { existsSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_SCENARIO_BYTES } from "@chipsim/scenarios";
import { chipsim } from "../helpers/cli.js";
import { tempDir } from "../helpers/tempScenarios.js";
import { expectCleanOutcome } from "./fuzzOutcome.js";

/** A scenario larger than MAX_SCENARIO_BYTES is refused from its size, without being read; a device is not a scenario file. */
describe("files too large or not files", () => {
  it("refuses a file over the size limit before reading it, exit 2, nothing written", async () => {
    const dir = tempDir();
    const file = join(dir, "huge.yaml");
    writeFileSync(file, "id: huge\n");
    truncateSync(file, MAX_SCENARIO_BYTES + 1); // sparse: the size without the disk
    const started = performance.now();
    const result = await chipsim(["run", file, "--runs", "10", "--out", join(dir, "out")], dir);
    expect(result.code).toBe(2);
    expectCleanOutcome(result, ["huge.yaml"]);
    expect(result.stderr).toContain(`huge.yaml expected a file of at most ${MAX_SCENARIO_BYTES} bytes (4 MiB), found ${MAX_SCENARIO_BYTES + 1} bytes`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it.runIf(existsSync("/dev/zero"))("refuses an endless device as no such scenario", async () => {
    const result = await chipsim(["validate", "/dev/zero"], tempDir());
    expect(result.code).toBe(2);
    expectCleanOutcome(result, ["/dev/zero"]);
  });
});
