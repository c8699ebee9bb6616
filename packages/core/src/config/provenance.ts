import type { ScenarioIssue } from "../errors.js";
import type { Provenance } from "../schema/param.js";
import { scenarioSchema } from "../schema/scenario.js";
import type { ScenarioDocument } from "./document.js";
import { childSchema, isPlainObject, paramSpecOf, pathKey } from "./schemaWalk.js";
import type { z } from "zod";
import { closestName } from "../closestName.js";

/**
 * Finds every parameter a file sets and where its value comes from: its
 * own `source`/`assumption`, or the nearest enclosing object's in the same
 * file (provenance never crosses files: a value a child scenario overrides
 * must be sourced in the child). A parameter with neither, and a `source`
 * that is not in the bibliography, are issues.
 */
export function collectProvenance(
  doc: ScenarioDocument,
  knownSources: ReadonlySet<string>,
  issues: ScenarioIssue[],
): Map<string, Provenance> {
  const found = new Map<string, Provenance>();
  const issueAt = (path: (string | number)[], expected: string, foundText: string, suggestion?: string) => {
    const at = doc.locate?.(path);
    issues.push({
      file: doc.file,
      path: pathKey(path),
      expected,
      found: foundText,
      ...(at ? { line: at.line, column: at.column } : {}),
      ...(suggestion !== undefined ? { suggestion } : {}),
    });
  };

  const own = (data: unknown, path: (string | number)[]): Provenance | undefined => {
    if (!isPlainObject(data)) return undefined;
    const source = data["source"];
    const assumption = data["assumption"];
    const note = data["note"];
    const claim = data["claim"];
    if (source === undefined && assumption === undefined) return undefined;
    if (source !== undefined && (typeof source !== "string" || !knownSources.has(source))) {
      issueAt([...path, "source"], "a source id from the bibliography (see `chipsim sources`)", JSON.stringify(source), typeof source === "string" ? closestName(source, knownSources) : undefined);
    }
    if (assumption !== undefined && (typeof assumption !== "string" || assumption.trim() === "")) {
      issueAt([...path, "assumption"], "a sentence saying why", JSON.stringify(assumption));
    }
    return {
      file: doc.file,
      ...(typeof source === "string" ? { source } : {}),
      ...(typeof assumption === "string" ? { assumption } : {}),
      ...(typeof claim === "string" ? { claim } : {}),
      ...(typeof note === "string" ? { note } : {}),
    };
  };

  const walk = (schema: z.ZodType, data: unknown, path: (string | number)[], inherited: Provenance | undefined): void => {
    if (data === undefined || data === null) return;
    if (paramSpecOf(schema)) {
      const provenance = own(data, path) ?? inherited;
      if (provenance) found.set(pathKey(path), provenance);
      else issueAt(path, "a source or an assumption for this number (on it or on an enclosing object)", "neither");
      return;
    }
    if (Array.isArray(data)) {
      data.forEach((item, i) => {
        const child = childSchema(schema, i, data);
        if (child) walk(child, item, [...path, i], inherited);
      });
      return;
    }
    if (!isPlainObject(data)) return;
    const here = own(data, path) ?? inherited;
    for (const [key, value] of Object.entries(data)) {
      if (key === "source" || key === "assumption" || key === "claim" || key === "note") continue;
      const child = childSchema(schema, key, data);
      // Unknown fields are left for the schema to report.
      if (child) walk(child, value, [...path, key], here);
    }
  };

  walk(scenarioSchema, doc.data, [], undefined);
  return found;
}
