import type { AgentDefinition } from "../../model/agentDefinition.js";
import { powerEngine } from "./engine.js";
import { powerSchema } from "./powerSchema.js";

const sections = {
  power: powerSchema.describe("Data-centre power available to AI accelerators."),
};

/** Power: data-centre power for AI accelerators and what each design draws. */
export const powerDefinition: AgentDefinition<"power", typeof sections> = {
  ...powerEngine,
  sections,
};
