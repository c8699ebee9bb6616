import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
