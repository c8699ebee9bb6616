import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { ScenarioDocument, ScenarioIssue } from "@chipsim/core";
import { isStackOverflow, MAX_NESTING, nestingDepth, NESTING_EXPECTED } from "./nesting.js";

/**
 * Parses a scenario or bibliography file. YAML and JSON go through the
 * same parser (JSON is YAML), so both get line numbers in errors, duplicate
 * keys are refused, and aliases are capped so a small file cannot expand
 * into a huge one ("billion laughs"). Nesting deeper than MAX_NESTING is
 * refused before anything walks the data recursively.
 */
export const MAX_ALIASES = 100;

export type ParsedDocument = { ok: true; document: ScenarioDocument } | { ok: false; issues: ScenarioIssue[] };

export function parseScenarioText(file: string, text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const refuse = (found: string, expected = "valid YAML (or JSON)"): ParsedDocument => ({ ok: false, issues: [{ file, path: "", expected, found }] });
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    if (isStackOverflow(error)) return refuse("nesting too deep to read", NESTING_EXPECTED);
    throw error;
  }
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED")];
  if (problems.some((e) => isStackOverflow(e.message))) return refuse("nesting too deep to read", NESTING_EXPECTED);
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map((e) => {
        const at = lineCounter.linePos(e.pos[0]);
        return { file, path: "", line: at.line, column: at.col, expected: "valid YAML (or JSON)", found: firstLine(e.message) };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (isStackOverflow(error)) return refuse("nesting too deep to read", NESTING_EXPECTED);
    return refuse(firstLine(error instanceof Error ? error.message : String(error)));
  }
  const depth = nestingDepth(data);
  if (depth > MAX_NESTING) return refuse(`more than ${MAX_NESTING} levels`, NESTING_EXPECTED);
  return {
    ok: true,
    document: {
      file,
      data,
      locate(path) {
        const offset = keyOffset(doc, path);
        if (offset === undefined) return undefined;
        const at = lineCounter.linePos(offset);
        return { line: at.line, column: at.col };
      },
    },
  };
}

/**
 * Where the field at `path` is written: its key (`readyYear:`, not the
 * value after the colon), or for a list item the item itself. A field that
 * is not in the file (a missing one) points at the nearest enclosing key
 * that is; the whole file, at its first line.
 */
function keyOffset(doc: Document, path: readonly (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (!pair) break;
      const key = pair.key as Node | null;
      offset = key?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!Number.isInteger(Number(segment)) || !item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
}
