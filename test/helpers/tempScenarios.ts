import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILTIN_DIR } from "@chipsim/scenarios";

/** A fresh folder for scenario files and outputs of one test. */
export function tempDir(prefix = "chipsim-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a scenario that extends the built-in baseline (by path) with the given YAML body. */
export function childScenario(dir: string, name: string, body: string): string {
  const file = join(dir, name);
  const header = `id: ${name.replace(/\.ya?ml$/, "")}\ntitle: Test\ndescription: A test scenario.\nextends: ${join(BUILTIN_DIR, "baseline.yaml")}\n`;
  writeFileSync(file, header + body);
  return file;
}

export function writeFile(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
