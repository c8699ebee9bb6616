import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { NODE_FLAGS } from "../../packages/cli/src/nodeFlags.js";
import { WORKER_SCRIPTS, workerScriptUrl } from "../../packages/cli/src/parallel/sharedWork.js";
import { CHIPSIM_BIN } from "../helpers/bin.js";
import { chipsim } from "../helpers/cli.js";

/** The bundled command, with the scenario cache off so that every run reads its files. */
function bundled(args: string[]): string {
  const result = spawnSync(process.execPath, [...NODE_FLAGS, CHIPSIM_BIN, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHIPSIM_CACHE_DIR: "off" } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe("worker threads of the bundled command", () => {
  it("run the bundled scripts beside it; the modules tsc writes run theirs", () => {
    const bundle = join(dirname(CHIPSIM_BIN), "chipsim.js");
    for (const script of WORKER_SCRIPTS) {
      const url = workerScriptUrl(script, bundle);
      expect(fileURLToPath(url)).toBe(join(dirname(CHIPSIM_BIN), `${script}.cjs`));
      expect(existsSync(url)).toBe(true);
      const unbundled = workerScriptUrl(script, undefined);
      expect(fileURLToPath(unbundled)).toMatch(new RegExp(`dist[/\\\\]parallel[/\\\\]${script}\\.js$`));
      expect(existsSync(unbundled)).toBe(true);
    }
  });

  it("give what one thread gives, for run, sensitivity and sweep", async () => {
    const commands = [
      ["run", "baseline", "--runs", "10000", "--format", "json"],
      ["sensitivity", "baseline", "--metric", "accelerators.domestic", "--year", "2030", "--runs", "3000", "--format", "json"],
      ["sweep", "baseline", "--vary", "power.connectionsGrowth=0.1:0.5", "--design", "lhs", "--points", "4", "--runs", "200", "--seed", "3", "--format", "csv"],
    ];
    for (const args of commands) {
      const two = bundled([...args, "--workers", "2"]);
      const one = await chipsim([...args, "--workers", "1"]);
      expect(one.code).toBe(0);
      expect(two).toBe(one.stdout);
    }
  }, 120_000);
});
