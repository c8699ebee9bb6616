import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The end-to-end tests run the built command line, so build it first, as
 * `pnpm build` does: tsc (incremental: fast when up to date), then the
 * bundle that `chipsim` runs (under a second), so a process started by a
 * test never runs an older bundle than the code it tests.
 *
 * The commands those tests start cache resolved scenarios in a folder of
 * this test run's own (scenarioCache.ts), never in the user's ~/.cache.
 */
export default function buildOnce(): () => void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const node = (script: string, args: string[] = []) => execFileSync(process.execPath, [fileURLToPath(new URL(`../../${script}`, import.meta.url)), ...args], { cwd: root, stdio: "inherit" });
  node("node_modules/typescript/bin/tsc", ["-b", "packages/cli"]);
  node("scripts/bundle.mjs");
  const cache = mkdtempSync(join(tmpdir(), "chipsim-test-cache-"));
  process.env["CHIPSIM_CACHE_DIR"] = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
