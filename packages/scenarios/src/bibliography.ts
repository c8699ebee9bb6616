import { bibliographySchema, ScenarioError, type BibliographyEntry } from "@chipsim/core";
import { BIBLIOGRAPHY_FILE } from "./builtins.js";
import { displayPath, readDocument } from "./loadScenario.js";

/** The built-in bibliography: one entry per source article and outside report the scenarios cite. */
export function loadBibliography(cwd: string = process.cwd()): BibliographyEntry[] {
  const display = displayPath(BIBLIOGRAPHY_FILE, cwd);
  const doc = readDocument(BIBLIOGRAPHY_FILE, display);
  const sources = typeof doc.data === "object" && doc.data !== null ? (doc.data as Record<string, unknown>)["sources"] : undefined;
  const parsed = bibliographySchema.safeParse(sources);
  if (!parsed.success) {
    throw new ScenarioError(
      parsed.error.issues.map((i) => ({ file: display, path: ["sources", ...i.path].join("."), expected: i.message, found: "an invalid entry" })),
    );
  }
  const ids = new Set<string>();
  for (const [k, entry] of parsed.data.entries()) {
    if (ids.has(entry.id)) throw new ScenarioError([{ file: display, path: `sources.${k}.id`, expected: "a unique id", found: `"${entry.id}" again` }]);
    ids.add(entry.id);
  }
  return parsed.data;
}
