import { bibliographySchema, ScenarioError, type BibliographyEntry, type ScenarioDocument } from "@chipsim/core";

/**
 * The bibliography from its parsed file: validated, ids unique. Reads no
 * file, so the command line (from disk) and the browser playground (from
 * the text bundled at build time) check it the same way.
 */
export function parseBibliography(doc: ScenarioDocument): BibliographyEntry[] {
  const display = doc.file;
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
