import { nodeOfKind } from "../../config/references.js";
import type { AgentDefinition } from "../../model/agentDefinition.js";
import { memoryEngine } from "./engine.js";
import { memorySchema } from "./memorySchema.js";

const sections = {
  memory: memorySchema.describe("HBM stacks: the foreign stockpile and inflow, and domestic output by generation."),
};

/** Memory: pools of HBM stacks by generation and origin. */
export const memoryDefinition: AgentDefinition<"memory", typeof sections> = {
  ...memoryEngine,
  sections,
  crossChecks(tree, issue) {
    if (tree.memory && Object.keys(tree.memory.domestic.generations).length === 0) {
      issue("memory.domestic.generations", "at least one domestic HBM generation", "none");
    }
    for (const [generation, g] of Object.entries(tree.memory?.domestic.generations ?? {})) {
      nodeOfKind(issue, tree.nodes, `memory.domestic.generations.${generation}.node`, g.node, "dram");
    }
  },
};
