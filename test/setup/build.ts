import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * The end-to-end tests run the built command line, so build it first, as
 * `pnpm build` does: tsc (incremental: fast when up to date), then the
 * bundle that `chipsim` runs (under a second), so a process started by a
 * test never runs an older bundle than the code it tests.
 */
export default function buildOnce(): void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const node = (script: string, args: string[] = []) => execFileSync(process.execPath, [fileURLToPath(new URL(`../../${script}`, import.meta.url)), ...args], { cwd: root, stdio: "inherit" });
  node("node_modules/typescript/bin/tsc", ["-b", "packages/cli"]);
  node("scripts/bundle.mjs");
}
