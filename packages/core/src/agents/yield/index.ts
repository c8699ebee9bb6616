import type { AgentDefinition } from "../../model/agentDefinition.js";
import { yieldEngine } from "./engine.js";
import { yieldSchema } from "./yieldSchema.js";

const sections = {
  yield: yieldSchema.describe("The die-yield model shared by every node and design."),
};

/** Yield: each node's AI wafers as good dies per design, with core harvesting. */
export const yieldDefinition: AgentDefinition<"yield", typeof sections> = {
  ...yieldEngine,
  sections,
};
