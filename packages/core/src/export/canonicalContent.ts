import type { ResolvedScenario } from "../config/resolvedScenario.js";
import { Param } from "../schema/param.js";

/**
 * The content of a resolved scenario that decides its results, as one
 * stable string: every field and every parameter's distribution, with
 * object keys sorted; provenance, titles and descriptions are left out (they
 * change no number). Exports record a hash of it, so a result can be traced
 * to exactly the inputs that made it.
 */
export function canonicalContent(scenario: ResolvedScenario): string {
  const { id: _id, title: _title, description: _description, question: _question, changes: _changes, ...rest } = scenario.tree as Record<string, unknown>;
  const withDraws = { ...rest, params: scenario.params.map((p) => [p.path, p.dist]) };
  return stable(withDraws);
}

function stable(value: unknown): string {
  if (value instanceof Param) return stable({ dist: value.dist, kind: value.spec.kind, unit: value.spec.unit });
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([k, v]) => v !== undefined && !["source", "assumption", "claim", "note", "description", "label", "bibliography"].includes(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
