import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** Where the built-in scenarios and the bibliography live (beside src/ and dist/). */
export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BUILTIN_DIR = join(PACKAGE_ROOT, "scenarios");
export const BIBLIOGRAPHY_FILE = join(PACKAGE_ROOT, "bibliography.yaml");

/** Ids of the built-in scenarios (their file names without .yaml), sorted with the baseline first. */
export function builtinIds(): string[] {
  if (!existsSync(BUILTIN_DIR)) return [];
  return readdirSync(BUILTIN_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort((a, b) => (a === "baseline" ? -1 : b === "baseline" ? 1 : a.localeCompare(b)));
}

export function builtinPath(id: string): string | undefined {
  const file = join(BUILTIN_DIR, `${id}.yaml`);
  return /^[a-z0-9][a-z0-9-]*$/.test(id) && existsSync(file) ? file : undefined;
}
