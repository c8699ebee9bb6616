import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NODE_FLAGS } from "../../packages/cli/src/nodeFlags.js";
import { CHIPSIM_BIN } from "../helpers/bin.js";
import { tempDir } from "../helpers/tempScenarios.js";

const bundleDir = dirname(CHIPSIM_BIN);
const made: string[] = [];
afterEach(() => {
  for (const file of made.splice(0)) rmSync(file, { force: true });
});

/** A launcher of another name beside chipsim's, with the given body and chipsim's code cache. */
function launcherWithBody(name: string, body: string): string {
  const launcher = join(bundleDir, `${name}.js`);
  writeFileSync(launcher, readFileSync(CHIPSIM_BIN, "utf8").replace('const NAME = "chipsim";', `const NAME = ${JSON.stringify(name)};`));
  writeFileSync(join(bundleDir, `${name}.body.cjs`), body);
  copyFileSync(join(bundleDir, "chipsim.code-cache"), join(bundleDir, `${name}.code-cache`));
  made.push(launcher, join(bundleDir, `${name}.body.cjs`), join(bundleDir, `${name}.code-cache`));
  return launcher;
}

function start(launcher: string, args: string[], flags: readonly string[] = NODE_FLAGS) {
  return spawnSync(process.execPath, [...flags, launcher, ...args], { encoding: "utf8", env: { ...process.env, CHIPSIM_CODE_CACHE_REPORT: "1" } });
}

describe("the bundled command's code cache", () => {
  it("is made by the build and used by the command as installed", () => {
    const r = start(CHIPSIM_BIN, ["list"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("code cache: used");
    expect(r.stdout).toContain("baseline");
  });

  it("is used when the launcher file is run itself, its first line passing Node chipsim's flags (as the Slurm example runs it)", () => {
    const r = spawnSync(CHIPSIM_BIN, ["list"], { encoding: "utf8", env: { ...process.env, CHIPSIM_CODE_CACHE_REPORT: "1" } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("code cache: used");
  });

  it("is not used for a body it was not made from, even one of the same length (which V8 alone would accept)", () => {
    const body = readFileSync(join(bundleDir, "chipsim.body.cjs"), "utf8");
    // The last newline made a space: same length, same program, other bytes.
    const changed = `${body.slice(0, -1)} `;
    expect(changed.length).toBe(body.length);
    const launcher = launcherWithBody(`code-cache-test-${process.pid}`, changed);
    const r = start(launcher, ["list"]);
    expect(r.stderr).toContain("code cache: none");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(start(CHIPSIM_BIN, ["list"]).stdout);
  });

  it("is refused by V8 under other Node flags, and the command runs as usual", () => {
    const r = start(CHIPSIM_BIN, ["list"], []);
    expect(r.stderr).toContain("code cache: rejected");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("baseline");
  });

  it("loads the chart libraries through Node's loader without a warning about it", () => {
    const r = spawnSync(process.execPath, [...NODE_FLAGS, CHIPSIM_BIN, "charts", "baseline", "--runs", "100", "--out", join(tempDir(), "charts")], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/warning/i);
  });
});
