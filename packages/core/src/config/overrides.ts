import type { ScenarioIssue } from "../errors.js";
import type { Provenance } from "../schema/param.js";
import { scenarioSchema } from "../schema/scenario.js";
import { OVERRIDE_ASSUMPTION, OVERRIDE_FILE, type Override } from "./document.js";
import type { MergeOrigins } from "./merge.js";
import { closestName } from "../closestName.js";
import { movedPathIssue } from "./movedPaths.js";
import { childSchema, fieldNames, isPlainObject, isRecord, paramSpecOf, pathKey } from "./schemaWalk.js";

/**
 * `--set path=value`: replaces one field of the merged scenario. The path
 * must name a field the schema knows, under objects the scenario has (a
 * design or fab must exist to be changed). A parameter set this way is
 * sourced as a command-line assumption unless the value says otherwise.
 */
export function applyOverrides(
  merged: Record<string, unknown>,
  overrides: readonly Override[],
  fileIndex: number,
  origins: MergeOrigins,
  provenance: Map<string, Provenance>,
  issues: ScenarioIssue[],
): void {
  for (const override of overrides) {
    const segments = override.path.split(".").filter((s) => s !== "");
    const problem = (expected: string, suggestion?: string) =>
      issues.push({ file: OVERRIDE_FILE, path: override.path, expected, found: `"${override.path}"`, ...(suggestion !== undefined ? { suggestion } : {}) });
    // The path with one segment replaced by the known name closest to it, if any is close.
    const corrected = (k: number, known: readonly string[]) => {
      const name = closestName(segments[k] as string, known);
      return name === undefined ? undefined : [...segments.slice(0, k), name, ...segments.slice(k + 1)].join(".");
    };
    if (segments.length === 0) {
      problem("a parameter path such as lithography.domesticEuv.readyYear");
      continue;
    }
    const moved = movedPathIssue(segments.join("."));
    if (moved) {
      issues.push({ file: OVERRIDE_FILE, path: override.path, expected: moved.expected, found: moved.found, ...(moved.suggestion !== undefined ? { suggestion: moved.suggestion } : {}) });
      continue;
    }
    let schema = scenarioSchema as Parameters<typeof childSchema>[0];
    let node: unknown = merged;
    let ok = true;
    for (let k = 0; k < segments.length; k++) {
      const key = segments[k] as string;
      const parentIsRecord = isRecord(schema);
      const next = childSchema(schema, key, node);
      const here = segments.slice(0, k);
      if (!next) {
        const names = fieldNames(schema, node);
        problem(`a known path (fields under ${here.join(".") || "the top level"}: ${names.join(", ")})`, corrected(k, names));
        ok = false;
        break;
      }
      // Own entries only, so `levers.__proto__.strength` can never reach Object.prototype.
      const child = isPlainObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
      if (parentIsRecord && child === undefined) {
        const existing = isPlainObject(node) ? Object.keys(node) : [];
        problem(`an existing id under ${here.join(".")} (${existing.join(", ")})`, corrected(k, existing));
        ok = false;
        break;
      }
      if (k < segments.length - 1 && !isPlainObject(child)) {
        problem(`a path into a section of the scenario; ${[...here, key].join(".")} ${child === undefined ? "is not set in this scenario" : "is a single value"}`);
        ok = false;
        break;
      }
      schema = next;
      if (k < segments.length - 1) node = child;
    }
    if (!ok || !isPlainObject(node)) continue;
    // A list or a section would replace parameters wholesale, with no provenance for the ones inside it.
    if (!paramSpecOf(schema) && (Array.isArray(override.value) || isPlainObject(override.value))) {
      problem(`a path to one parameter or value; ${segments.join(".")} is a list or a section: set its parameters one by one (e.g. ${segments.join(".")}.0.<field>) or in a scenario file`);
      continue;
    }
    const last = segments[segments.length - 1] as string;
    node[last] = override.value;
    origins.set(segments, fileIndex);
    if (paramSpecOf(schema)) {
      const value = override.value;
      const source = isPlainObject(value) && typeof value["source"] === "string" ? value["source"] : undefined;
      const assumption = isPlainObject(value) && typeof value["assumption"] === "string" ? value["assumption"] : undefined;
      const entry: Provenance = source
        ? { file: OVERRIDE_FILE, source, ...(assumption ? { assumption } : {}) }
        : { file: OVERRIDE_FILE, assumption: assumption ?? OVERRIDE_ASSUMPTION };
      provenance.set(pathKey(segments), entry);
    }
  }
}
