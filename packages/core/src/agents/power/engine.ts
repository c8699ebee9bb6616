import type { AgentEngine } from "../../model/agentDefinition.js";
import { PowerAgent } from "./powerAgent.js";

/** Power as compiling a model needs it (no schema library: worker threads load this). */
export const powerEngine: AgentEngine<"power"> = {
  name: "power",
  build: (ctx) => new PowerAgent(ctx),
};
