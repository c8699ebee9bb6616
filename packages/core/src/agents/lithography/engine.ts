import type { AgentEngine } from "../../model/agentDefinition.js";
import { LithographyAgent } from "./lithographyAgent.js";

/** Lithography as compiling a model needs it (no schema library: worker threads load this). */
export const lithographyEngine: AgentEngine<"lithography"> = {
  name: "lithography",
  build: (ctx) => new LithographyAgent(ctx),
};
