import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * A user whose pnpm is not the one package.json pins must still be able to
 * use the repository (pnpm-workspace.yaml says how). pnpm 11 and later, left
 * to themselves, try to switch to the pinned pnpm 10 through platform
 * packages pnpm 10 was never published as, and stop with
 * ERR_PNPM_BAD_CONFIG_DEP before any command runs. Each version here is
 * fetched from the npm registry by npx, as a user's would be.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const pinned = (JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as { packageManager: string }).packageManager;
const nodeMajor = Number(process.versions.node.split(".")[0]);

function pnpm(version: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync("npx", ["-y", `pnpm@${version}`, ...args], { cwd: root, encoding: "utf8", timeout: 120_000, env: { ...process.env, CI: "true" } });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe("pnpm versions other than the pinned one", () => {
  // pnpm 11 needs Node.js 22.13 or later; pnpm 12 runs on Node.js 20 as well.
  const versions = ["10", ...(nodeMajor >= 22 ? ["11"] : []), "12"];
  for (const version of versions) {
    it(`pnpm ${version} runs the workspace's commands instead of failing on the pin (${pinned})`, () => {
      const r = pnpm(version, ["ls", "--depth=-1", "--recursive"]);
      expect(r.output).not.toMatch(/ERR_PNPM_BAD_CONFIG_DEP|Refusing to run pnpm@/);
      expect(r.status, r.output).toBe(0);
      expect(r.output).toMatch(/@chipsim\/cli/);
    }, 150_000);
  }
});
