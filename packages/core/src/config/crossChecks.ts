import type { ScenarioIssue } from "../errors.js";
import { closestName } from "../closestName.js";
import { MAX_SPARE_CORES } from "../schema/designs.js";
import { supportOf } from "../distributions/support.js";
import type { Param } from "../schema/param.js";
import type { ScenarioTree } from "../schema/scenario.js";
import type { NodeKind } from "../schema/nodes.js";
import type { Location } from "./resolvedScenario.js";

/**
 * Rules that span fields: references between sections, and relations
 * between parameters that must hold in every run. Given only the sections
 * the schema accepted (when it refused others), it checks the rules whose
 * sections are all there.
 */
export function crossCheck(tree: Partial<ScenarioTree>, locate: (path: string) => Location): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const issue = (path: string, expected: string, found: string, suggestion?: string) =>
    issues.push({ ...locate(path), path, expected, found, ...(suggestion !== undefined ? { suggestion } : {}) });
  const nodes = tree.nodes ? Object.keys(tree.nodes) : undefined;
  const nodeIssue = (path: string, node: string, known: readonly string[]) =>
    issue(path, `a node id under nodes (${known.join(", ")})`, `"${node}"`, closestName(node, known));
  // A design's compute dies need a logic node, an HBM generation's core dies a DRAM node.
  const kindIssue = (path: string, node: string, kind: NodeKind) => {
    if (!tree.nodes || !nodes) return;
    const known = nodes.filter((id) => tree.nodes?.[id]?.kind === kind);
    const found = Object.hasOwn(tree.nodes, node) ? tree.nodes[node] : undefined;
    if (!found) nodeIssue(path, node, known.length > 0 ? known : nodes);
    else if (found.kind !== kind) issue(path, `a ${kind} node (${known.join(", ") || "none in this scenario"})`, `"${node}", a ${found.kind} node`, closestName(node, known));
  };

  if (tree.fabs && nodes) {
    for (const [id, fab] of Object.entries(tree.fabs)) {
      if (!nodes.includes(fab.node)) nodeIssue(`fabs.${id}.node`, fab.node, nodes);
    }
  }
  const banked = new Map<string, string>();
  const { designs } = tree;
  if (tree.dieBanks && designs) {
    const domestic = Object.keys(designs).filter((id) => designs[id]?.origin === "domestic");
    for (const [bank, entry] of Object.entries(tree.dieBanks)) {
      entry.designs.forEach((design, k) => {
        const d = Object.hasOwn(designs, design) ? designs[design] : undefined;
        if (!d || d.origin !== "domestic") {
          issue(`dieBanks.${bank}.designs.${k}`, "the id of a domestic design", `"${design}"`, closestName(design, domestic));
        } else if (banked.has(design)) {
          issue(`dieBanks.${bank}.designs.${k}`, `a design in only one die bank (${design} is also in ${banked.get(design)})`, `"${design}"`);
        } else banked.set(design, bank);
      });
    }
  }
  for (const [id, design] of Object.entries(designs ?? {})) {
    if (design.origin !== "domestic") continue;
    kindIssue(`designs.${id}.node`, design.node, "logic");
    const [, maxRequired] = supportOf(design.coresRequired.dist);
    const [minCores, maxCores] = supportOf(design.cores.dist);
    const [minRequired] = supportOf(design.coresRequired.dist);
    if (maxRequired > minCores) {
      issue(`designs.${id}.coresRequired`, `no more than the cores on the die (${minCores})`, String(maxRequired));
    } else if (maxCores - minRequired > MAX_SPARE_CORES) {
      issue(`designs.${id}.coresRequired`, `at most ${MAX_SPARE_CORES} spare cores (cores - coresRequired)`, String(maxCores - minRequired));
    }
  }
  if (tree.subsidies) {
    const shares = [tree.subsidies.advancedLogicShare, tree.subsidies.hbmShare, tree.subsidies.packagingShare];
    const most = shares.reduce((sum, p) => sum + maxOf(p), 0);
    if (most > 1 + 1e-12) {
      issue("subsidies", "advancedLogicShare + hbmShare + packagingShare of at most 1 in every run", `shares that can sum to ${Number(most.toFixed(4))}`);
    }
  }
  if (tree.memory && Object.keys(tree.memory.domestic.generations).length === 0) {
    issue("memory.domestic.generations", "at least one domestic HBM generation", "none");
  }
  for (const [generation, g] of Object.entries(tree.memory?.domestic.generations ?? {})) {
    kindIssue(`memory.domestic.generations.${generation}.node`, g.node, "dram");
  }
  for (const [id, node] of Object.entries(tree.nodes ?? {})) {
    if (node.needsEuv && minOf(node.euvLayers) <= 0) issue(`nodes.${id}.euvLayers`, "at least one EUV layer on a node that needs EUV, in every run", `${minOf(node.euvLayers)}`);
  }
  for (const [id, lever] of Object.entries(tree.levers ?? {})) {
    const periods: [string, { start: Param; end?: Param | undefined }][] = [[`levers.${id}`, lever], ...(lever.windows ?? []).map((w, k) => [`levers.${id}.windows.${k}`, w] as [string, typeof w])];
    for (const [path, period] of periods) {
      if (period.end && maxOf(period.start) > minOf(period.end)) issue(`${path}.end`, "an end after the start in every run", "an end that can come before the start");
    }
  }
  return issues;
}

function maxOf(p: Param): number {
  return supportOf(p.dist)[1];
}

function minOf(p: Param): number {
  return supportOf(p.dist)[0];
}
