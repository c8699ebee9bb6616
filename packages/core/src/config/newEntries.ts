import { closestName } from "../closestName.js";
import { scenarioSchema } from "../schema/scenario.js";
import { childSchema, isPlainObject, isRecord, pathKey, valueAt } from "./schemaWalk.js";
import type { PlainIssue } from "./zodIssues.js";

/**
 * An entry a scenario adds to a collection of its parent's (a design, a
 * fab, a node) must be whole; more often it is an id written wrong, meant
 * to change an inherited entry. Its missing fields are then one problem,
 * not one per field: the entry, the fields it lacks, the ids it could have
 * meant and the closest of them.
 */
export function newEntries(issues: readonly PlainIssue[], tree: unknown, inherited: unknown): PlainIssue[] {
  if (inherited === undefined) return [...issues];
  const out: PlainIssue[] = [];
  const groups = new Map<string, { entry: (string | number)[]; missing: string[] }>();
  for (const issue of issues) {
    const entry = recordEntry(issue.path, tree);
    const isNew = entry !== undefined && valueAt(inherited, entry) === undefined;
    if (!entry || !isNew || issue.path.length !== entry.length + 1 || valueAt(tree, issue.path) !== undefined) {
      out.push(issue);
      continue;
    }
    const key = pathKey(entry);
    const group = groups.get(key) ?? { entry, missing: [] };
    group.missing.push(String(issue.path[entry.length]));
    groups.set(key, group);
  }
  for (const { entry, missing } of groups.values()) {
    const id = String(entry[entry.length - 1]);
    const collection = entry.slice(0, -1);
    const siblings = valueAt(inherited, collection);
    const existing = isPlainObject(siblings) ? Object.keys(siblings) : [];
    const suggestion = closestName(id, existing);
    out.push({
      path: entry,
      expected: `an id under ${pathKey(collection)} to change (${existing.join(", ") || "none inherited"}), or a new entry with every field`,
      found: `a new entry "${id}" without ${missing.join(", ")}`,
      ...(suggestion !== undefined ? { suggestion } : {}),
    });
  }
  return out;
}

/** The path of the entry of the first collection keyed by id (a record) on `path`, if there is one. */
function recordEntry(path: readonly (string | number)[], tree: unknown): (string | number)[] | undefined {
  let schema: Parameters<typeof childSchema>[0] | undefined = scenarioSchema;
  let node: unknown = tree;
  for (let k = 0; k < path.length && schema; k++) {
    const key = path[k] as string | number;
    if (isRecord(schema)) return path.slice(0, k + 1);
    schema = childSchema(schema, key, node);
    node = isPlainObject(node) ? node[String(key)] : undefined;
  }
  return undefined;
}
