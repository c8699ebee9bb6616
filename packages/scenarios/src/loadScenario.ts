import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { closestName, ScenarioError, type ScenarioDocument, type ScenarioIssue } from "@chipsim/core";
import { builtinIds, builtinPath } from "./builtins.js";
import { extendsScope, withinScope, type ExtendsScope } from "./extendsScope.js";
import { parseScenarioText } from "./yamlDocument.js";

/**
 * Finds a scenario by built-in id or file path and follows its `extends`
 * chain, returning the documents parent first. A parent is a built-in id
 * or a path relative to the file that names it, inside the scope that
 * extendsScope.ts describes. Missing files, parents out of scope, parse
 * errors and cycles are ScenarioErrors naming the file and field.
 */
export function loadScenarioChain(ref: string, cwd: string = process.cwd(), onRead?: FileReadObserver): ScenarioDocument[] {
  const first = locateRef(ref, cwd, undefined);
  if (!first.ok) throw new ScenarioError([first.issue]);
  const scope = extendsScope(first.path);
  const chain: ScenarioDocument[] = [];
  const seen: string[] = [];
  let current: { path: string; from?: { file: string; doc: ScenarioDocument } } | undefined = { path: first.path };
  while (current) {
    const real = realpathSync(current.path);
    const display = displayPath(current.path, cwd);
    if (seen.includes(real)) {
      const from = current.from;
      const cycle = [...seen.map((s) => displayPath(s, cwd)), display].join(" -> ");
      throw new ExtendsError(withLocation({ file: from?.file ?? display, path: "extends", expected: "a parent that does not lead back to this file", found: `a cycle: ${cycle}` }, from?.doc), chain);
    }
    seen.push(real);
    const doc = readDocument(current.path, display, onRead);
    chain.unshift(doc);
    const parent = typeof doc.data === "object" && doc.data !== null ? (doc.data as Record<string, unknown>)["extends"] : undefined;
    if (parent === undefined) break;
    if (typeof parent !== "string" || parent.trim() === "") {
      throw new ExtendsError(withLocation({ file: display, path: "extends", expected: "a built-in scenario id or a path", found: JSON.stringify(parent) }, doc), chain);
    }
    const next = locateRef(parent, dirname(current.path), { file: display, doc, scope });
    if (!next.ok) throw new ExtendsError(next.issue, chain);
    current = { path: next.path, from: { file: display, doc } };
  }
  return chain;
}

/**
 * An `extends` that cannot be followed (a parent missing or out of scope,
 * or a cycle). It carries the files read so far, parent first, so that
 * their own problems can be reported with it.
 */
export class ExtendsError extends ScenarioError {
  constructor(
    issue: ScenarioIssue,
    readonly documents: readonly ScenarioDocument[],
  ) {
    super([issue]);
  }
}

/**
 * The largest scenario file read: the baseline, the largest built-in, is
 * about 31 KB, so this is a hundred times more than any real scenario
 * needs, and it keeps a huge file from being read into memory.
 */
export const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

/**
 * Told the path and text of every file read, as it was read: what a cache
 * of resolved scenarios checks before it trusts an entry.
 */
export type FileReadObserver = (path: string, text: string) => void;

export function readDocument(path: string, display: string, onRead?: FileReadObserver): ScenarioDocument {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_SCENARIO_BYTES) {
      throw new ScenarioError([{ file: display, path: "", expected: `a file of at most ${MAX_SCENARIO_BYTES} bytes (4 MiB)`, found: `${size} bytes` }]);
    }
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw new ScenarioError([{ file: display, path: "", expected: "a readable file", found: (error as NodeJS.ErrnoException).code ?? String(error) }]);
  }
  onRead?.(path, text);
  const parsed = parseScenarioText(display, text);
  if (!parsed.ok) throw new ScenarioError(parsed.issues);
  return parsed.document;
}

type Located = { ok: true; path: string } | { ok: false; issue: ScenarioIssue };

function locateRef(ref: string, baseDir: string, from: { file: string; doc: ScenarioDocument; scope: ExtendsScope } | undefined): Located {
  const looksLikePath = ref.includes("/") || ref.includes("\\") || /\.(ya?ml|json)$/i.test(ref);
  if (!looksLikePath) {
    const builtin = builtinPath(ref);
    if (builtin) return { ok: true, path: builtin };
  }
  const path = isAbsolute(ref) ? ref : resolve(baseDir, ref);
  // Checked before the file is looked at: a parent out of scope is never read, nor is its existence told.
  if (from && !withinScope(path, from.scope)) {
    const expected = "a built-in scenario id, or a file in the folder of the scenario named on the command line (or below it) or among the built-in scenarios";
    return { ok: false, issue: withLocation({ file: from.file, path: "extends", expected, found: `"${ref}", which is outside them` }, from.doc) };
  }
  if (isFile(path)) return { ok: true, path };
  const ids = builtinIds();
  const expected = `a built-in scenario id (${ids.join(", ") || "none installed"}) or an existing file`;
  const suggestion = looksLikePath ? undefined : closestName(ref, ids);
  const hint = suggestion !== undefined ? { suggestion } : {};
  const issue: ScenarioIssue = from
    ? withLocation({ file: from.file, path: "extends", expected, found: `"${ref}"`, ...hint }, from.doc)
    : { file: ref, path: "", expected, found: "no such scenario", ...hint };
  return { ok: false, issue };
}

function withLocation(issue: ScenarioIssue, doc: ScenarioDocument | undefined): ScenarioIssue {
  const at = doc?.locate?.(issue.path === "" ? [] : issue.path.split("."));
  return at ? { ...issue, line: at.line, column: at.column } : issue;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}
