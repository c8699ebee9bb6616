import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../usageError.js";

/**
 * Writes result files so that a reader never sees a half-written one: each
 * goes to a temporary name in the same folder and is renamed when complete.
 */
export function writeFilesAtomically(dir: string, files: Readonly<Record<string, string | Uint8Array>>): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const staged: [string, string][] = [];
  for (const [name, content] of Object.entries(files)) {
    const target = join(dir, name);
    const temp = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temp, content);
    staged.push([temp, target]);
  }
  for (const [temp, target] of staged) {
    renameSync(temp, target);
    written.push(target);
  }
  return written;
}

/**
 * Refuses, before any work, to replace results already in `dir`: a batch
 * job that reruns into the same folder by mistake should stop, not quietly
 * overwrite what an earlier run produced. `force` (the --force flag) allows it.
 */
export function refuseToOverwrite(dir: string, names: readonly string[], force: boolean | undefined): void {
  if (force) return;
  const found = names.filter((name) => existsSync(join(dir, name)));
  if (found.length > 0) {
    throw new UsageError(`--out ${dir}: expected a folder without earlier results, found ${found.join(", ")}; pass --force to replace them`);
  }
}
