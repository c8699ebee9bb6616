import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_DIR } from "@chipsim/scenarios";
import { chipsim } from "../helpers/cli.js";
import { tempDir, writeFile } from "../helpers/tempScenarios.js";
import { expectCleanOutcome } from "./fuzzOutcome.js";

/**
 * `extends` may name a built-in scenario, a file in the folder of the
 * scenario given on the command line (or below it), or a built-in file by
 * path; anything else is refused before it is read, naming the file, the
 * line and the field.
 */
const header = (id: string, parent: string) => `id: ${id}\ntitle: T\ndescription: T.\nextends: ${parent}\n`;

async function run(file: string, cwd: string) {
  const out = join(cwd, "out");
  const result = await chipsim(["run", file, "--runs", "10", "--out", out, "--quiet"], cwd);
  return { result, wrote: existsSync(out) };
}

describe("extends stays in the scenario's folder and the built-in scenarios", () => {
  it("accepts a built-in id, a built-in file by path, a sibling and a file in a subfolder", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "parents"));
    writeFile(join(dir, "parents"), "parent.yaml", header("parent", "baseline"));
    writeFile(dir, "sibling.yaml", header("sibling", join(BUILTIN_DIR, "euv-delayed.yaml")));
    for (const [name, parent] of [["by-id.yaml", "baseline"], ["by-builtin-path.yaml", join(BUILTIN_DIR, "baseline.yaml")], ["by-sibling.yaml", "./sibling.yaml"], ["by-subfolder.yaml", "parents/parent.yaml"]]) {
      const result = await chipsim(["validate", writeFile(dir, name as string, header("c", parent as string))], dir);
      expect(result.stderr, name).toBe("");
      expect(result.code).toBe(0);
    }
  });

  it.each([
    ["a relative path up and out", "../../../../../../etc/passwd"],
    ["an absolute path outside", "/etc/hostname"],
    ["a missing file outside", "/no/such/place/parent.yaml"],
    ["a path that leaves and comes back through another folder", "../elsewhere/parent.yaml"],
  ])("refuses %s, exit 2, naming the file, line and field, without reading it", async (_name, parent) => {
    const root = tempDir();
    mkdirSync(join(root, "scenarios"));
    mkdirSync(join(root, "elsewhere"));
    writeFile(join(root, "elsewhere"), "parent.yaml", header("parent", "baseline"));
    const file = writeFile(join(root, "scenarios"), "child.yaml", header("child", parent));
    const { result, wrote } = await run(file, join(root, "scenarios"));
    expect(result.code).toBe(2);
    expectCleanOutcome(result, ["child.yaml"]);
    expect(result.stderr).toContain(`child.yaml:4:1 extends: expected a built-in scenario id, or a file in the folder of the scenario named on the command line`);
    expect(result.stderr).toContain(`found "${parent}", which is outside them`);
    expect(result.stderr).not.toContain("root:"); // nothing of /etc/passwd is echoed
    expect(wrote).toBe(false);
  });

  it("refuses a symbolic link in the folder that points outside it", async () => {
    const root = tempDir();
    mkdirSync(join(root, "scenarios"));
    const outside = writeFile(root, "outside.yaml", header("outside", "baseline"));
    symlinkSync(outside, join(root, "scenarios", "link.yaml"));
    const file = writeFile(join(root, "scenarios"), "child.yaml", header("child", "./link.yaml"));
    const { result, wrote } = await run(file, join(root, "scenarios"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('found "./link.yaml", which is outside them');
    expect(wrote).toBe(false);
  });

  it("trusts the file named on the command line, wherever it is, and confines its parents to its own folder", async () => {
    const root = tempDir();
    mkdirSync(join(root, "work"));
    const parent = writeFile(root, "parent.yaml", header("parent", "baseline"));
    const child = writeFile(root, "child.yaml", header("child", "./parent.yaml"));
    // Named directly from another folder: accepted, and so is its sibling parent.
    expect((await chipsim(["validate", parent], join(root, "work"))).code).toBe(0);
    expect((await chipsim(["validate", child], join(root, "work"))).code).toBe(0);
    // A child in work/ cannot reach the same parent one folder up.
    const inner = writeFile(join(root, "work"), "inner.yaml", header("inner", "../parent.yaml"));
    const result = await chipsim(["validate", inner], join(root, "work"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('inner.yaml:4:1 extends:');
  });
});
