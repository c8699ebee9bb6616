import type { AgentDefinition } from "../../model/agentDefinition.js";
import { planningEngine } from "./engine.js";
import { planningSchema } from "./planningSchema.js";

const sections = {
  planning: planningSchema.describe("How designers plan wafer starts against the packaging they expect, and how long waiting dies keep."),
};

/** Planning: each designer's wafer starts for next quarter, against the packaging it expects. */
export const planningDefinition: AgentDefinition<"planning", typeof sections> = {
  ...planningEngine,
  sections,
};
