import { unknownNode } from "../../config/references.js";
import { supportOf } from "../../distributions/support.js";
import type { AgentDefinition } from "../../model/agentDefinition.js";
import { fabsEngine } from "./engine.js";
import { fabsSchema } from "./fabsSchema.js";
import { nodesSchema } from "./nodesSchema.js";

const sections = {
  nodes: nodesSchema.describe("Process nodes by id: exposures per wafer and how the defect density learns."),
  fabs: fabsSchema.describe("Fab lines by id, each making one node and drawing on the shared lithography pool."),
};

/** Fabs: the process nodes and the fab lines making them, cut by lithography capacity. */
export const fabsDefinition: AgentDefinition<"fabs", typeof sections> = {
  ...fabsEngine,
  sections,
  crossChecks(tree, issue) {
    for (const [id, node] of Object.entries(tree.nodes ?? {})) {
      const fewest = supportOf(node.euvLayers.dist)[0];
      if (node.needsEuv && fewest <= 0) issue(`nodes.${id}.euvLayers`, "at least one EUV layer on a node that needs EUV, in every run", `${fewest}`);
    }
    const nodes = tree.nodes ? Object.keys(tree.nodes) : undefined;
    if (!tree.fabs || !nodes) return;
    for (const [id, fab] of Object.entries(tree.fabs)) {
      if (!nodes.includes(fab.node)) unknownNode(issue, `fabs.${id}.node`, fab.node, nodes);
    }
  },
};
