import type { ResolvedScenario } from "../config/resolvedScenario.js";
import { Param } from "../schema/param.js";

/**
 * Where two resolved scenarios differ: every field whose value (a
 * parameter's distribution, or a plain setting such as a design's node)
 * is not the same, or that exists in only one of them. Titles, descriptions
 * and provenance are not compared: they change no number.
 */
export interface ScenarioChange {
  readonly path: string;
  /** The value in the first scenario (a Param, or a plain value), or undefined where it has none. */
  readonly before?: unknown;
  readonly after?: unknown;
}

const IGNORED = new Set(["id", "title", "description", "question", "changes", "bibliography", "runs", "seed", "source", "assumption", "claim", "note", "label"]);

export function scenarioChanges(a: ResolvedScenario, b: ResolvedScenario): ScenarioChange[] {
  const changes: ScenarioChange[] = [];
  walk(a.tree, b.tree, [], changes);
  // Trigger draws live beside the tree.
  const drawsA = new Map(a.params.filter((p) => p.path.endsWith(".draw")).map((p) => [p.path, p]));
  for (const p of b.params.filter((q) => q.path.endsWith(".draw"))) if (!drawsA.has(p.path)) changes.push({ path: p.path, after: p });
  for (const [path, p] of drawsA) if (!b.params.some((q) => q.path === path)) changes.push({ path, before: p });
  return changes;
}

function walk(a: unknown, b: unknown, path: string[], out: ScenarioChange[]): void {
  const key = path.join(".");
  if (a === undefined && b === undefined) return;
  if (a instanceof Param || b instanceof Param) {
    if (!(a instanceof Param) || !(b instanceof Param) || JSON.stringify(a.dist) !== JSON.stringify(b.dist)) {
      out.push({ path: key, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
    }
    return;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = Array.isArray(a) ? a : [];
    const right = Array.isArray(b) ? b : [];
    if (!left.some(isTree) && !right.some(isTree)) {
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: key, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
      return;
    }
    for (let i = 0; i < Math.max(left.length, right.length); i++) walk(left[i], right[i], [...path, String(i)], out);
    return;
  }
  if (isObject(a) || isObject(b)) {
    const left = isObject(a) ? a : {};
    const right = isObject(b) ? b : {};
    for (const k of new Set([...Object.keys(left), ...Object.keys(right)])) if (!IGNORED.has(k)) walk(left[k], right[k], [...path, k], out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: key, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
}

/** Objects and Params are walked into; lists of plain values (a die bank's designs) compare whole. */
function isTree(v: unknown): boolean {
  return v instanceof Param || isObject(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Param);
}

/**
 * Groups changes into the pieces a comparison attributes effects to: a
 * lever, a trigger, or what the scenario declares it changes (the most
 * specific `changes` entry covering a path); otherwise the path itself.
 */
export function changeGroups(changes: readonly ScenarioChange[], declared: readonly string[] = []): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const c of changes) {
    const parts = c.path.split(".");
    let group: string;
    if (parts[0] === "levers" || parts[0] === "triggers") group = parts.slice(0, 2).join(".");
    else {
      const covering = declared.filter((d) => c.path === d || c.path.startsWith(`${d}.`)).sort((x, y) => y.length - x.length)[0];
      group = covering ?? c.path;
    }
    groups.set(group, [...(groups.get(group) ?? []), c.path]);
  }
  return groups;
}
