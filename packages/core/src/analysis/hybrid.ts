import type { ResolvedScenario } from "../config/resolvedScenario.js";
import { Param } from "../schema/param.js";

/**
 * Scenario A with the parts of scenario B under the given path prefixes:
 * what A would give if only those pieces were changed to B's. Used to
 * attribute a difference between two scenarios to the pieces that differ.
 * Parameters keep their identity (and so their random streams), so the
 * hybrid shares random numbers with both.
 */
export function hybridScenario(a: ResolvedScenario, b: ResolvedScenario, prefixes: readonly string[]): ResolvedScenario {
  const tree = copyTree(a.tree) as Record<string, unknown>;
  for (const prefix of prefixes) {
    const path = prefix.split(".");
    const fromB = valueAt(b.tree, path);
    if (fromB === undefined) deleteAt(tree, path);
    else setAt(tree, path, copyTree(fromB));
  }
  const params: Param[] = [];
  collectParams(tree, params);
  // A trigger's draw is the same parameter in both scenarios (same path, same uniform).
  const draws = new Map<string, Param>();
  for (const p of [...a.params, ...b.params]) if (p.path.endsWith(".draw")) draws.set(p.path, p);
  for (const id of Object.keys((tree["triggers"] as Record<string, unknown> | undefined) ?? {})) {
    const draw = draws.get(`triggers.${id}.draw`);
    if (draw) params.push(draw);
  }
  return {
    ...a,
    meta: { ...a.meta, id: `${a.meta.id}+${prefixes.join("+")}`, hybrid: { from: a.meta.id, to: b.meta.id, parts: [...prefixes] } },
    tree: tree as unknown as ResolvedScenario["tree"],
    params,
    bibliography: new Map([...a.bibliography, ...b.bibliography]),
  };
}

function copyTree(value: unknown): unknown {
  if (value instanceof Param) return value;
  if (Array.isArray(value)) return value.map(copyTree);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyTree(v);
    return out;
  }
  return value;
}

function collectParams(node: unknown, out: Param[]): void {
  if (node instanceof Param) out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => collectParams(n, out));
  else if (typeof node === "object" && node !== null) for (const v of Object.values(node)) collectParams(v, out);
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== "object" || node === null || node instanceof Param) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

function deleteAt(root: Record<string, unknown>, path: readonly string[]): void {
  const parent = valueAt(root, path.slice(0, -1));
  if (typeof parent === "object" && parent !== null) delete (parent as Record<string, unknown>)[path[path.length - 1] as string];
}
