import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chipsim } from "./helpers/cli.js";
import { tempDir, writeFile } from "./helpers/tempScenarios.js";

const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");

describe("README", () => {
  it("shows an example scenario that validates", async () => {
    const example = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string).find((y) => y.includes("extends: baseline"));
    expect(example).toBeDefined();
    const dir = tempDir();
    const result = await chipsim(["validate", writeFile(dir, "example.yaml", example as string)], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: euv-2032/);
  });

  it("gives exactly two set-up commands, both pinned to the lockfile", () => {
    const setup = readme.slice(readme.indexOf("## Set-up"), readme.indexOf("## Using it"));
    const commands = [...setup.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] as string).trim());
    expect(commands).toHaveLength(2);
    for (const c of commands) expect(c).toContain("install --frozen-lockfile");
    expect(commands[0]).toContain("chipsim run baseline --out");
    expect(commands[1]).toMatch(/ test$/);
    // CI runs the same test command.
    expect(readFileSync(fileURLToPath(new URL("../.ci/run", import.meta.url)), "utf8")).toContain(commands[1] as string);
  });
});

describe("docs/model.md's lever table", () => {
  it("has a row for every lever, naming the agent the code's lever table (model/leverEffects.ts) names", async () => {
    const { LEVER_EFFECTS, LEVER_IDS } = await import("@chipsim/core");
    const model = readFileSync(fileURLToPath(new URL("../docs/model.md", import.meta.url)), "utf8");
    for (const id of LEVER_IDS) {
      const row = new RegExp(`^\\| ${id} \\| ([^|]+) \\| ([^|]+) \\|$`, "m").exec(model);
      expect(row, id).not.toBeNull();
      expect(row?.[1]?.trim(), id).toBe(LEVER_EFFECTS[id].readBy);
    }
  });
});
