import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { NODE_FLAGS } from "../../packages/cli/src/nodeFlags.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(root + path, "utf8");

describe("the Node flags chipsim runs with", () => {
  it("are set", () => {
    expect(NODE_FLAGS).toContain("--max-semi-space-size=1");
  });

  it("are in the shebang of the installed command", () => {
    expect(read("packages/cli/src/bin.ts").split("\n")[0]).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(" ")}`);
    expect(read("packages/cli/dist/bin.js").split("\n")[0]).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(" ")}`);
    // The bundle that `chipsim` runs keeps the shebang of its entry.
    expect(read("packages/cli/dist/bundle/chipsim.js").split("\n")[0]).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(" ")}`);
    expect(JSON.parse(read("packages/cli/package.json")).bin).toEqual({ chipsim: "./dist/bundle/chipsim.js" });
  });

  it("are in `pnpm chipsim`, which the README's main command runs", () => {
    const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;
    expect(scripts["chipsim"]).toBe(`node ${NODE_FLAGS.join(" ")} packages/cli/dist/bundle/chipsim.js`);
  });

  it("are in the container's entry point", () => {
    const entry = read("Dockerfile").split("\n").find((line) => line.startsWith("ENTRYPOINT"));
    expect(entry).toBe(`ENTRYPOINT ${JSON.stringify(["node", ...NODE_FLAGS, "/opt/chipsim/packages/cli/dist/bundle/chipsim.js"]).replaceAll(",", ", ")}`);
  });
});
