import { closestName } from "../closestName.js";
import type { IssueSink } from "../errors.js";
import type { NodeTree } from "../schema/scenario.js";

type NodeKind = NodeTree["kind"];

/** Reports a reference to a node id that `nodes` does not define, with the closest one it does. */
export function unknownNode(issue: IssueSink, path: string, node: string, nodes: readonly string[]): void {
  issue(path, `a node id under nodes (${nodes.join(", ")})`, `"${node}"`, closestName(node, nodes));
}

/**
 * Reports a reference to a node that does not exist or is of the wrong
 * kind: a design's compute dies need a logic node, an HBM generation's
 * core dies a DRAM node.
 */
export function nodeOfKind(
  issue: IssueSink,
  nodes: Readonly<Record<string, { readonly kind: NodeKind }>> | undefined,
  path: string,
  node: string,
  kind: NodeKind,
): void {
  if (!nodes) return;
  const ids = Object.keys(nodes);
  const known = ids.filter((id) => nodes[id]?.kind === kind);
  const found = Object.hasOwn(nodes, node) ? nodes[node] : undefined;
  if (!found) unknownNode(issue, path, node, known.length > 0 ? known : ids);
  else if (found.kind !== kind) issue(path, `a ${kind} node (${known.join(", ") || "none in this scenario"})`, `"${node}", a ${found.kind} node`, closestName(node, known));
}
