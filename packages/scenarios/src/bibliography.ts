import type { BibliographyEntry } from "@chipsim/core";
import { parseBibliography } from "./bibliographyDocument.js";
import { BIBLIOGRAPHY_FILE } from "./builtins.js";
import { displayPath, readDocument, type FileReadObserver } from "./loadScenario.js";

/** The built-in bibliography: one entry per source article and outside report the scenarios cite. */
export function loadBibliography(cwd: string = process.cwd(), onRead?: FileReadObserver): BibliographyEntry[] {
  return parseBibliography(readDocument(BIBLIOGRAPHY_FILE, displayPath(BIBLIOGRAPHY_FILE, cwd), onRead));
}
