import type { AgentEngine } from "../../model/agentDefinition.js";
import { FabsAgent } from "./fabsAgent.js";

/** Fabs as compiling a model needs it (no schema library: worker threads load this). */
export const fabsEngine: AgentEngine<"fabs"> = {
  name: "fabs",
  build: (ctx) => new FabsAgent(ctx),
};
