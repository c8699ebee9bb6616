import { closestName } from "../closestName.js";
import type { IssueSink } from "../errors.js";

/** Reports a reference to a node id that `nodes` does not define, with the closest one it does. */
export function unknownNode(issue: IssueSink, path: string, node: string, nodes: readonly string[]): void {
  issue(path, `a node id under nodes (${nodes.join(", ")})`, `"${node}"`, closestName(node, nodes));
}
