import type { AgentDefinition } from "../../model/agentDefinition.js";
import { marketEngine } from "./engine.js";
import { marketSchema } from "./marketSchema.js";

const sections = {
  market: marketSchema.describe("Demand for AI compute, imports, the installed base and the H100-equivalent."),
};

/** Market: demand for AI compute met by imports and domestic supply, within spare power. */
export const marketDefinition: AgentDefinition<"market", typeof sections> = {
  ...marketEngine,
  sections,
};
