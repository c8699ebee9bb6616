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
  },
};
