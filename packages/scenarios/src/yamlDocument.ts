import { LineCounter, parseDocument } from "yaml";
import type { ScenarioDocument, ScenarioIssue } from "@chipsim/core";

/**
 * Parses a scenario or bibliography file. YAML and JSON go through the
 * same parser (JSON is YAML), so both get line numbers in errors, duplicate
 * keys are refused, and aliases are capped so a small file cannot expand
 * into a huge one.
 */
export const MAX_ALIASES = 100;

export type ParsedDocument = { ok: true; document: ScenarioDocument } | { ok: false; issues: ScenarioIssue[] };

export function parseScenarioText(file: string, text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED")];
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
    return { ok: false, issues: [{ file, path: "", expected: "valid YAML (or JSON)", found: firstLine(error instanceof Error ? error.message : String(error)) }] };
  }
  return {
    ok: true,
    document: {
      file,
      data,
      locate(path) {
        const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
        const offset = node?.range?.[0];
        if (offset === undefined) return undefined;
        const at = lineCounter.linePos(offset);
        return { line: at.line, column: at.col };
      },
    },
  };
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
}
