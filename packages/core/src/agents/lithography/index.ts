import type { AgentDefinition } from "../../model/agentDefinition.js";
import { lithographyEngine } from "./engine.js";
import { lithographySchema } from "./lithographySchema.js";

const sections = {
  lithography: lithographySchema.describe("Scanners: foreign DUV, domestic SMEE immersion, domestic and foreign EUV."),
};

/** Lithography: the scanners that can work on advanced nodes, as wafer exposures per quarter. */
export const lithographyDefinition: AgentDefinition<"lithography", typeof sections> = {
  ...lithographyEngine,
  sections,
};
