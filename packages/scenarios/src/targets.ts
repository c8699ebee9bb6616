import { join } from "node:path";
import { ScenarioError, targetsFileSchema, type Target } from "@chipsim/core";
import { PACKAGE_ROOT } from "./builtins.js";
import { displayPath, readDocument } from "./loadScenario.js";

export const TARGETS_FILE = join(PACKAGE_ROOT, "targets", "targets.yaml");

/** Calibration targets from a YAML file (the built-in ones by default). */
export function loadTargets(file: string = TARGETS_FILE, cwd: string = process.cwd()): Target[] {
  const display = displayPath(file, cwd);
  const doc = readDocument(file, display);
  const parsed = targetsFileSchema.safeParse(doc.data);
  if (!parsed.success) {
    throw new ScenarioError(
      parsed.error.issues.map((i) => {
        const at = doc.locate?.(i.path.filter((k): k is string | number => typeof k !== "symbol"));
        return {
          file: display,
          path: i.path.join("."),
          expected: i.message.replace(/^Invalid input: expected /i, "").replace(/^expected /i, ""),
          found: "input" in i ? JSON.stringify((i as { input?: unknown }).input) ?? "nothing" : "an invalid value",
          ...(at ? { line: at.line, column: at.column } : {}),
        };
      }),
    );
  }
  return parsed.data.targets;
}
